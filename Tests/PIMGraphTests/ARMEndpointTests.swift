import Foundation
import PIMDomain
import Testing

@testable import PIMGraph

/// Every ARM call pim sends has the method, path, api-version and body of the contract and its fixtures.
struct ARMEndpointTests {
    let root = URL(string: "https://management.azure.com/")!
    let subscription = "/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f"
    let role =
        "/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f/providers/Microsoft.Authorization/roleDefinitions/"
        + "b24988ac-6180-42a0-ab88-20f7382dd24c"

    func url(_ request: ARMRequest) -> String { request.url(baseURL: root).absoluteString }

    @Test func readsCarryTheirApiVersionAndFilter() {
        let base = "https://management.azure.com/providers/Microsoft.Authorization/"
        #expect(
            url(ARMEndpoints.myEligibilities())
                == base + "roleEligibilityScheduleInstances?api-version=2020-10-01&$filter=asTarget()")  // Z1
        #expect(
            url(ARMEndpoints.myActiveAssignments())
                == base + "roleAssignmentScheduleInstances?api-version=2020-10-01&$filter=asTarget()")  // Z2
        #expect(
            url(ARMEndpoints.requests(.asRequestor))
                == base + "roleAssignmentScheduleRequests?api-version=2020-10-01&$filter=asRequestor()")  // Z8
        #expect(
            url(ARMEndpoints.requests(.asApprover))
                == base + "roleAssignmentScheduleRequests?api-version=2020-10-01&$filter=asApprover()")
        #expect(
            url(ARMEndpoints.myApprovals())
                == base + "roleAssignmentApprovals?api-version=2021-01-01-preview&$filter=asApprover()")  // Z9
        #expect(
            url(ARMEndpoints.approval(id: "/providers/Microsoft.Authorization/roleAssignmentApprovals/488a"))
                == base + "roleAssignmentApprovals/488a?api-version=2021-01-01-preview")  // Z10
        #expect(
            url(ARMEndpoints.subscriptions()) == "https://management.azure.com/subscriptions?api-version=2022-12-01")
        #expect(
            url(ARMEndpoints.managementGroups())
                == "https://management.azure.com/providers/Microsoft.Management/managementGroups?api-version=2021-04-01"
        )
        #expect(
            url(ARMEndpoints.roleDefinition(id: role)) == "https://management.azure.com\(role)?api-version=2022-04-01")
        #expect(ARMEndpoints.batch(Data()).method == "POST")
        #expect(url(ARMEndpoints.batch(Data())) == "https://management.azure.com/batch?api-version=2020-06-01")
    }

    @Test func scopesGoIntoThePathVerbatim() {
        let rg = subscription + "/resourceGroups/app-rg"
        #expect(
            url(ARMEndpoints.policyAssignments(at: rg))
                == "https://management.azure.com\(rg)/providers/Microsoft.Authorization/"
                + "roleManagementPolicyAssignments?api-version=2020-10-01")  // Z4
        #expect(
            url(ARMEndpoints.myInstances(at: subscription, active: false))
                == "https://management.azure.com\(subscription)/providers/Microsoft.Authorization/"
                + "roleEligibilityScheduleInstances?api-version=2020-10-01&$filter=asTarget()")  // Z3
        #expect(
            url(ARMEndpoints.subscriptionAssignments(subscriptionId: "dfa2a084-766f-4003-8ae1-c4aeb893a99f"))
                == "https://management.azure.com\(subscription)/providers/Microsoft.Authorization/"
                + "roleAssignmentScheduleInstances?api-version=2020-10-01")  // Z13
        #expect(
            url(ARMEndpoints.eligibleChildResources(of: subscription))
                == "https://management.azure.com\(subscription)/providers/Microsoft.Authorization/"
                + "eligibleChildResources?api-version=2020-10-01&$filter=resourceType%20eq%20'resourcegroup'")  // Z12
    }

    @Test func writesGoToTheScopeUnderTheirName() {
        let body = ARMScheduleRequestBody(
            properties: .init(principalId: "p", roleDefinitionId: role, requestType: "SelfActivate"))
        let put = ARMEndpoints.scheduleRequest(at: subscription, name: "0c2b1a9e", body)  // Z5
        #expect(put.method == "PUT")
        #expect(
            url(put)
                == "https://management.azure.com\(subscription)/providers/Microsoft.Authorization/"
                + "roleAssignmentScheduleRequests/0c2b1a9e?api-version=2020-10-01")
        let validate = ARMEndpoints.validate(at: subscription, name: "0c2b1a9e", body)  // Z6
        #expect(validate.method == "POST")
        #expect(url(validate).hasSuffix("roleAssignmentScheduleRequests/0c2b1a9e/validate?api-version=2020-10-01"))
        let cancel = ARMEndpoints.cancel(at: subscription, name: "fea7a502")  // Z7
        #expect(cancel.method == "POST" && cancel.body == nil)
        #expect(
            url(cancel)
                == "https://management.azure.com\(subscription)/providers/Microsoft.Authorization/"
                + "roleAssignmentScheduleRequests/fea7a502/cancel?api-version=2020-10-01")
    }

    @Test func activationBodyIsTheComposedFixture() {
        let body = ARMScheduleRequestBody(
            properties: .init(
                principalId: "a3bb8764-cb92-4276-9d2a-ca1e895e55ea", roleDefinitionId: role,
                requestType: "SelfActivate",
                linkedRoleEligibilityScheduleId:
                    "/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f/providers/Microsoft.Authorization/"
                    + "RoleEligibilitySchedules/b1477448-2cc6-4ceb-93b4-54a202a89413",
                justification: "INC-4821: restart payment workers",
                ticketInfo: TicketInfoBody(TicketInfo(number: "INC-4821", system: "ServiceNow")),
                scheduleInfo: .afterDuration(start: Date(timeIntervalSince1970: 1_767_686_400), .hours(4))))
        let sent = ARMEndpoints.scheduleRequest(at: subscription, name: "x", body).body
        #expect(
            jsonObject(sent)
                == jsonObject(
                    Fixture.data(
                        "arm/roleAssignmentScheduleRequests.selfActivate-justification-ticket.PUT.request.composed.json"
                    )))
    }

    @Test func deactivationBodyIsTheComposedFixture() {
        let body = ARMScheduleRequestBody(
            properties: .init(
                principalId: "a3bb8764-cb92-4276-9d2a-ca1e895e55ea", roleDefinitionId: role,
                requestType: "SelfDeactivate", justification: "Work finished"))
        #expect(
            jsonObject(GraphRequest.json(body))
                == jsonObject(
                    Fixture.data("arm/roleAssignmentScheduleRequests.selfDeactivate.PUT.request.composed.json")))
    }

    @Test func reviewIsAPatchAtTheStageIdWithThePropertiesWrapper() {
        let stage =
            "/providers/Microsoft.Authorization/roleAssignmentApprovals/488a6d0e-0a63-4946-86e3-1f5bbc934661/"
            + "stages/4135f961-be78-4005-8101-c72a5af307a2"
        let patch = ARMEndpoints.review(
            approvalId: "488a6d0e-0a63-4946-86e3-1f5bbc934661", stageId: stage, decision: .approve,
            justification: "I trust this person.")  // Z11
        #expect(patch.method == "PATCH")
        #expect(url(patch) == "https://management.azure.com\(stage)?api-version=2021-01-01-preview")
        #expect(
            jsonObject(patch.body) == jsonObject(Fixture.data("arm/roleAssignmentApprovals.stages.PATCH.request.json")))
    }

    @Test func aStageIdThatIsNotAStagePathIsNotUsedAsThePath() {
        let built =
            "https://management.azure.com/providers/Microsoft.Authorization/roleAssignmentApprovals/a1/stages/s1"
        for odd in [
            "//evil.test/stages/s1", "/providers/Microsoft.Authorization/roleAssignmentApprovals/../../x/stages/s1",
            "s1",
        ] {
            let patch = ARMEndpoints.review(approvalId: "a1", stageId: odd, decision: .deny, justification: "no")
            #expect(url(patch) == built + "?api-version=2021-01-01-preview")
        }
    }

    @Test func dashboardBatchBodyIsTheComposedFixture() throws {
        let items: [ARMBatchItem] = [
            .init(name: "eligible", request: ARMEndpoints.myEligibilities()),
            .init(name: "active", request: ARMEndpoints.myActiveAssignments()),
            .init(name: "myRequests", request: ARMEndpoints.requests(.asRequestor)),
            .init(name: "toApprove", request: ARMEndpoints.myApprovals()),
            .init(name: "subscriptions", request: ARMEndpoints.subscriptions()),
        ]
        let body = try GraphClient.armBatchBody(items)
        #expect(jsonObject(body) == jsonObject(Fixture.data("arm/batch.POST.request.composed.json")))
    }

    @Test func batchAnswerIsReadByNameWithInnerRetryAfter() throws {
        let answers = try GraphClient.parseARMBatchResponse(Fixture.data("arm/batch.POST.200.composed.json"))
        #expect(Set(answers.keys) == ["eligible", "toApprove", "active"])
        #expect(answers["toApprove"]?.status == 429)
        #expect(answers["toApprove"]?.header("Retry-After") == "17")
        #expect(answers["eligible"]?.header("x-ms-request-id") == "7f3c1e2a-5b6d-4c8e-9f01-23456789abcd")
        let page = try GraphDate.decoder().decode(GraphPage<ARMInstanceDTO>.self, from: answers["eligible"]!.body)
        #expect(page.value.map(\.name) == ["21e4b59a-0499-4fe0-a3c3-43a3055b773a"])
        #expect(throws: PIMError.self) { try GraphClient.parseARMBatchResponse(Data("{\"responses\":".utf8)) }
    }
}
