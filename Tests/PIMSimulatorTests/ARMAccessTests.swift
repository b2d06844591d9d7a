import Foundation
import PIMGraph
import Testing
@testable import PIMSimulator

/// Who may talk to the Azure Resource Manager side: token audience, api-version, ARM's envelope.
@Suite struct ARMAccessTests {
    @Test func aGraphTokenIsRefusedWithTheAudienceMessage() async throws {
        let tenant = try makeTenant()
        var client = ARMClient(tenant)
        client.token = tenant.signIn(as: "ada").token()
        let reply = try await client.get(AZ.eligible)
        #expect(reply.status == 401)
        #expect(reply.json.errorCode == "InvalidAuthenticationTokenAudience")
        #expect(
            reply.json.errorMessage
                == """
                The access token has been obtained for wrong audience or resource 'https://graph.microsoft.com'. It \
                should exactly match with one of the allowed audiences 'https://management.core.windows.net/',\
                'https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'.
                """)
        #expect(reply.json.obj("error")?["innerError"] == nil)
        #expect(reply.response.header("x-ms-request-id") != nil)
    }

    @Test func aMissingOrGarbledTokenIsInvalidAuthenticationToken() async throws {
        let tenant = try makeTenant()
        var client = ARMClient(tenant)
        client.token = "not-a-token"
        let garbled = try await client.get(AZ.eligible)
        #expect(garbled.status == 401)
        #expect(garbled.json.errorCode == "InvalidAuthenticationToken")
        let missing = try await tenant.send(
            HTTPRequest(
                method: "GET", url: URL(string: "https://management.azure.com/subscriptions?api-version=2022-12-01")!))
        #expect(missing.status == 401)
        #expect(parseObject(missing.body)?.errorCode == "InvalidAuthenticationToken")
    }

    @Test func graphRefusesAnARMTokenAsAWrongAudience() async throws {
        let tenant = try makeTenant()
        var graph = RawClient(tenant)
        graph.token = tenant.signIn(as: "ada", for: .azureResourceManager).token()
        let reply = try await graph.get("/me")
        #expect(reply.status == 401)
        #expect(reply.json.errorCode == "InvalidAuthenticationToken")
        #expect(reply.json.errorMessage?.contains("Invalid audience") == true)
        // The default sign-in is still for Graph and keeps working.
        #expect(try await RawClient(tenant).get("/me").status == 200)
    }

    @Test func theTenantsOwnPersonaSignsInForARM() async throws {
        let tenant = try makeTenant(persona: "hana")
        var client = ARMClient(tenant)
        client.token = tenant.signIn(for: .azureResourceManager).token()
        let reply = try await client.get("/subscriptions?api-version=2022-12-01")
        #expect(reply.status == 200)
        #expect(reply.json.items.count == 3)
    }

    @Test func everyCallNeedsItsDocumentedApiVersion() async throws {
        let client = ARMClient(try makeTenant())
        let missing = try await client.get("\(AZ.pim)/roleEligibilityScheduleInstances?$filter=asTarget()")
        #expect(missing.status == 400)
        #expect(missing.json.errorCode == "MissingApiVersionParameter")
        #expect(
            missing.json.errorMessage == "The api-version query parameter (?api-version=) is required for all requests."
        )
        let wrong: [String] = [
            "\(AZ.pim)/roleEligibilityScheduleInstances?api-version=2021-01-01-preview&$filter=asTarget()",
            "\(AZ.pim)/roleAssignmentApprovals?api-version=2020-10-01&$filter=asApprover()",
            "/subscriptions?api-version=2020-10-01",
            "/providers/Microsoft.Management/managementGroups?api-version=2022-12-01",
            "\(AZ.role(AZ.reader))?api-version=2020-10-01",
        ]
        for path in wrong {
            let reply = try await client.get(path)
            #expect(reply.status == 400, "\(path)")
            #expect(reply.json.errorCode == "InvalidApiVersionParameter", "\(path)")
        }
        let right: [String] = [
            AZ.eligible, "\(AZ.pim)/roleAssignmentApprovals?api-version=2021-01-01-preview&$filter=asApprover()",
            "/subscriptions?api-version=2022-12-01",
            "/providers/Microsoft.Management/managementGroups?api-version=2021-04-01",
            "\(AZ.role(AZ.reader))?api-version=2022-04-01",
        ]
        for path in right { #expect(try await client.get(path).status == 200, "\(path)") }
    }

    @Test func graphPathsStayWithGraph() async throws {
        let tenant = try makeTenant()
        #expect(try await RawClient(tenant).get("/me").status == 200)
        let unknownVersion = try await RawClient(tenant).get("/me", version: "v2.0")
        #expect(unknownVersion.status == 400)
        #expect(unknownVersion.json.obj("error")?.obj("innerError") != nil)
    }

    @Test func unknownScopesAndPathsAreRefused() async throws {
        let client = ARMClient(try makeTenant())
        let sub = try await client.get(
            "/subscriptions/00000000-0000-4000-8000-000000000000\(AZ.pim)/roleEligibilityScheduleInstances?"
                + "\(AZ.v)&$filter=asTarget()"
        )
        #expect(sub.status == 404)
        #expect(sub.json.errorCode == "SubscriptionNotFound")
        let path = try await client.get("\(AZ.pim)/roleThings?\(AZ.v)")
        #expect(path.status == 400)
        #expect(path.json.errorCode == "InvalidResourceType")
    }

    @Test func injectedFaultsUseARMsEnvelope() async throws {
        let tenant = try SimulatedTenant(
            configuration: SimulatorConfiguration(
                stateFile: nil, faults: try FaultPlan(parsing: "429:1"), seed: 7, now: { testStart }))
        let reply = try await ARMClient(tenant).get(AZ.eligible)
        #expect(reply.status == 429)
        #expect(reply.response.header("Retry-After") != nil)
        #expect(reply.json.errorCode == "TooManyRequests")
        #expect(reply.json.obj("error")?["innerError"] == nil)
        #expect(reply.response.header("x-ms-correlation-request-id") != nil)
        #expect(
            tenant.recordedRequests().last?.path
                == "/providers/Microsoft.Authorization/roleEligibilityScheduleInstances")
    }

    @Test func armRequestsAreRecordedWithTheirQuery() async throws {
        let tenant = try makeTenant()
        _ = try await ARMClient(tenant).get(AZ.eligible)
        let last = try #require(tenant.recordedRequests().last)
        #expect(last.path == "/providers/Microsoft.Authorization/roleEligibilityScheduleInstances")
        #expect(last.query["$filter"] == "asTarget()")
        #expect(last.query["api-version"] == "2020-10-01")
        #expect(last.status == 200)
    }

    @Test func theCorrelationIdIsEchoed() async throws {
        let client = ARMClient(try makeTenant())
        let reply = try await client.send("GET", AZ.eligible, headers: ["x-ms-correlation-request-id": "abc-123"])
        #expect(reply.response.header("x-ms-correlation-request-id") == "abc-123")
    }
}
