import Foundation
import PIMDomain

/// Azure Resource Manager's PIM calls as request values, each named by its row of the contract
/// (docs: arm-pim-contract.md §0). Scopes come from the service's own `properties.scope` and go into the
/// path verbatim; the root scope `/` is the tenant level (no prefix).
enum ARMEndpoints {
    /// PIM schedules, instances, requests and policies.
    static let pimVersion = "2020-10-01"
    /// `roleAssignmentApprovals` exist only in this preview.
    static let approvalsVersion = "2021-01-01-preview"
    static let subscriptionsVersion = "2022-12-01"
    static let managementGroupsVersion = "2021-04-01"
    static let roleDefinitionsVersion = "2022-04-01"
    static let batchVersion = "2020-06-01"

    static let authorization = "/providers/Microsoft.Authorization"

    /// `{scope}/providers/Microsoft.Authorization/{rest}`; the root scope adds no prefix.
    static func under(_ scope: String, _ rest: String) -> String {
        var prefix = scope.hasPrefix("/") ? scope : "/" + scope
        while prefix.hasSuffix("/") { prefix.removeLast() }
        return prefix + authorization + "/" + rest
    }

    /// Z1: my eligible Azure role instances at every scope (including ones through groups).
    static func myEligibilities() -> ARMRequest {
        ARMRequest(path: under("/", "roleEligibilityScheduleInstances"), apiVersion: pimVersion, filter: "asTarget()")
    }

    /// Z2: my active Azure role instances at every scope.
    static func myActiveAssignments() -> ARMRequest {
        ARMRequest(path: under("/", "roleAssignmentScheduleInstances"), apiVersion: pimVersion, filter: "asTarget()")
    }

    /// Z3: my eligible or active instances at one scope.
    static func myInstances(at scope: String, active: Bool) -> ARMRequest {
        ARMRequest(
            path: under(scope, active ? "roleAssignmentScheduleInstances" : "roleEligibilityScheduleInstances"),
            apiVersion: pimVersion, filter: "asTarget()")
    }

    /// Z4: the role management policy assignments at a scope (one per role with a policy there). The spec
    /// declares no filter, so roles are matched client-side.
    static func policyAssignments(at scope: String) -> ARMRequest {
        ARMRequest(path: under(scope, "roleManagementPolicyAssignments"), apiVersion: pimVersion)
    }

    /// Z5: create a schedule request (activate, deactivate, extend) named by a fresh GUID.
    static func scheduleRequest(at scope: String, name: String, _ body: ARMScheduleRequestBody) -> ARMRequest {
        ARMRequest(
            method: "PUT", path: under(scope, "roleAssignmentScheduleRequests/\(name)"), apiVersion: pimVersion,
            body: GraphRequest.json(body))
    }

    /// Z6: the same request checked without creating anything.
    static func validate(at scope: String, name: String, _ body: ARMScheduleRequestBody) -> ARMRequest {
        ARMRequest(
            method: "POST", path: under(scope, "roleAssignmentScheduleRequests/\(name)/validate"),
            apiVersion: pimVersion, body: GraphRequest.json(body))
    }

    /// Z7: cancel my pending request (no body; 200 with an empty body).
    static func cancel(at scope: String, name: String) -> ARMRequest {
        ARMRequest(
            method: "POST", path: under(scope, "roleAssignmentScheduleRequests/\(name)/cancel"), apiVersion: pimVersion)
    }

    enum RequestFilter: String {
        case asRequestor = "asRequestor()"
        case asApprover = "asApprover()"
    }

    /// Z8: my requests, or the requests I may approve, at every scope.
    static func requests(_ filter: RequestFilter) -> ARMRequest {
        ARMRequest(path: under("/", "roleAssignmentScheduleRequests"), apiVersion: pimVersion, filter: filter.rawValue)
    }

    /// One schedule request (Z8's single GET).
    static func request(at scope: String, name: String) -> ARMRequest {
        ARMRequest(path: under(scope, "roleAssignmentScheduleRequests/\(name)"), apiVersion: pimVersion)
    }

    /// Z9: approvals waiting for me (preview API).
    static func myApprovals() -> ARMRequest {
        ARMRequest(path: under("/", "roleAssignmentApprovals"), apiVersion: approvalsVersion, filter: "asApprover()")
    }

    /// Z10: one approval with its stages.
    static func approval(id: String) -> ARMRequest {
        ARMRequest(path: under("/", "roleAssignmentApprovals/\(lastSegment(id))"), apiVersion: approvalsVersion)
    }

