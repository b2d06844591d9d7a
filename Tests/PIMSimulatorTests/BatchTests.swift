import Foundation
import Testing
import PIMGraph
@testable import PIMSimulator

/// `POST /$batch`: limits, ids, relative urls, dependsOn → 424, per-item answers, one exchange.
@Suite struct BatchTests {
    func batch(
        _ tenant: SimulatedTenant, _ requests: [JSONObject], version: String = "v1.0"
    ) async throws -> RawClient.Reply {
        try await RawClient(tenant).post("/$batch", ["requests": requests], version: version)
    }

    func responses(_ reply: RawClient.Reply) -> [String: JSONObject] {
        let items = (reply.json["responses"] as? [JSONObject]) ?? []
        return Dictionary(items.map { ($0.str("id") ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func dashboardInOneRoundTrip() async throws {
        let tenant = try makeTenant()
        let reply = try await batch(
            tenant,
            [
                ["id": "me", "method": "GET", "url": "/me?$select=id,displayName,userPrincipalName"],
                [
                    "id": "eligRoles", "method": "GET",
                    "url":
                        """
                    roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')\
                    ?$expand=roleDefinition
                    """,
                ],
                [
                    "id": "toApprove", "method": "GET",
                    "url":
                        """
                    /roleManagement/directory/roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')\
                    ?$filter=status eq 'PendingApproval'
                    """,
                ],
                ["id": "bad", "method": "GET", "url": "/nowhere"],
            ])
        #expect(reply.status == 200)
        let byId = responses(reply)
        #expect(byId["me"]?["status"] as? Int == 200)
        #expect(byId["me"]?.obj("body")?.str("displayName") == "Ada Admin")
        #expect(byId["me"]?.obj("headers")?.str("Content-Type")?.hasPrefix("application/json") == true)
        #expect((byId["eligRoles"]?.obj("body")?["value"] as? [Any])?.count == 17)
        #expect(byId["toApprove"]?["status"] as? Int == 200)
        #expect(byId["bad"]?["status"] as? Int == 400)
        #expect(tenant.recordedRequests().filter { $0.batchItemId != nil }.count == 4)
    }

    @Test func moreThanTwentyOrDuplicateIdsRefuseTheBatch() async throws {
        let tenant = try makeTenant()
        let many = (1...21).map { ["id": "\($0)", "method": "GET", "url": "/me"] as JSONObject }
        #expect(try await batch(tenant, many).status == 400)
        let duplicate = try await batch(
            tenant, [["id": "a", "method": "GET", "url": "/me"], ["id": "A", "method": "GET", "url": "/me"]])
        #expect(duplicate.status == 400)
        #expect(
            try await batch(tenant, [["id": "a", "method": "GET", "url": "/me", "dependsOn": ["zz"]]]).status == 400)
    }

    @Test func failedDependencyIs424() async throws {
        let tenant = try makeTenant()
        let reply = try await batch(
            tenant,
            [
                ["id": "1", "method": "GET", "url": "/nowhere"],
                ["id": "2", "method": "GET", "url": "/me", "dependsOn": ["1"]],
                ["id": "3", "method": "GET", "url": "/me", "dependsOn": ["2"]],
                ["id": "4", "method": "GET", "url": "/me"],
            ])
        let byId = responses(reply)
        #expect(byId["1"]?["status"] as? Int == 400)
        #expect(byId["2"]?["status"] as? Int == 424)
        #expect(byId["3"]?["status"] as? Int == 424)
        #expect(byId["4"]?["status"] as? Int == 200)
    }

    @Test func writesInsideABatchNeedContentTypeAndApply() async throws {
        let tenant = try makeTenant()
        let reply = try await batch(
            tenant,
            [
                [
                    "id": "noType", "method": "POST", "url": "/roleManagement/directory/roleAssignmentScheduleRequests",
                    "body": activation(role: IDs.helpdeskAdmin),
                ],
                [
                    "id": "ok", "method": "POST", "url": "/roleManagement/directory/roleAssignmentScheduleRequests",
                    "headers": ["Content-Type": "application/json"], "body": activation(role: IDs.helpdeskAdmin),
                ],
                ["id": "check", "method": "GET", "url": myActiveRoles, "dependsOn": ["ok"]],
            ])
        let byId = responses(reply)
        #expect(byId["noType"]?["status"] as? Int == 400)
        #expect(byId["ok"]?["status"] as? Int == 201)
        let active = (byId["check"]?.obj("body")?["value"] as? [JSONObject]) ?? []
        #expect(active.contains { $0.str("roleDefinitionId") == IDs.helpdeskAdmin })
    }

    @Test func betaRequestsCannotRideInAV1Batch() async throws {
        let tenant = try makeTenant()
        let reply = try await batch(
            tenant,
            [
                ["id": "beta", "method": "GET", "url": "/beta/roleManagement/directory/roleAssignmentApprovals/x"],
                ["id": "approvals", "method": "GET", "url": "/roleManagement/directory/roleAssignmentApprovals/x"],
            ])
        let byId = responses(reply)
        #expect(byId["beta"]?["status"] as? Int == 400)
        #expect(byId["approvals"]?["status"] as? Int == 405)
        let betaBatch = try await batch(tenant, [["id": "me", "method": "GET", "url": "/me"]], version: "beta")
        #expect(responses(betaBatch)["me"]?["status"] as? Int == 200)
    }
}
