import Foundation

/// Graph's `unifiedRoleScheduleRequestActions` / `scheduleRequestActions`.
public enum RequestAction: GraphEnumeration {
    case selfActivate, selfDeactivate, selfExtend, selfRenew
    case adminAssign, adminUpdate, adminRemove, adminExtend, adminRenew
    case other(String)

    public static let documented: [RequestAction] = [
        .selfActivate, .selfDeactivate, .selfExtend, .selfRenew,
        .adminAssign, .adminUpdate, .adminRemove, .adminExtend, .adminRenew,
    ]

    /// The schema's camelCase, which is what pim sends.
    public var graphValue: String {
        switch self {
        case .selfActivate: "selfActivate"
        case .selfDeactivate: "selfDeactivate"
        case .selfExtend: "selfExtend"
        case .selfRenew: "selfRenew"
        case .adminAssign: "adminAssign"
        case .adminUpdate: "adminUpdate"
        case .adminRemove: "adminRemove"
        case .adminExtend: "adminExtend"
        case .adminRenew: "adminRenew"
        case .other(let v): v
        }
    }

    /// A word for tables: activate, deactivate, extend, renew, assign, remove…
    public var verb: String {
        switch self {
        case .selfActivate: "activate"
        case .selfDeactivate: "deactivate"
        case .selfExtend, .adminExtend: "extend"
        case .selfRenew, .adminRenew: "renew"
        case .adminAssign: "assign"
        case .adminUpdate: "update"
        case .adminRemove: "remove"
        case .other(let v): v
        }
    }
}

/// Graph's `ticketInfo`.
public struct TicketInfo: Hashable, Sendable, Codable {
    public var number: String?
    public var system: String?

    public init(number: String? = nil, system: String? = nil) {
        self.number = number
        self.system = system
    }

    public var isEmpty: Bool { (number ?? "").isEmpty && (system ?? "").isEmpty }
}

/// A schedule request (role or group) as the service reports it.
public struct ElevationRequest: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var target: ElevationTarget
    public var action: RequestAction
    public var status: RequestStatus
    /// Who the request is for (for self-service, the requester).
    public var principal: Principal
    public var createdAt: Date?
    public var completedAt: Date?
    public var justification: String?
    public var ticket: TicketInfo?
    /// Requested start (nil: as soon as possible).
    public var start: Date?
    public var duration: ActivationDuration?
    /// Requested end when the request names one instead of a duration.
    public var end: Date?
    public var approvalId: String?
    public var isValidationOnly: Bool
    /// Who approved or denied it and why, once read from its approval.
    public var review: Review?

    public init(
        id: String, target: ElevationTarget, action: RequestAction, status: RequestStatus,
        principal: Principal, createdAt: Date? = nil, completedAt: Date? = nil,
        justification: String? = nil, ticket: TicketInfo? = nil, start: Date? = nil,
        duration: ActivationDuration? = nil, end: Date? = nil, approvalId: String? = nil,
        isValidationOnly: Bool = false, review: Review? = nil
    ) {
        self.id = id
        self.target = target
        self.action = action
        self.status = status
        self.principal = principal
        self.createdAt = createdAt
        self.completedAt = completedAt
        self.justification = justification
        self.ticket = ticket
        self.start = start
        self.duration = duration
        self.end = end
        self.approvalId = approvalId
        self.isValidationOnly = isValidationOnly
        self.review = review
    }

    /// True when the request was refused or withdrawn. `Revoked` is how a deactivation normally ends,
    /// so for `selfDeactivate` and `adminRemove` it is not a refusal.
    public var wasRefused: Bool {
        if status == .revoked && (action == .selfDeactivate || action == .adminRemove) { return false }
        return status.isRefusal
    }

    /// When the elevation would end if granted now: explicit end, else start (or `now`) + duration.
    public func expectedEnd(now: Date) -> Date? {
        if let end { return end }
        guard let duration else { return nil }
        return (start ?? now).addingTimeInterval(duration.timeInterval)
    }
}
