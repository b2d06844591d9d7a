import Foundation
import Testing
@testable import PIMSimulator

/// Z5–Z7: activation, deactivation, extension, validation and cancel, with every refusal PIM gives.
@Suite struct ARMActivationTests {
    func props(_ item: JSONObject) -> JSONObject { item.obj("properties") ?? [:] }

    /// Ada's eligibility instance for a role at a scope, as the client reads it before a request.
    func eligibility(_ client: ARMClient, role: String, scope: String) async throws -> JSONObject {
        let items = try await client.all(AZ.eligible)
        let found = items.first {
            props($0).str("scope") == scope && props($0).str("roleDefinitionId")?.hasSuffix(role) == true
        }
        return props(try #require(found))
    }

    @Test func theComposedActivationBodyIsProvisionedAndShowsActive() async throws {
        let tenant = try makeTenant()
        let ada = ARMClient(tenant)
        let e = try await eligibility(ada, role: AZ.contributor, scope: AZ.prodScope)
        var body = AZ.activation(role: AZ.contributor)
        var p = body["properties"] as! JSONObject
        p["linkedRoleEligibilityScheduleId"] = e.str("roleEligibilityScheduleId")
        body["properties"] = p
        let name = UUID().uuidString.lowercased()
        let reply = try await ada.put(AZ.requestPath(AZ.prodScope, name), body)
        #expect(reply.status == 201)
        #expect(props(reply.json).str("status") == "Provisioned")
        #expect(props(reply.json).str("scope") == AZ.prodScope)
        #expect(props(reply.json)["approvalId"] is NSNull)
        #expect(reply.json.str("name") == name)
        #expect(reply.json.str("id") == "\(AZ.prodScope)\(AZ.pim)/RoleAssignmentScheduleRequests/\(name)")
        #expect(props(reply.json).obj("expandedProperties")?.obj("principal")?.str("displayName") == "Ada Admin")
        let active = try await ada.all(AZ.active)
        #expect(
            active.contains { props($0).str("scope") == AZ.prodScope && props($0).str("assignmentType") == "Activated" }
        )
        // The same again while active: RoleAssignmentExists.
        let again = try await ada.put(AZ.requestPath(AZ.prodScope), body)
        #expect(again.status == 400)
        #expect(again.json.errorCode == "RoleAssignmentExists")
        // Re-sending the same request name is refused.
        let same = try await ada.put(AZ.requestPath(AZ.prodScope, name), body)
        #expect(same.json.errorCode == "RoleAssignmentScheduleRequestExists")
    }

    @Test func theSpecExampleBodyShapeIsAcceptedWithABareLinkedGuidAndACondition() async throws {
        let ada = ARMClient(try makeTenant())
        let sandbox = try await eligibility(ada, role: AZ.reader, scope: AZ.prodScope)
        let guid = String(sandbox.str("roleEligibilityScheduleId")!.split(separator: "/").last!)
        let body: JSONObject = [
            "properties": [
                "principalId": IDs.ada, "roleDefinitionId": AZ.role(AZ.reader, sub: AZ.prod),
                "requestType": "SelfActivate", "linkedRoleEligibilityScheduleId": guid,
                "scheduleInfo": [
                    "startDateTime": "2020-09-09T21:35:27.91Z",
                    "expiration": ["type": "AfterDuration", "endDateTime": NSNull(), "duration": "PT8H"],
                ],
                "condition":
                    "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:ContainerName] "
                    + "StringEqualsIgnoreCase 'foo_storage_container'",
                "conditionVersion": "1.0",
            ]
        ]
        let reply = try await ada.put(
            AZ.requestPath("/providers/Microsoft.Subscription/subscriptions/\(AZ.prod)"), body)
        #expect(reply.status == 201, "\(reply.json)")
        #expect(props(reply.json).str("scope") == AZ.prodScope)
        #expect(props(reply.json).str("linkedRoleEligibilityScheduleId") == guid)
    }

