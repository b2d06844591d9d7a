import Foundation
import PIMDomain

extension Endpoints {
    /// PIM for Microsoft Entra roles (contract section A).
    enum Roles {
        static let root = "/roleManagement/directory"

        /// `$select` lists: only what the client reads (the DTOs' keys), so answers carry nothing unused.
        /// Expanded navigation properties come back whatever `$select` says.
        static let eligibilityFields =
            "id,principalId,roleDefinitionId,directoryScopeId,startDateTime,endDateTime,memberType"
        static let assignmentFields = eligibilityFields + ",assignmentType"
        static let requestFields =
            "id,status,action,principalId,roleDefinitionId,directoryScopeId,createdDateTime,"
            + "completedDateTime,approvalId,isValidationOnly,justification,scheduleInfo,ticketInfo,createdBy"
        /// A role definition's permission lists are most of its size; the documented nested `$select` on
        /// an assignment instance's `roleDefinition` keeps its names only (contract A3/A4).
        static let roleDefinitionNames = "roleDefinition($select=id,displayName,description,templateId)"
        /// The administrative unit a role is held at, for its name (null for the tenant, `/`). Whether a
        /// nested `$select` works on it is not documented, so it comes whole: an id, a name, a description.
        static let directoryScope = "directoryScope"

        /// A1 — my eligible role instances, with role definitions.
        /// https://learn.microsoft.com/graph/api/unifiedroleeligibilityscheduleinstance-filterbycurrentuser
        static func myEligibilities() -> GraphRequest {
            GraphRequest(
                path: "\(root)/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')",
                query: [.init("$select", eligibilityFields), .init("$expand", "roleDefinition," + directoryScope)])
        }

        /// A2 — my eligibility schedules (future ones included).
        /// https://learn.microsoft.com/graph/api/unifiedroleeligibilityschedule-filterbycurrentuser
        static func myEligibilitySchedules() -> GraphRequest {
            GraphRequest(path: "\(root)/roleEligibilitySchedules/filterByCurrentUser(on='principal')")
        }

        /// A3 — my active role instances, with role definitions.
        /// https://learn.microsoft.com/graph/api/unifiedroleassignmentscheduleinstance-filterbycurrentuser
        static func myActive() -> GraphRequest {
            GraphRequest(
                path: "\(root)/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')",
                query: [
                    .init("$select", assignmentFields), .init("$expand", roleDefinitionNames + "," + directoryScope),
                ])
        }

        /// A4 — every activated role in the tenant (helpdesk).
        /// https://learn.microsoft.com/graph/api/rbacapplication-list-roleassignmentscheduleinstances
        static func tenantActivated() -> GraphRequest {
            GraphRequest(
                path: "\(root)/roleAssignmentScheduleInstances",
                query: [
                    .init("$filter", "assignmentType eq 'Activated'"), .init("$select", assignmentFields),
                    .init("$expand", "principal," + roleDefinitionNames + "," + directoryScope),
                ])
        }

        /// A5 — create a schedule request.
        /// https://learn.microsoft.com/graph/api/rbacapplication-post-roleassignmentschedulerequests
        static func createRequest(_ spec: ScheduleRequestSpec) -> GraphRequest {
            let body = RoleScheduleRequestBody(
                action: spec.action.graphValue, principalId: spec.principalId,
                roleDefinitionId: spec.target.resourceId, directoryScopeId: spec.target.scope ?? "/",
                justification: spec.justification, scheduleInfo: spec.schedule,
                ticketInfo: TicketInfoBody(spec.ticket), isValidationOnly: spec.validationOnly ? true : nil)
            return GraphRequest(
                method: "POST", path: "\(root)/roleAssignmentScheduleRequests", body: GraphRequest.json(body))
        }

        /// A6 — cancel. https://learn.microsoft.com/graph/api/unifiedroleassignmentschedulerequest-cancel
        static func cancel(requestId: String) -> GraphRequest {
            GraphRequest(method: "POST", path: "\(root)/roleAssignmentScheduleRequests/\(segment(requestId))/cancel")
        }

        /// A7 — my requests.
        /// https://learn.microsoft.com/graph/api/unifiedroleassignmentschedulerequest-filterbycurrentuser
        static func myRequests() -> GraphRequest {
            GraphRequest(
                path: "\(root)/roleAssignmentScheduleRequests/filterByCurrentUser(on='principal')",
                query: [.init("$select", requestFields)])
        }

        /// A8 — requests waiting for my approval (with role and requester, which an approver may not know).
        static func toApprove() -> GraphRequest {
            GraphRequest(
                path: "\(root)/roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')",
                query: [
                    .init("$filter", "status eq 'PendingApproval'"), .init("$select", requestFields),
                    .init("$expand", "roleDefinition,principal"),
                ])
        }

        /// One request by id (an approver may read the requests it approves): what became of it.
        /// https://learn.microsoft.com/graph/api/unifiedroleassignmentschedulerequest-get
        static func request(id: String) -> GraphRequest {
            GraphRequest(
                path: "\(root)/roleAssignmentScheduleRequests/\(segment(id))", query: [.init("$select", requestFields)])
        }

        /// A9 (beta only) — the approval of a role request.
        /// https://learn.microsoft.com/graph/api/approval-get?view=graph-rest-beta
        static func approval(id: String) -> GraphRequest {
            GraphRequest(version: .beta, path: "\(root)/roleAssignmentApprovals/\(segment(id))")
        }

        /// A10 (beta only) — approve or deny one step.
        /// https://learn.microsoft.com/graph/api/approvalstep-update?view=graph-rest-beta
        static func review(
            approvalId: String, stageId: String, decision: ApprovalDecision,
            justification: String
        ) -> GraphRequest {
            GraphRequest(
                method: "PATCH", version: .beta,
                path: "\(root)/roleAssignmentApprovals/\(segment(approvalId))/steps/\(segment(stageId))",
                body: GraphRequest.json(ReviewBody(reviewResult: decision.rawValue, justification: justification)))
        }
    }

    /// Ids are placed in paths: keep them to one segment whatever they contain.
    static func segment(_ id: String) -> String {
        id.replacingOccurrences(of: "/", with: "%2F").replacingOccurrences(of: "?", with: "%3F")
            .replacingOccurrences(of: "#", with: "%23")
    }
}
