import Foundation
import Testing
@testable import PIMSimulator

/// Request → PendingApproval → approver decides → Provisioned or Denied, with audit events.
@Suite struct ApprovalFlowTests {
    static let mfa = #"{"access_token":{"amr":{"values":["mfa"]}}}"#

    func pendingSecurityAdmin(_ tenant: SimulatedTenant) async throws -> String {
        let ada = RawClient(tenant, claims: Self.mfa)
        let reply = try await ada.post(roleRequests, activation(role: IDs.securityAdmin, duration: "PT2H"))
        #expect(reply.status == 201)
        #expect(reply.json.str("status") == "PendingApproval")
        #expect(reply.json.str("approvalId") == reply.json.str("id"))
        return try #require(reply.json.str("id"))
    }

    @Test func approverSeesApprovesAndTheRoleBecomesActive() async throws {
        let tenant = try makeTenant()
        let id = try await pendingSecurityAdmin(tenant)
        let ben = RawClient(tenant, as: "ben")
        let waiting = try await ben.get(
            """
            /roleManagement/directory/roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')?$filter=status \
            eq 'PendingApproval'
            """
        )
        #expect(waiting.status == 200)
        #expect(waiting.json.items.contains { $0.str("id") == id })
        #expect(waiting.json.items.allSatisfy { $0.str("status") == "PendingApproval" })
        let approval = try await ben.get("/roleManagement/directory/roleAssignmentApprovals/\(id)", version: "beta")
        #expect(approval.status == 200)
        let steps = try #require(approval.json["steps"] as? [JSONObject])
        let step = try #require(steps.first)
        #expect(step["assignedToMe"] as? Bool == true)
        #expect(step.str("status") == "InProgress")
        #expect(step.str("reviewResult") == "NotReviewed")
        let stepId = try #require(step.str("id"))
        let path = "/roleManagement/directory/roleAssignmentApprovals/\(id)/steps/\(stepId)"
        let decided = try await ben.patch(
            path, ["reviewResult": "Approve", "justification": "Looks right"], version: "beta")
        #expect(decided.status == 204)
        #expect(decided.response.body.isEmpty)
        let again = try await ben.patch(
            path, ["reviewResult": "Deny", "justification": "Changed my mind"], version: "beta")
        #expect(again.status == 409)
        let ada = RawClient(tenant)
        let mine = try await ada.get(
            "/roleManagement/directory/roleAssignmentScheduleRequests/filterByCurrentUser(on='principal')")
        #expect(mine.json.items.first { $0.str("id") == id }?.str("status") == "Provisioned")
        let active = try await ada.get(myActiveRoles).json.items
        #expect(active.contains { $0.str("roleDefinitionId") == IDs.securityAdmin })
        let after = try await ben.get("/roleManagement/directory/roleAssignmentApprovals/\(id)", version: "beta")
        let reviewed = (after.json["steps"] as? [JSONObject])?.first
        #expect(reviewed?.str("reviewResult") == "Approved")
        #expect(reviewed?.str("status") == "Completed")
        let audit = try await RawClient(tenant, as: "hana").get(
            "/auditLogs/directoryAudits?$filter=loggedByService eq 'PIM' and correlationId eq '\(id)'")
        let activities = Set(audit.json.items.compactMap { $0.str("activityDisplayName") })
        #expect(
            activities == [
                "Add member to role requested (PIM activation)",
                "Add member to role approval requested (PIM activation)",
                "Add member to role request approved (PIM activation)",
                "Add member to role completed (PIM activation)",
            ])
    }

    @Test func denyLeavesTheRoleInactive() async throws {
        let tenant = try makeTenant()
        let id = try await pendingSecurityAdmin(tenant)
        let ben = RawClient(tenant, as: "ben")
        let approval = try await ben.get("/roleManagement/directory/roleAssignmentApprovals/\(id)", version: "beta")
        let stepId = try #require((approval.json["steps"] as? [JSONObject])?.first?.str("id"))
        let noReason = try await ben.patch(
            "/roleManagement/directory/roleAssignmentApprovals/\(id)/steps/\(stepId)",
            ["reviewResult": "Deny"], version: "beta")
        #expect(noReason.status == 400)
        let denied = try await ben.patch(
            "/roleManagement/directory/roleAssignmentApprovals/\(id)/steps/\(stepId)",
            ["reviewResult": "Deny", "justification": "Not in the change window"], version: "beta")
        #expect(denied.status == 204)
        let ada = RawClient(tenant)
        let request = try await ada.get("\(roleRequests)/\(id)")
        #expect(request.json.str("status") == "Denied")
        #expect(
            !(try await ada.get(myActiveRoles).json.items.contains { $0.str("roleDefinitionId") == IDs.securityAdmin }))
    }

    @Test func requesterCannotApproveOwnRequest() async throws {
        let tenant = try makeTenant()
        let id = try await pendingSecurityAdmin(tenant)
        let ada = RawClient(tenant)
        let approval = try await ada.get("/roleManagement/directory/roleAssignmentApprovals/\(id)", version: "beta")
        #expect(approval.status == 200)
        let step = try #require((approval.json["steps"] as? [JSONObject])?.first)
        #expect(step["assignedToMe"] as? Bool == false)
        let stepId = try #require(step.str("id"))
        let reply = try await ada.patch(
            "/roleManagement/directory/roleAssignmentApprovals/\(id)/steps/\(stepId)",
            ["reviewResult": "Approve", "justification": "me"], version: "beta")
        #expect(reply.status == 403)
        let stranger = RawClient(tenant, as: "carl")
        #expect(
            try await stranger.get("/roleManagement/directory/roleAssignmentApprovals/\(id)", version: "beta").status
                == 403)
        #expect(
            try await ada.get("/roleManagement/directory/roleAssignmentApprovals/nope", version: "beta").status == 404)
    }

    @Test func groupApprovalUsesStagesOnV1() async throws {
        let tenant = try makeTenant()
        let ada = RawClient(tenant)
        let reply = try await ada.post(
            groupRequests, groupActivation(group: IDs.itopsRequireApproval, duration: "PT2H"))
        #expect(reply.json.str("status") == "PendingApproval")
        let id = try #require(reply.json.str("id"))
        let ben = RawClient(tenant, as: "ben")
        let waiting = try await ben.get(
            "\(groupRequests)/filterByCurrentUser(on='approver')?$filter=status eq 'PendingApproval'")
        #expect(waiting.json.items.contains { $0.str("id") == id })
        let approval = try await ben.get("/identityGovernance/privilegedAccess/group/assignmentApprovals/\(id)")
        let stage = try #require((approval.json["stages"] as? [JSONObject])?.first)
        let stageId = try #require(stage.str("id"))
        let decided = try await ben.patch(
            "/identityGovernance/privilegedAccess/group/assignmentApprovals/\(id)/stages/\(stageId)",
            ["reviewResult": "Approve", "justification": "ok"])
        #expect(decided.status == 204)
        let active = try await ada.get(
            "/identityGovernance/privilegedAccess/group/assignmentScheduleInstances/filterByCurrentUser(on='principal')"
        )
        #expect(active.json.items.contains { $0.str("groupId") == IDs.itopsRequireApproval })
    }

    @Test func seededRequestsWaitForBen() async throws {
        let ben = RawClient(try makeTenant(), as: "ben")
        let roles = try await ben.get(
            "\(roleRequests)/filterByCurrentUser(on='approver')?$filter=status eq 'PendingApproval'")
        #expect(roles.json.items.count == 3)
        let groups = try await ben.get(
            "\(groupRequests)/filterByCurrentUser(on='approver')?$filter=status eq 'PendingApproval'")
        #expect(groups.json.items.count == 2)
    }

    @Test func cancelPendingThenCancelAgainIsRefused() async throws {
        let tenant = try makeTenant()
        let id = try await pendingSecurityAdmin(tenant)
        let ada = RawClient(tenant)
        let canceled = try await ada.post("\(roleRequests)/\(id)/cancel")
        #expect(canceled.status == 204)
        #expect(try await ada.get("\(roleRequests)/\(id)").json.str("status") == "Canceled")
        let twice = try await ada.post("\(roleRequests)/\(id)/cancel")
        #expect(twice.status == 400)
        let provisioned = try await ada.post(roleRequests, activation(role: IDs.helpdeskAdmin))
        let pid = try #require(provisioned.json.str("id"))
        #expect(try await ada.post("\(roleRequests)/\(pid)/cancel").status == 400)
        let ben = RawClient(tenant, as: "ben")
        let approval = try await ben.get("/roleManagement/directory/roleAssignmentApprovals/\(id)", version: "beta")
        let stepId = try #require((approval.json["steps"] as? [JSONObject])?.first?.str("id"))
        let late = try await ben.patch(
            "/roleManagement/directory/roleAssignmentApprovals/\(id)/steps/\(stepId)",
            ["reviewResult": "Approve", "justification": "late"], version: "beta")
        #expect(late.status == 409)
    }

    @Test func approvalsTimeOutAfterADay() async throws {
        let tenant = try makeTenant()
        let id = try await pendingSecurityAdmin(tenant)
        tenant.advanceClock(by: 24 * 3600 + 1)
        let ada = RawClient(tenant)
        #expect(try await ada.get("\(roleRequests)/\(id)").json.str("status") == "Canceled")
    }
}
