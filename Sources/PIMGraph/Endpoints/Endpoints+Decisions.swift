import Foundation
import PIMDomain

extension Endpoints.Roles {
    /// A8 without the status filter: every role request I am an approver of, decided ones included,
    /// for `pim history --mine-as-approver` (which keeps those whose approval names me as reviewer).
    static func asApprover() -> GraphRequest {
        GraphRequest(
            path: "\(root)/roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')",
            query: [.init("$select", requestFields), .init("$expand", "roleDefinition,principal")])
    }
}

extension Endpoints.Groups {
    /// B-side of A8 without the status filter: every group request I am an approver of.
    static func asApprover() -> GraphRequest {
        GraphRequest(
            path: "\(root)/assignmentScheduleRequests/filterByCurrentUser(on='approver')",
            query: [.init("$expand", "group,principal")])
    }
}
