import Foundation
import PIMDomain

extension Endpoints.Roles {
    /// What a read of group-held roles selects: who holds which role where, and the role's name.
    static let heldRoleFields = "id,principalId,roleDefinitionId,directoryScopeId"
    static let heldRoleNames = "roleDefinition($select=id,displayName)"

    /// C4 — the directory roles several principals (groups) are eligible for, future ones included.
    /// https://learn.microsoft.com/graph/api/rbacapplication-list-roleeligibilityschedules
    static func eligibilitySchedules(principalIds: [String]) -> GraphRequest {
        heldRoles(in: "roleEligibilitySchedules", principalIds: principalIds)
    }

    /// C5 — the directory roles several principals (groups) hold now, assigned or activated.
    /// https://learn.microsoft.com/graph/api/rbacapplication-list-roleassignmentscheduleinstances
    static func assignmentInstances(principalIds: [String]) -> GraphRequest {
        heldRoles(in: "roleAssignmentScheduleInstances", principalIds: principalIds)
    }

    /// The one shape of both reads: a collection filtered to the principals, with the role's name.
    private static func heldRoles(in collection: String, principalIds: [String]) -> GraphRequest {
        GraphRequest(
            path: "\(root)/\(collection)",
            query: [
                .init("$filter", principalFilter(principalIds)), .init("$select", heldRoleFields),
                .init("$expand", heldRoleNames),
            ])
    }

    /// `principalId in ('a','b')`: one item for up to `ConfersReads.chunkSize` groups.
    static func principalFilter(_ ids: [String]) -> String {
        "principalId in (" + ids.map(GraphRequest.literal).joined(separator: ",") + ")"
    }
}
