import Foundation

/// The Azure side of the demo tenant: the resource hierarchy Azure Resource Manager knows, and PIM for
/// Azure resources on it (policies, eligibilities, assignments, requests). Persisted with the rest of
/// the tenant's state; scopes are kept in ARM's canonical `/subscriptions/{id}…` spelling.
struct ARMEstate: Codable, Sendable, Equatable {
    var managementGroups: [ARMManagementGroup] = []
    var subscriptions: [ARMSubscription] = []
    var resourceGroups: [ARMResourceGroup] = []
    var resources: [ARMResource] = []
    /// Standing members of Entra groups that hold Azure eligibilities (memberType `Group`).
    var groupMembers: [ARMGroupMembership] = []
    var policies: [ARMPolicy] = []
    var eligibilities: [ARMEligibility] = []
    var assignments: [ARMAssignment] = []
    var requests: [ARMRequest] = []
}

struct ARMManagementGroup: Codable, Sendable, Equatable {
    var name: String
    var displayName: String
}

struct ARMSubscription: Codable, Sendable, Equatable {
    var id: String
    var displayName: String
    /// The management group it sits in (`name`).
    var managementGroup: String
}

struct ARMResourceGroup: Codable, Sendable, Equatable {
    var subscriptionId: String
    var name: String
    var location: String
}

struct ARMResource: Codable, Sendable, Equatable {
    var subscriptionId: String
    var resourceGroup: String
    /// `Microsoft.KeyVault/vaults`.
    var type: String
    var name: String
}

struct ARMGroupMembership: Codable, Sendable, Equatable {
    var groupId: String
    var memberIds: [String]
}

/// The activation settings of one role at one scope (role settings are per role and per resource).
struct ARMPolicy: Codable, Sendable, Equatable {
    var policyId: String
    var scope: String
    /// The role definition GUID.
    var roleId: String
    var maximumDurationSeconds: Int
    var requiresJustification: Bool
    var requiresTicket: Bool
    var requiresMfa: Bool
    var requiresApproval: Bool
    var approverIds: [String]
    var authenticationContext: String?
}

/// One eligibility schedule and its (single) instance.
struct ARMEligibility: Codable, Sendable, Equatable {
    var scheduleId: String
    var instanceId: String
    var scope: String
    var roleId: String
    var principalId: String
    /// `User` or `Group`.
    var principalType: String
    /// `Direct`, `Group` or `Inherited`.
    var memberType: String
    var start: Date
    var end: Date?
}

/// One assignment schedule and its instance: `Activated` (from a PIM activation) or `Assigned`.
struct ARMAssignment: Codable, Sendable, Equatable {
    var instanceId: String
    var scheduleId: String
    var scope: String
    var roleId: String
    var principalId: String
    var principalType: String
    var memberType: String
    var assignmentType: String
    var start: Date
    var end: Date?
    /// The eligibility schedule an activation came from (GUID).
    var linkedEligibilityScheduleId: String?
    /// The request that created it.
    var requestName: String?
}

/// The single approval stage of a request that needs approval.
struct ARMApproval: Codable, Sendable, Equatable {
    var id: String
    var stageId: String
    /// `InProgress`, `Completed`, `Expired`.
    var status: String
    /// `NotReviewed`, `Approve`, `Deny` (ARM's spelling, unlike Graph's `Approved`).
    var reviewResult: String
    var reviewedById: String?
    var reviewedDateTime: Date?
    var justification: String
    var approverIds: [String]
}

/// A role assignment schedule request as the tenant keeps it.
struct ARMRequest: Codable, Sendable, Equatable {
    var name: String
    var scope: String
    var roleId: String
    var principalId: String
    var principalType: String
    /// PascalCase: `SelfActivate`, `SelfDeactivate`, `SelfExtend`.
    var requestType: String
    var status: String
    var requestorId: String
    var justification: String?
    var ticketNumber: String?
    var ticketSystem: String?
    var scheduleStart: Date?
    /// `AfterDuration`, `AfterDateTime`, `NoExpiration`, or nil when no schedule was sent.
    var expirationType: String?
    var durationText: String?
    var endDateTime: Date?
    var linkedEligibilityScheduleId: String?
    var targetScheduleId: String?
    var targetInstanceId: String?
    var createdOn: Date
    var approval: ARMApproval?

    var isPending: Bool { ARMRequest.pendingStatuses.contains(status) }

    static let pendingStatuses: Set<String> = ["PendingApproval", "PendingAdminDecision"]
}