    @Test func everyFailingPolicyRuleIsListed() async throws {
        let ada = ARMClient(try makeTenant())
        let reply = try await ada.put(
            AZ.requestPath(AZ.prodScope), AZ.activation(role: AZ.contributor, justification: nil, ticket: nil))
        #expect(reply.status == 400)
        #expect(reply.json.errorCode == "RoleAssignmentRequestPolicyValidationFailed")
        #expect(reply.json.errorMessage == #"The following policy rules failed: ["JustificationRule","TicketingRule"]"#)
        let long = try await ada.put(
            AZ.requestPath(AZ.prodScope), AZ.activation(role: AZ.contributor, duration: "PT9H"))
        #expect(long.json.errorMessage == #"The following policy rules failed: ["ExpirationRule"]"#)
    }

    @Test func noEligibilityIsTheEligibilityRule() async throws {
        let ada = ARMClient(try makeTenant())
        let reply = try await ada.put(AZ.requestPath(AZ.sharedScope), AZ.activation(role: AZ.owner, sub: AZ.shared))
        #expect(reply.status == 400)
        #expect(reply.json.errorMessage == #"The following policy rules failed: ["EligibilityRule"]"#)
        // A linked schedule that is not Ada's is no eligibility either.
        let linked = try await ada.put(
            AZ.requestPath(AZ.prodScope),
            AZ.activation(role: AZ.contributor, linked: "0b1e2d3c-0000-4000-8000-000000000000"))
        #expect(linked.json.errorMessage == #"The following policy rules failed: ["EligibilityRule"]"#)
    }

    @Test func mfaIsRequiredWhenThePolicySaysSo() async throws {
        let tenant = try makeTenant()
        let body = AZ.activation(role: AZ.uaa, sub: AZ.shared, duration: "PT1H")
        let plain = try await ARMClient(tenant).put(AZ.requestPath(AZ.sharedScope), body)
        #expect(plain.json.errorMessage == #"The following policy rules failed: ["MfaRule"]"#)
        let mfa = try await ARMClient(tenant, mfa: true).put(AZ.requestPath(AZ.sharedScope), body)
        #expect(mfa.status == 201)
    }

    @Test func anAuthenticationContextIsAskedForWithItsClaims() async throws {
        let tenant = try makeTenant()
        let body = AZ.activation(role: AZ.blob, duration: "PT1H")
        let first = try await ARMClient(tenant).put(AZ.requestPath(AZ.paymentsData), body)
        #expect(first.status == 400)
        #expect(first.json.errorCode == "RoleAssignmentRequestAcrsValidationFailed")
        let message = try #require(first.json.errorMessage)
        #expect(message.hasPrefix("&claims="))
        let claims = String(message.dropFirst("&claims=".count)).removingPercentEncoding
        #expect(claims == #"{"access_token":{"acrs":{"essential":true, "value":"c1"}}}"#)
        let stepped = try await ARMClient(tenant, claims: claims).put(AZ.requestPath(AZ.paymentsData), body)
        #expect(stepped.status == 201)
    }