    /// Z11: decide a stage: PATCH with the `properties` wrapper, as the spec's examples do. The stage is
    /// addressed by its `id` (its `name` can differ from the id's last segment).
    static func review(
        approvalId: String, stageId: String, decision: ApprovalDecision, justification: String
    ) -> ARMRequest {
        let path =
            isApprovalStagePath(stageId)
            ? stageId
            : under("/", "roleAssignmentApprovals/\(lastSegment(approvalId))/stages/\(lastSegment(stageId))")
        return ARMRequest(
            method: "PATCH", path: path, apiVersion: approvalsVersion,
            body: GraphRequest.json(
                ARMReviewBody(properties: .init(reviewResult: decision.rawValue, justification: justification))))
    }

    /// Whether a stage id from the service is a path to an approval stage (and nothing else), so it may be
    /// used as the PATCH path as it is; otherwise the path is built from the approval id and its last segment.
    static func isApprovalStagePath(_ id: String) -> Bool {
        let segments = id.split(separator: "/", omittingEmptySubsequences: false).map { $0.lowercased() }
        guard id.hasPrefix("/"), !id.hasPrefix("//"), !segments.contains(".."), !segments.contains("."),
            !id.contains("?"), !id.contains("#"), !id.contains("%")
        else { return false }
        return id.range(of: authorization + "/roleAssignmentApprovals/", options: .caseInsensitive) != nil
            && (segments.dropLast().last == "stages" || segments.dropLast().last == "steps")
    }

    /// Z12: narrower scopes an eligibility may be activated at.
    static func eligibleChildResources(of scope: String, type: String = "resourcegroup") -> ARMRequest {
        ARMRequest(
            path: under(scope, "eligibleChildResources"), apiVersion: pimVersion,
            filter: "resourceType eq '\(type.replacingOccurrences(of: "'", with: "''"))'")
    }

    /// Z13: every active instance on a subscription (the helpdesk view keeps `Activated` ones).
    static func subscriptionAssignments(subscriptionId: String) -> ARMRequest {
        ARMRequest(
            path: under("/subscriptions/\(subscriptionId)", "roleAssignmentScheduleInstances"), apiVersion: pimVersion)
    }

    /// Z14: subscriptions I can read.
    static func subscriptions() -> ARMRequest {
        ARMRequest(path: "/subscriptions", apiVersion: subscriptionsVersion)
    }

    /// Z15: management groups I can see.
    static func managementGroups() -> ARMRequest {
        ARMRequest(path: "/providers/Microsoft.Management/managementGroups", apiVersion: managementGroupsVersion)
    }

    /// Z16: a role definition, for its name when an answer lacks `expandedProperties`.
    static func roleDefinition(id: String) -> ARMRequest {
        ARMRequest(path: id.hasPrefix("/") ? id : "/" + id, apiVersion: roleDefinitionsVersion)
    }

    /// Z17: many GETs in one round trip (undocumented; at most 20 per batch).
    static func batch(_ body: Data) -> ARMRequest {
        ARMRequest(method: "POST", path: "/batch", apiVersion: batchVersion, body: body)
    }

    /// The last segment of a path-like id (`/providers/…/roleAssignmentApprovals/{guid}` → `{guid}`).
    static func lastSegment(_ id: String) -> String {
        id.split(separator: "/").last.map(String.init) ?? id
    }
}

/// Body of Z5/Z6: `{"properties":{…}}` with ARM's PascalCase request types; absent fields are left out.
struct ARMScheduleRequestBody: Encodable, Hashable, Sendable {
    struct Properties: Encodable, Hashable, Sendable {
        var principalId: String
        var roleDefinitionId: String
        var requestType: String
        var linkedRoleEligibilityScheduleId: String?
        var justification: String?
        var ticketInfo: TicketInfoBody?
        var scheduleInfo: ARMScheduleBody?
    }
    var properties: Properties
}

/// `scheduleInfo` as ARM takes it: `AfterDuration` with an ISO 8601 duration, or `AfterDateTime`.
struct ARMScheduleBody: Encodable, Hashable, Sendable {
    struct Expiration: Encodable, Hashable, Sendable {
        var type: String
        var duration: String?
        var endDateTime: String?
    }
    var startDateTime: String
    var expiration: Expiration

    static func afterDuration(start: Date, _ duration: ActivationDuration) -> ARMScheduleBody {
        ARMScheduleBody(
            startDateTime: GraphDate.string(start), expiration: .init(type: "AfterDuration", duration: duration.iso8601)
        )
    }

    static func afterDateTime(start: Date, end: Date) -> ARMScheduleBody {
        ARMScheduleBody(
            startDateTime: GraphDate.string(start),
            expiration: .init(type: "AfterDateTime", endDateTime: GraphDate.string(end)))
    }
}

/// Body of Z11: `{"properties":{"reviewResult":"Approve","justification":"…"}}`.
struct ARMReviewBody: Encodable, Hashable, Sendable {
    struct Properties: Encodable, Hashable, Sendable {
        var reviewResult: String
        var justification: String
    }
    var properties: Properties
}
