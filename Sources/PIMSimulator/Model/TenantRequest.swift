import Foundation

/// One approval stage/step of a request (single stage: PIM supports no more for roles).
struct TenantApprovalStep: Codable, Sendable, Equatable {
    var id: String
    /// `InProgress`, `Completed`, `Expired`.
    var status: String
    /// `NotReviewed`, `Approved`, `Denied`.
    var reviewResult: String
    var reviewedById: String?
    var reviewedDateTime: Date?
    var justification: String
    var approverIds: [String]
}

/// What a schedule request asks for and why: who, which access at which scope, the justification and
/// the ticket. The body as the service binds it and the request as the tenant keeps it both carry one.
struct TenantAsk: Codable, Sendable, Equatable {
    var principalId: String
    var targetId: String
    var accessId: String?
    var directoryScopeId: String
    var justification: String?
    var ticketNumber: String?
    var ticketSystem: String?
}

@dynamicMemberLookup
struct TenantRequest: Codable, Sendable, Equatable {
    var id: String
    var kind: TargetKind
    /// camelCase action as the service echoes it (`selfActivate`).
    var action: String
    var status: String
    var ask: TenantAsk
    var createdById: String
    var scheduleStart: Date?
    /// `afterDuration`, `afterDateTime`, `noExpiration`, `notSpecified`, or nil when no schedule was sent.
    var expirationType: String?
    var durationText: String?
    var durationSeconds: Int?
    var scheduleEnd: Date?
    var created: Date
    var completed: Date?
    var approvalId: String?
    var targetScheduleId: String?
    var isValidationOnly: Bool = false
    var approval: TenantApprovalStep?
}

extension TenantRequest {
    subscript<T>(dynamicMember keyPath: WritableKeyPath<TenantAsk, T>) -> T {
        get { ask[keyPath: keyPath] }
        set { ask[keyPath: keyPath] = newValue }
    }
}