    @Test func malformedBodiesAreRefusedPropertyByProperty() async throws {
        let ada = ARMClient(try makeTenant())
        func refused(_ mutate: (inout JSONObject) -> Void) async throws -> String? {
            var body = AZ.activation(role: AZ.contributor)
            var p = body["properties"] as! JSONObject
            mutate(&p)
            body["properties"] = p
            let reply = try await ada.put(AZ.requestPath(AZ.prodScope), body)
            #expect(reply.status >= 400)
            return reply.json.errorCode
        }
        #expect(try await refused { $0["principalId"] = nil } == "MissingRequiredProperty")
        #expect(try await refused { $0["roleDefinitionId"] = nil } == "MissingRequiredProperty")
        #expect(try await refused { $0["requestType"] = nil } == "MissingRequiredProperty")
        #expect(try await refused { $0["requestType"] = "selfActivate" } == "InvalidRequestType")
        #expect(
            try await refused {
                $0["scheduleInfo"] = ["expiration": ["type": "AfterDuration", "duration": "4 hours"]]
            } == "InvalidRequestContent")
        #expect(
            try await refused { $0["scheduleInfo"] = ["startDateTime": "yesterday"] } == "InvalidRequestContent")
        // A subscription-scope request needs the subscription prefix on the role definition id.
        #expect(try await refused { $0["roleDefinitionId"] = AZ.role(AZ.contributor) } == "InvalidRoleDefinitionId")
        #expect(
            try await refused { $0["roleDefinitionId"] = AZ.role(AZ.contributor, sub: AZ.dev) }
                == "InvalidRoleDefinitionId")
        #expect(try await refused { $0["principalId"] = IDs.ben } == "InvalidSelfRequest")
        let noProperties = try await ada.put(AZ.requestPath(AZ.prodScope), ["principalId": IDs.ada])
        #expect(noProperties.json.errorCode == "InvalidRequestContent")
        let admin = try await refused { $0["requestType"] = "AdminAssign" }
        #expect(admin == "AuthorizationFailed")
    }

    @Test func aManagementGroupActivationUsesTheUnprefixedRoleId() async throws {
        let ada = ARMClient(try makeTenant())
        let body = AZ.activation(role: AZ.reader, sub: nil, duration: "PT2H", ticket: nil)
        let reply = try await ada.put(AZ.requestPath(AZ.mgScope), body)
        #expect(reply.status == 201, "\(reply.json)")
        #expect(props(reply.json).str("roleDefinitionId") == AZ.role(AZ.reader))
    }

    @Test func anEligibilityAtASubscriptionActivatesAtAChildResourceGroup() async throws {
        let ada = ARMClient(try makeTenant())
        let rg = "\(AZ.prodScope)/resourceGroups/payments-api-rg"
        let reply = try await ada.put(AZ.requestPath(rg), AZ.activation(role: AZ.contributor))
        #expect(reply.status == 201)
        #expect(props(reply.json).str("scope") == rg)
    }

    @Test func aGroupEligibilityActivatesForTheMember() async throws {
        let ada = ARMClient(try makeTenant())
        let rg = "\(AZ.prodScope)/resourceGroups/payments-api-rg"
        let vm = "9980e02c-c2be-4d73-94e8-173b1dc7cf3c"
        let reply = try await ada.put(AZ.requestPath(rg), AZ.activation(role: vm, duration: "PT1H", ticket: nil))
        #expect(reply.status == 201, "\(reply.json)")
        #expect(props(reply.json).str("principalId") == IDs.ada)
    }

    @Test func deactivatingWithinFiveMinutesIsTooShortAndAfterwardsRevokes() async throws {
        let tenant = try makeTenant()
        let ada = ARMClient(tenant)
        #expect(try await ada.put(AZ.requestPath(AZ.prodScope), AZ.activation(role: AZ.contributor)).status == 201)
        let deactivate: JSONObject = [
            "properties": [
                "principalId": IDs.ada, "roleDefinitionId": AZ.role(AZ.contributor, sub: AZ.prod),
                "requestType": "SelfDeactivate", "justification": "Work finished",
            ]
        ]
        let early = try await ada.put(AZ.requestPath(AZ.prodScope), deactivate)
        #expect(early.status == 400)
        #expect(early.json.errorCode == "ActiveDurationTooShort")
        tenant.advanceClock(by: 6 * 60)
        let later = try await ada.put(AZ.requestPath(AZ.prodScope), deactivate)
        #expect(later.status == 201)
        #expect(props(later.json).str("status") == "Revoked")
        #expect(!(try await ada.all(AZ.active)).contains { props($0).str("scope") == AZ.prodScope })
        let nothing = try await ada.put(AZ.requestPath(AZ.prodScope), deactivate)
        #expect(nothing.json.errorCode == "RoleAssignmentDoesNotExist")
    }

    @Test func anActivationEndsOnTheSimulatedClock() async throws {
        let tenant = try makeTenant()
        let ada = ARMClient(tenant)
        #expect(
            try await ada.put(AZ.requestPath(AZ.prodScope), AZ.activation(role: AZ.contributor, duration: "PT1H"))
                .status == 201)
        tenant.advanceClock(by: 3601)
        #expect(!(try await ada.all(AZ.active)).contains { props($0).str("scope") == AZ.prodScope })
    }

    @Test func aTimeBoundAssignmentCanBeExtendedOnce() async throws {
        let ada = ARMClient(try makeTenant())
        let sandbox = "\(AZ.devScope)/resourceGroups/sandbox-rg"
        let body: JSONObject = [
            "properties": [
                "principalId": IDs.ada, "roleDefinitionId": AZ.role(AZ.reader, sub: AZ.dev),
                "requestType": "SelfExtend",
                "justification": "Still on the sandbox project",
                "scheduleInfo": ["expiration": ["type": "AfterDateTime", "endDateTime": "2026-12-31T00:00:00Z"]],
            ]
        ]
        let reply = try await ada.put(AZ.requestPath(sandbox), body)
        #expect(reply.status == 201)
        #expect(props(reply.json).str("status") == "PendingAdminDecision")
        #expect(props(reply.json).str("targetRoleAssignmentScheduleId") != nil)
        #expect(try await ada.put(AZ.requestPath(sandbox), body).json.errorCode == "RoleAssignmentExists")
    }

    @Test func validateChecksWithoutCreating() async throws {
        let ada = ARMClient(try makeTenant())
        let name = UUID().uuidString.lowercased()
        let bad = try await ada.post(
            "\(AZ.prodScope)\(AZ.pim)/roleAssignmentScheduleRequests/\(name)/validate?\(AZ.v)",
            AZ.activation(role: AZ.contributor, ticket: nil))
        #expect(bad.status == 400)
        #expect(bad.json.errorMessage == #"The following policy rules failed: ["TicketingRule"]"#)
        let good = try await ada.post(
            "\(AZ.prodScope)\(AZ.pim)/roleAssignmentScheduleRequests/\(name)/validate?\(AZ.v)",
            AZ.activation(role: AZ.contributor))
        #expect(good.status == 200)
        #expect(!(try await ada.all(AZ.active)).contains { props($0).str("scope") == AZ.prodScope })
        #expect(
            try await ada.put(AZ.requestPath(AZ.prodScope, name), AZ.activation(role: AZ.contributor)).status == 201)
    }

    @Test func onlyAPendingRequestCanBeCanceledAndOnlyByItsRequester() async throws {
        let tenant = try makeTenant()
        let ada = ARMClient(tenant)
        let name = UUID().uuidString.lowercased()
        let ask = try await ada.put(
            AZ.requestPath(AZ.prodScope, name), AZ.activation(role: AZ.owner, duration: "PT1H", ticket: nil))
        #expect(props(ask.json).str("status") == "PendingApproval")
        let cancel = "\(AZ.prodScope)\(AZ.pim)/roleAssignmentScheduleRequests/\(name)/cancel?\(AZ.v)"
        #expect(try await ARMClient(tenant, as: "ben").post(cancel).json.errorCode == "AuthorizationFailed")
        let done = try await ada.post(cancel)
        #expect(done.status == 200)
        #expect(done.response.body.isEmpty)
        let one = try await ada.get("\(AZ.prodScope)\(AZ.pim)/roleAssignmentScheduleRequests/\(name)?\(AZ.v)")
        #expect(props(one.json).str("status") == "Canceled")
        let twice = try await ada.post(cancel)
        #expect(twice.status == 400)
        #expect(twice.json.errorCode == "RoleAssignmentScheduleRequestNotPending")
    }

    @Test func myRequestsListNewestFirst() async throws {
        let ada = ARMClient(try makeTenant())
        #expect(try await ada.put(AZ.requestPath(AZ.prodScope), AZ.activation(role: AZ.contributor)).status == 201)
        let mine = try await ada.all("\(AZ.pim)/roleAssignmentScheduleRequests?\(AZ.v)&$filter=asRequestor()")
        #expect(mine.count >= 2)
        #expect(mine.allSatisfy { props($0).str("requestorId") == IDs.ada })
        #expect(props(mine[0]).str("scope") == AZ.prodScope)
    }
}
