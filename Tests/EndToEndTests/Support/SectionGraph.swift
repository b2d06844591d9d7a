import Foundation
import LoopbackHTTP

/// A small tenant for `RoutingHTTPServer` that answers `$batch` item by item, so one section of a
/// listing can fail (`failing` sections answer `status`) while the others load: one eligible role
/// (Security Reader), one active role (Global Reader), one pending group request and one group request
/// waiting for my approval.
struct SectionGraph: Sendable {
    enum Section: String, Sendable, CaseIterable {
        case me, eligibleRoles, activeRoles, eligibleGroups, activeGroups, roleRequests, groupRequests
        case roleApprovals, groupApprovals, roleElevations, groupElevations, policies, other
    }

    static let me = "5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11"
    static let groupRequestId = "7c6d2f10-3b1e-4d8a-9e55-1f2a3b4c5d6e"
    static let approvalId = "9f2b5ddb-a50e-44a1-a6f4-f616322262ea"

    var failing: Set<Section>
    var status: Int = 500

    /// The section a request (or batch item) URL reads.
    static func section(of url: String) -> Section {
        let u = url.removingPercentEncoding ?? url
        if u.contains("/me") && !u.contains("filterByCurrentUser") { return .me }
        if u.contains("roleEligibilityScheduleInstances") { return .eligibleRoles }
        if u.contains("roleAssignmentScheduleInstances/filterByCurrentUser") { return .activeRoles }
        if u.contains("roleAssignmentScheduleInstances") { return .roleElevations }
        if u.contains("group/eligibilityScheduleInstances") { return .eligibleGroups }
        if u.contains("group/assignmentScheduleInstances/filterByCurrentUser") { return .activeGroups }
        if u.contains("group/assignmentScheduleInstances") { return .groupElevations }
        if u.contains("roleAssignmentScheduleRequests/filterByCurrentUser(on='principal')") { return .roleRequests }
        if u.contains("roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')") { return .roleApprovals }
        if u.contains("group/assignmentScheduleRequests/filterByCurrentUser(on='principal')") { return .groupRequests }
        if u.contains("group/assignmentScheduleRequests/filterByCurrentUser(on='approver')") { return .groupApprovals }
        if u.contains("roleManagementPolicyAssignments") { return .policies }
        return .other
    }

    /// The route for `RoutingHTTPServer`.
    func route(_ request: RawRequest) -> (status: Int, body: String) {
        guard request.method == "POST", request.path.hasSuffix("/$batch") else { return answer(request.target) }
        let object = (try? JSONSerialization.jsonObject(with: request.body ?? Data())) as? [String: Any] ?? [:]
        var responses: [[String: Any]] = []
        for item in (object["requests"] as? [[String: Any]]) ?? [] {
            let (status, body) = answer(item["url"] as? String ?? "")
            // Retry-After 0 keeps the retries of a 503 from waiting in real time.
            responses.append([
                "id": item["id"] ?? "", "status": status, "headers": ["Retry-After": "0"],
                "body": (try? JSONSerialization.jsonObject(with: Data(body.utf8))) ?? [:],
            ])
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["responses": responses])) ?? Data()
        return (200, String(decoding: data, as: UTF8.self))
    }

    func answer(_ url: String) -> (status: Int, body: String) {
        let section = Self.section(of: url)
        if failing.contains(section) {
            let code = status == 403 ? "Forbidden" : "InternalServerError"
            return (status, #"{"error":{"code":"\#(code)","message":"Scripted failure."}}"#)
        }
        switch section {
        case .me: return (200, #"{"id":"\#(Self.me)","displayName":"Ada Admin","userPrincipalName":"ada@contoso.com"}"#)
        case .eligibleRoles:
            return (
                200, list(Self.role("e1", "5d6b6bb7-de71-4623-b4af-96380a352509", "Security Reader", active: false))
            )
        case .activeRoles:
            return (200, list(Self.role("a1", "f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader", active: true)))
        case .roleElevations:
            return (200, list(Self.role("a1", "f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader", active: true)))
        case .eligibleGroups: return (200, list(Self.group))
        case .groupRequests: return (200, list(Self.groupRequest(Self.groupRequestId)))
        case .groupApprovals: return (200, list(Self.groupRequest(Self.approvalId)))
        case .other: return (404, #"{"error":{"code":"ResourceNotFound","message":"No route."}}"#)
        default: return (200, list())
        }
    }

    func list(_ items: String...) -> String { #"{"value":[\#(items.joined(separator: ","))]}"# }

    static func role(_ id: String, _ roleId: String, _ name: String, active: Bool) -> String {
        let end = active ? #""2099-01-01T00:00:00Z""# : "null"
        let type = active ? #","assignmentType":"Activated""# : ""
        return
            #"""
            {"id":"\#(id)","principalId":"\#(me)","roleDefinitionId":"\#(roleId)","directoryScopeId":"/",\#
            "startDateTime":"2026-01-05T09:00:00Z","endDateTime":\#(end),"memberType":"Direct"\#(type),\#
            "roleDefinition":{"id":"\#(roleId)","displayName":"\#(name)"},"principal":{"id":"\#(me)",\#
            "displayName":"Ada Admin"}}
            """#
    }

    static let groupId = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
    static let group =
        #"""
        {"id":"g1","principalId":"\#(me)","groupId":"\#(groupId)","accessId":"member","memberType":"Direct",\#
        "startDateTime":"2026-01-05T09:00:00Z","endDateTime":null,"group":{"id":"\#(groupId)",\#
        "displayName":"Finance Admins"}}
        """#

    static func groupRequest(_ id: String) -> String {
        #"""
        {"id":"\#(id)","status":"PendingApproval","action":"selfActivate","principalId":"\#(me)",\#
        "groupId":"\#(groupId)","accessId":"member","createdDateTime":"2026-01-05T09:00:00Z","approvalId":"\#(id)",\#
        "justification":"audit","scheduleInfo":{"startDateTime":"2026-01-05T09:00:00Z",\#
        "expiration":{"type":"afterDuration","duration":"PT1H"}},"group":{"id":"\#(groupId)",\#
        "displayName":"Finance Admins"},"principal":{"id":"\#(me)","displayName":"Ada Admin"}}
        """#
    }
}
