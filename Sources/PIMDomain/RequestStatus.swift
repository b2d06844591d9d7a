import Foundation

/// Graph's `request.status`, every documented value, plus whatever the service invents later.
public enum RequestStatus: GraphEnumeration {
    case canceled, denied, failed, granted, pendingAdminDecision, pendingApproval, pendingProvisioning
    case pendingScheduleCreation, provisioned, revoked, scheduleCreated
    case other(String)

    public static let documented: [RequestStatus] = [
        .canceled, .denied, .failed, .granted, .pendingAdminDecision, .pendingApproval, .pendingProvisioning,
        .pendingScheduleCreation, .provisioned, .revoked, .scheduleCreated,
    ]

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
}
