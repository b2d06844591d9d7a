import Foundation
import PIMDomain

/// Every Graph call the client makes, as request values (graph-pim-contract.md section 0).
/// Each builder names its contract row and its reference page.
enum Endpoints {
    /// D2 — the signed-in user. https://learn.microsoft.com/graph/api/user-get
    static func me() -> GraphRequest {
        GraphRequest(path: "/me", query: [.init("$select", "id,displayName,userPrincipalName")])
    }

    /// D1 — JSON batching. https://learn.microsoft.com/graph/json-batching
    static func batch(_ body: Data, version: GraphVersion = .v1) -> GraphRequest {
        GraphRequest(method: "POST", version: version, path: "/$batch", body: body)
    }

    /// A schedule request (activate, deactivate, extend) for a role (A5) or a group (B3).
    static func scheduleRequest(_ spec: ScheduleRequestSpec) throws(PIMError) -> GraphRequest {
        try of(spec.target.kind).createRequest(spec)
    }

    /// Cancel (A6 / B4).
    static func cancel(requestId: String, kind: TargetKind) throws(PIMError) -> GraphRequest {
        try of(kind).cancel(requestId: requestId)
    }

    /// C1 — the tenant's PIM audit log. https://learn.microsoft.com/graph/api/directoryaudit-list
    static func directoryAudits(since: Date?) -> GraphRequest {
        var filter = "loggedByService eq 'PIM'"
        if let since { filter += " and activityDateTime ge \(GraphDate.string(since))" }
        return GraphRequest(path: "/auditLogs/directoryAudits", query: [.init("$filter", filter)])
    }

    /// A11 / B8 — the policy of one target with its rules.
    /// https://learn.microsoft.com/graph/api/policyroot-list-rolemanagementpolicyassignments
    static func policy(for target: TargetID) throws(PIMError) -> GraphRequest {
        let filter = try of(target.kind).policyFilter(target)
        return GraphRequest(
            path: "/policies/roleManagementPolicyAssignments",
            query: [.init("$filter", filter), .init("$expand", "policy($expand=rules)")])
    }
}
