import Foundation

/// Everything the simulated tenant knows, as persisted in `demo-tenant.json`.
///
/// Plain Codable values of the tenant's own making (not Graph DTOs): the wire shapes are built
/// from these by the routes, so the persisted form can stay compact and stable.
struct TenantState: Codable, Sendable, Equatable {
    static let currentVersion = 1

    var version: Int = TenantState.currentVersion
    var tenantId: String
    var tenantDomain: String
    var seededAt: Date
    var scale: Int
    var users: [TenantUser]
    var roles: [TenantRole]
    var groups: [TenantGroup]
    var policies: [TenantPolicy]
    var eligibilities: [TenantEligibility]
    var assignments: [TenantAssignment]
    /// Time-bound assignments that ran out, kept 30 days so `selfRenew` has something to renew.
    var expiredAssignments: [TenantAssignment] = []
    var requests: [TenantRequest]
    var audit: [TenantAuditRecord]
}

/// Roles (directory roles) or groups (PIM for Groups).
enum TargetKind: String, Codable, Sendable {
    case role, group
}

struct TenantUser: Codable, Sendable, Equatable {
    var id: String
    var shortName: String
    var displayName: String
    var givenName: String
    var surname: String
    var userPrincipalName: String
    var jobTitle: String
    var officeLocation: String
}

struct TenantRole: Codable, Sendable, Equatable {
    var id: String
    var displayName: String
    var description: String
}

struct TenantGroup: Codable, Sendable, Equatable {
    var id: String
    var displayName: String
    var description: String
    var mailNickname: String
    var isAssignableToRole: Bool
}

/// The activation settings of one role or one group access (`member`/`owner`).
struct TenantPolicy: Codable, Sendable, Equatable {
    var policyId: String
    var kind: TargetKind
    /// Role definition id, or group id.
    var targetId: String
    /// `member`/`owner` for groups; nil for roles.
    var accessId: String?
    var maximumDurationSeconds: Int
    var requiresJustification: Bool
    var requiresTicket: Bool
    var requiresMfa: Bool
    var requiresApproval: Bool
    var approverIds: [String]
    var authenticationContext: String?
    var isApproverJustificationRequired: Bool = true
}

struct TenantEligibility: Codable, Sendable, Equatable {
    var id: String
    var scheduleId: String
    var kind: TargetKind
    var principalId: String
    var targetId: String
    var accessId: String?
    var directoryScopeId: String
    var memberType: String
    var start: Date
    var end: Date?
}

struct TenantAssignment: Codable, Sendable, Equatable {
    var id: String
    var scheduleId: String
    var kind: TargetKind
    var principalId: String
    var targetId: String
    var accessId: String?
    var directoryScopeId: String
    /// `Activated` (from a PIM activation) or `Assigned` (direct, possibly time-bound).
    var assignmentType: String
    var memberType: String
    var start: Date?
    var end: Date?
    /// The request that created it (activations), for audit correlation and `activatedUsing`.
    var requestId: String?
    var eligibilityScheduleId: String?
}

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

struct TenantRequest: Codable, Sendable, Equatable {
    var id: String
    var kind: TargetKind
    /// camelCase action as the service echoes it (`selfActivate`).
    var action: String
    var status: String
    var principalId: String
    var createdById: String
    var targetId: String
    var accessId: String?
    var directoryScopeId: String
    var justification: String?
    var ticketNumber: String?
    var ticketSystem: String?
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

struct TenantAuditRecord: Codable, Sendable, Equatable {
    var id: String
    var category: String
    var correlationId: String
    var result: String
    var resultReason: String
    var activity: String
    var date: Date
    var operationType: String
    /// The acting user (nil for the PIM service itself, e.g. expiry).
    var initiatorId: String?
    var initiatorName: String
    var initiatorUPN: String?
    var targetId: String
    var targetName: String
    /// `Role` or `Group`.
    var targetType: String
    var subjectId: String?
    var subjectName: String?
    var requestId: String?
    var auditType: String
}
