import Foundation
import Testing
@testable import PIMSimulator

/// Z8–Z11: a request that needs approval, seen and decided by the approver.
@Suite struct ARMApprovalTests {
    func props(_ item: JSONObject) -> JSONObject { item.obj("properties") ?? [:] }

    static let toApprove = "\(AZ.pim)/roleAssignmentApprovals?api-version=2021-01-01-preview&$filter=asApprover()"
    static let preview = "api-version=2021-01-01-preview"

    /// Ada asks for Owner on Prod-Payments; returns the request and its approval's GUID.
    func askForOwner(_ tenant: SimulatedTenant) async throws -> (name: String, approval: String) {
        let name = UUID().uuidString.lowercased()
        let reply = try await ARMClient(tenant).put(
            AZ.requestPath(AZ.prodScope, name), AZ.activation(role: AZ.owner, duration: "PT1H", ticket: nil))
        #expect(reply.status == 201)
        #expect(props(reply.json).str("status") == "PendingApproval")
        let approvalId = try #require(props(reply.json).str("approvalId"))
        #expect(approvalId.hasPrefix("/providers/Microsoft.Authorization/roleAssignmentApprovals/"))
        return (name, String(approvalId.split(separator: "/").last!))
    }

    @Test func adaAsksBenApprovesAdaIsActive() async throws {
        let tenant = try makeTenant()
        let (name, approval) = try await askForOwner(tenant)
        let ben = ARMClient(tenant, as: "ben")
        let requests = try await ben.all("\(AZ.pim)/roleAssignmentScheduleRequests?\(AZ.v)&$filter=asApprover()")
        #expect(requests.contains { $0.str("name") == name })
        #expect(requests.count >= 3)
        let approvals = try await ben.all(Self.toApprove)
        let mine = try #require(approvals.first { $0.str("name") == approval })
        let stage = try #require((props(mine)["stages"] as? [JSONObject])?.first)
        #expect(props(stage).str("status") == "InProgress")
        #expect(props(stage)["assignedToMe"] as? Bool == true)
        let stageId = try #require(stage.str("id"))
        #expect(stageId.hasPrefix("/providers/Microsoft.Authorization/roleAssignmentApprovals/\(approval)/stages/"))

        let stages = try await ben.get("\(AZ.pim)/roleAssignmentApprovals/\(approval)/stages?\(Self.preview)")
        #expect(stages.json.items.first?.str("id") == stageId)

        let decide = try await ben.send(
            "PATCH", "\(stageId)?\(Self.preview)",
            body: ["properties": ["reviewResult": "Approve", "justification": "I trust this person."]])
        #expect(decide.status == 200)
        #expect(props(decide.json).str("reviewResult") == "Approve")
        #expect(props(decide.json).str("status") == "Completed")
        #expect(props(decide.json).obj("reviewedBy")?.str("principalId") == IDs.ben)
        #expect(props(decide.json).obj("reviewedBy")?.str("principalType") == "user")

        let active = try await ARMClient(tenant).all(AZ.active)
        #expect(
            active.contains {
                props($0).str("scope") == AZ.prodScope && props($0).str("roleDefinitionId")?.hasSuffix(AZ.owner) == true
            })
        let request = try await ARMClient(tenant).get(AZ.requestPath(AZ.prodScope, name))
        #expect(props(request.json).str("status") == "Provisioned")
        #expect(!(try await ben.all(Self.toApprove)).contains { $0.str("name") == approval })

        let again = try await ben.send(
            "PATCH", "\(stageId)?\(Self.preview)",
            body: ["properties": ["reviewResult": "Deny", "justification": "no"]])
        #expect(again.status == 409)
    }

    @Test func aDenialByPutWithTheTopLevelBodyEndsTheRequest() async throws {
        let tenant = try makeTenant()
        let (name, approval) = try await askForOwner(tenant)
        let ben = ARMClient(tenant, as: "ben")
        let one = try await ben.get("\(AZ.pim)/roleAssignmentApprovals/\(approval)?\(Self.preview)")
        let stageId = try #require((props(one.json)["stages"] as? [JSONObject])?.first?.str("name"))
        let reply = try await ben.send(
            "PUT", "\(AZ.pim)/roleAssignmentApprovals/\(approval)/stages/\(stageId)?\(Self.preview)",
            body: ["reviewResult": "Deny", "justification": "Use Contributor"])
        #expect(reply.status == 200)
        #expect(props(reply.json).str("reviewResult") == "Deny")
        let request = try await ARMClient(tenant).get(AZ.requestPath(AZ.prodScope, name))
        #expect(props(request.json).str("status") == "Denied")
    }

    @Test func theRequesterCannotApproveTheirOwnRequest() async throws {
        let tenant = try makeTenant()
        let ben = ARMClient(tenant, as: "ben")
        let name = UUID().uuidString.lowercased()
        let ask = try await ben.put(
            AZ.requestPath(AZ.prodScope, name),
            AZ.activation(role: AZ.owner, duration: "PT1H", ticket: nil, principal: IDs.ben))
        let approval = try #require(props(ask.json).str("approvalId"))
        let one = try await ben.get("\(approval)?\(Self.preview)")
        let stageId = try #require((props(one.json)["stages"] as? [JSONObject])?.first?.str("id"))
        let reply = try await ben.send(
            "PATCH", "\(stageId)?\(Self.preview)", body: ["properties": ["reviewResult": "Approve"]])
        #expect(reply.status == 403)
        #expect(reply.json.errorCode == "SelfApprovalNotAllowed")
    }

    @Test func someoneWhoIsNotAnApproverCannotDecideOrSeeIt() async throws {
        let tenant = try makeTenant()
        let (_, approval) = try await askForOwner(tenant)
        let hana = ARMClient(tenant, as: "hana")
        #expect(try await hana.get("\(AZ.pim)/roleAssignmentApprovals/\(approval)?\(Self.preview)").status == 404)
        #expect(try await hana.all(Self.toApprove).isEmpty)
    }

    @Test func benHasSeededAzureRequestsFromOthersToDecide() async throws {
        let ben = ARMClient(try makeTenant(), as: "ben")
        let approvals = try await ben.all(Self.toApprove)
        #expect(approvals.count >= 2)
        let requests = try await ben.all("\(AZ.pim)/roleAssignmentScheduleRequests?\(AZ.v)&$filter=asApprover()")
        let requesters = Set(requests.compactMap { props($0).str("requestorId") })
        #expect(requesters.count >= 2)
        #expect(!requesters.contains(IDs.ben))
    }

    @Test func anUnansweredRequestTimesOutAfterADay() async throws {
        let tenant = try makeTenant()
        let (name, _) = try await askForOwner(tenant)
        tenant.advanceClock(by: 24 * 3600 + 1)
        let request = try await ARMClient(tenant).get(AZ.requestPath(AZ.prodScope, name))
        #expect(props(request.json).str("status") == "TimedOut")
        #expect(try await ARMClient(tenant, as: "ben").all(Self.toApprove).isEmpty)
    }
}
