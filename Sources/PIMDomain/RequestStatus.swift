import Foundation

/// Graph's `request.status`, every documented value, plus whatever the service invents later.
public enum RequestStatus: Hashable, Sendable, Codable, CustomStringConvertible {
    case canceled, denied, failed, granted, pendingAdminDecision, pendingApproval, pendingProvisioning
    case pendingScheduleCreation, provisioned, revoked, scheduleCreated
    case other(String)

    public static let documented: [RequestStatus] = [
        .canceled, .denied, .failed, .granted, .pendingAdminDecision, .pendingApproval, .pendingProvisioning,
        .pendingScheduleCreation, .provisioned, .revoked, .scheduleCreated,
    ]

    /// Case-insensitive: the service's own examples mix spellings.
    public init(graphValue: String) {
        self =
            Self.documented.first { $0.graphValue.caseInsensitiveCompare(graphValue) == .orderedSame }
            ?? .other(graphValue)
    }

    /// The exact spelling Graph documents (`PendingApproval`).
    public var graphValue: String {
        switch self {
        case .canceled: "Canceled"
        case .denied: "Denied"
        case .failed: "Failed"
        case .granted: "Granted"
        case .pendingAdminDecision: "PendingAdminDecision"
        case .pendingApproval: "PendingApproval"
        case .pendingProvisioning: "PendingProvisioning"
        case .pendingScheduleCreation: "PendingScheduleCreation"
        case .provisioned: "Provisioned"
        case .revoked: "Revoked"
        case .scheduleCreated: "ScheduleCreated"
        case .other(let value): value
        }
    }

    public var description: String { graphValue }

    /// Still waiting for someone or something: shown as pending, can usually be cancelled.
    public var isPending: Bool {
        switch self {
        case .pendingAdminDecision, .pendingApproval, .pendingProvisioning, .pendingScheduleCreation: true
        default: false
        }
    }

    /// The request was refused or withdrawn: nothing was granted.
    public var isRefusal: Bool {
        switch self {
        case .denied, .failed, .canceled, .revoked: true
        default: false
        }
    }

    /// Cancelable per the contract: pending approval, or granted but not started yet.
    public var isCancelable: Bool { self == .pendingApproval || self == .granted || self == .pendingAdminDecision }

    public init(from decoder: any Decoder) throws {
        self.init(graphValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(graphValue)
    }
}
