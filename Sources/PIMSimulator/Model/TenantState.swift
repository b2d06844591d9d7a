import Foundation

/// Everything the simulated tenant knows, as persisted in `demo-tenant.json`.
///
/// Plain Codable values of the tenant's own making (not Graph DTOs): the wire shapes are built
/// from these by the routes, so the persisted form can stay compact and stable.
struct TenantState: Codable, Sendable, Equatable {
    static let currentVersion = 4
    /// Versions read as they are: 3 had no access reviews (they are seeded on first use).
    static let readableVersions: Set<Int> = [3, 4]

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
    /// Azure resources and PIM for Azure resources (added in version 3).
    var azure = ARMEstate()
    /// Access reviews (added in version 4; nil in a version 3 file until first used).
    var reviews: ReviewEstate?
}

/// Roles (directory roles) or groups (PIM for Groups).
enum TargetKind: String, Codable, Sendable {
    case role, group
}
