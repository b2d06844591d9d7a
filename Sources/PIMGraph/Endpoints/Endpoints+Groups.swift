import Foundation
import PIMDomain

extension Endpoints {
    /// PIM for Groups (contract section B), all v1.0.
    enum Groups {
        static let root = "/identityGovernance/privilegedAccess/group"

        /// B1 — my eligible memberships and ownerships, with groups.
        /// https://learn.microsoft.com/graph/api/privilegedaccessgroupeligibilityscheduleinstance-filterbycurrentuser
        static func myEligibilities() -> GraphRequest {
            GraphRequest(
                path: "\(root)/eligibilityScheduleInstances/filterByCurrentUser(on='principal')",
                query: [.init("$expand", "group")])
        }

        /// B2 — my active memberships and ownerships, with groups.
        /// https://learn.microsoft.com/graph/api/privilegedaccessgroupassignmentscheduleinstance-filterbycurrentuser
        static func myActive() -> GraphRequest {
            GraphRequest(
                path: "\(root)/assignmentScheduleInstances/filterByCurrentUser(on='principal')",
                query: [.init("$expand", "group")])
        }

        /// B8a — assignments of one group (the `groupId` filter is required; there is no tenant-wide list).
        /// https://learn.microsoft.com/graph/api/privilegedaccessgroup-list-assignmentscheduleinstances
        static func assignments(groupId: String) -> GraphRequest {
            GraphRequest(
                path: "\(root)/assignmentScheduleInstances",
                query: [
                    .init("$filter", "groupId eq \(GraphRequest.literal(groupId))"),
                    .init("$expand", "principal"),
                ])
        }

        /// B3 — create a schedule request.
        /// https://learn.microsoft.com/graph/api/privilegedaccessgroup-post-assignmentschedulerequests
        static func createRequest(_ spec: ScheduleRequestSpec) -> GraphRequest {
            let body = GroupScheduleRequestBody(
                accessId: spec.target.kind.groupAccessId ?? "member", principalId: spec.principalId,
                groupId: spec.target.resourceId, action: spec.action.graphValue,
                justification: spec.justification, scheduleInfo: spec.schedule,
                ticketInfo: TicketInfoBody(spec.ticket), isValidationOnly: spec.validationOnly ? true : nil)
            return GraphRequest(
                method: "POST", path: "\(root)/assignmentScheduleRequests", body: GraphRequest.json(body))
        }

        /// B4 — cancel. https://learn.microsoft.com/graph/api/privilegedaccessgroupassignmentschedulerequest-cancel
        static func cancel(requestId: String) -> GraphRequest {
            GraphRequest(method: "POST", path: "\(root)/assignmentScheduleRequests/\(segment(requestId))/cancel")
        }

        /// B5 — my requests.
        /// https://learn.microsoft.com/graph/api/privilegedaccessgroupassignmentschedulerequest-filterbycurrentuser
        static func myRequests() -> GraphRequest {
            GraphRequest(path: "\(root)/assignmentScheduleRequests/filterByCurrentUser(on='principal')")
        }

        /// B5 — requests waiting for my approval (with group and requester).
        static func toApprove() -> GraphRequest {
            GraphRequest(
                path: "\(root)/assignmentScheduleRequests/filterByCurrentUser(on='approver')",
                query: [
                    .init("$filter", "status eq 'PendingApproval'"),
                    .init("$expand", "group,principal"),
                ])
        }

        /// One request by id (an approver may read the requests it approves): what became of it.
        /// https://learn.microsoft.com/graph/api/privilegedaccessgroupassignmentschedulerequest-get
        static func request(id: String) -> GraphRequest {
            GraphRequest(path: "\(root)/assignmentScheduleRequests/\(segment(id))")
        }

        /// B6 — the approval of a group request. https://learn.microsoft.com/graph/api/approval-get
        static func approval(id: String) -> GraphRequest {
            GraphRequest(path: "\(root)/assignmentApprovals/\(segment(id))")
        }

        /// B7 — approve or deny one stage. https://learn.microsoft.com/graph/api/approvalstage-update
        static func review(
            approvalId: String, stageId: String, decision: ApprovalDecision, justification: String
        ) -> GraphRequest {
            GraphRequest(
                method: "PATCH",
                path: "\(root)/assignmentApprovals/\(segment(approvalId))/stages/\(segment(stageId))",
                body: GraphRequest.json(ReviewBody(reviewResult: decision.rawValue, justification: justification)))
        }
    }
}
