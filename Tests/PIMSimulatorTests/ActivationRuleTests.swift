import Foundation
import Testing
@testable import PIMSimulator

/// Every refusal of a `selfActivate`, with the contract's status and error code.
@Suite struct ActivationRuleTests {
    @Test func activationWithoutApprovalIsProvisionedAndListed() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.post(roleRequests, activation(role: IDs.helpdeskAdmin, duration: "PT2H"))
        #expect(reply.status == 201)
        #expect(reply.json.str("status") == "Provisioned")
        #expect(reply.json.str("action") == "selfActivate")
        #expect(reply.json["approvalId"] is NSNull)
        #expect(reply.json.str("targetScheduleId") == reply.json.str("id"))
        #expect(reply.json.obj("scheduleInfo")?.obj("expiration")?.str("duration") == "PT2H")
        #expect(reply.json.str("@odata.context")?.hasSuffix("roleAssignmentScheduleRequests/$entity") == true)
        let active = try await client.get(myActiveRoles).json.items
        let instance = try #require(active.first { $0.str("roleDefinitionId") == IDs.helpdeskAdmin })
        #expect(instance.str("assignmentType") == "Activated")
        #expect(instance.str("endDateTime") == "2026-05-28T22:26:40Z")
    }

    @Test func notEligibleFailsEligibilityRule() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.post(roleRequests, activation(role: "b0f54661-2d74-4c50-afa3-1ec803f12efe"))
        #expect(reply.status == 400)
        #expect(reply.json.errorCode == "RoleAssignmentRequestPolicyValidationFailed")
        #expect(reply.json.errorMessage == #"The following policy rules failed: ["EligibilityRule"]"#)
    }

    @Test func missingJustificationFailsJustificationRule() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.post(roleRequests, activation(role: IDs.helpdeskAdmin, justification: nil))
        #expect(reply.status == 400)
        #expect(reply.json.errorMessage == #"The following policy rules failed: ["JustificationRule"]"#)
    }

    @Test func missingTicketFailsTicketingRule() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.post(roleRequests, activation(role: IDs.exchangeAdmin))
        #expect(reply.json.errorCode == "RoleAssignmentRequestPolicyValidationFailed")
        #expect(reply.json.errorMessage == #"The following policy rules failed: ["TicketingRule"]"#)
        let ok = try await client.post(roleRequests, activation(role: IDs.exchangeAdmin, ticket: "CHG-1"))
        #expect(ok.status == 201)
        #expect(ok.json.obj("ticketInfo")?.str("ticketNumber") == "CHG-1")
    }

    @Test func durationOverMaximumOrMissingOrUnderFiveMinutesFailsExpirationRule() async throws {
        let client = RawClient(try makeTenant())
        let over = try await client.post(roleRequests, activation(role: IDs.teamsAdmin, duration: "PT1H"))
        #expect(over.json.errorMessage == #"The following policy rules failed: ["ExpirationRule"]"#)
        let under = try await client.post(roleRequests, activation(role: IDs.teamsAdmin, duration: "PT4M"))
        #expect(under.json.errorMessage == #"The following policy rules failed: ["ExpirationRule"]"#)
        var noSchedule = activation(role: IDs.teamsAdmin)
        noSchedule["scheduleInfo"] = nil
        let missing = try await client.post(roleRequests, noSchedule)
        #expect(missing.json.errorMessage == #"The following policy rules failed: ["ExpirationRule"]"#)
        let ok = try await client.post(roleRequests, activation(role: IDs.teamsAdmin, duration: "PT30M"))
        #expect(ok.status == 201)
    }

    @Test func severalRulesAreReportedTogether() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.post(
            roleRequests, activation(role: IDs.exchangeAdmin, duration: "PT12H", justification: nil))
        #expect(
            reply.json.errorMessage
                == #"The following policy rules failed: ["ExpirationRule","JustificationRule","TicketingRule"]"#)
    }

    @Test func mfaRuleUntilTheTokenCarriesMfa() async throws {
        let tenant = try makeTenant()
        let plain = RawClient(tenant)
        let refused = try await plain.post(roleRequests, activation(role: IDs.securityAdmin))
        #expect(refused.json.errorMessage == #"The following policy rules failed: ["MfaRule"]"#)
        let stepped = RawClient(tenant, claims: #"{"access_token":{"amr":{"values":["mfa"]}}}"#)
        let reply = try await stepped.post(roleRequests, activation(role: IDs.securityAdmin))
        #expect(reply.status == 201)
        #expect(reply.json.str("status") == "PendingApproval")
    }

    @Test func authenticationContextAnswersWithClaimsChallenge() async throws {
        let tenant = try makeTenant()
        let plain = RawClient(tenant)
        let refused = try await plain.post(roleRequests, activation(role: IDs.intuneAdmin))
        #expect(refused.status == 400)
        #expect(refused.json.errorCode == "RoleAssignmentRequestAcrsValidationFailed")
        let message = try #require(refused.json.errorMessage)
        let encoded = try #require(message.components(separatedBy: "claims=").last)
        let claims = try #require(encoded.removingPercentEncoding)
        let parsed = try #require(parseObject(Data(claims.utf8)))
        #expect(parsed.obj("access_token")?.obj("acrs")?.str("value") == "c1")
        #expect(parsed.obj("access_token")?.obj("acrs")?["essential"] as? Bool == true)
        let token = try await tenant.signIn(as: "ada").accessToken(claims: claims)
        var stepped = plain
        stepped.token = token
        let reply = try await stepped.post(roleRequests, activation(role: IDs.intuneAdmin))
        #expect(reply.status == 201)
        #expect(reply.json.str("status") == "Provisioned")
    }

    @Test func alreadyActiveIsRoleAssignmentExists() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.post(roleRequests, activation(role: IDs.userAdmin))
        #expect(reply.status == 400)
        #expect(reply.json.errorCode == "RoleAssignmentExists")
        #expect(reply.json.errorMessage == "The Role assignment already exists.")
    }

    @Test func pendingRequestForSameTargetIsRefused() async throws {
        let client = RawClient(try makeTenant(), claims: #"{"access_token":{"amr":{"values":["mfa"]}}}"#)
        let reply = try await client.post(roleRequests, activation(role: IDs.pra, ticket: "CHG-9"))
        #expect(reply.status == 400)
        #expect(reply.json.errorCode == "PendingRoleAssignmentRequest")
    }

    @Test func validationOnlyCreatesNothing() async throws {
        let tenant = try makeTenant()
        let client = RawClient(tenant)
        let reply = try await client.post(roleRequests, activation(role: IDs.helpdeskAdmin, validationOnly: true))
        #expect(reply.status == 201)
        #expect(reply.json["isValidationOnly"] as? Bool == true)
        let active = try await client.get(myActiveRoles).json.items
        #expect(!active.contains { $0.str("roleDefinitionId") == IDs.helpdeskAdmin })
        let invalid = try await client.post(
            roleRequests, activation(role: IDs.helpdeskAdmin, justification: nil, validationOnly: true))
        #expect(invalid.json.errorMessage == #"The following policy rules failed: ["JustificationRule"]"#)
    }

    @Test func enumCasingIsTolerantAndEchoedInCamelCase() async throws {
        let client = RawClient(try makeTenant())
        var body = activation(role: IDs.helpdeskAdmin, action: "SelfActivate")
        body["scheduleInfo"] = [
            "startDateTime": "2026-05-28T20:26:40Z", "expiration": ["type": "AfterDuration", "duration": "PT1H"],
        ]
        let reply = try await client.post(roleRequests, body)
        #expect(reply.status == 201)
        #expect(reply.json.str("action") == "selfActivate")
        #expect(reply.json.obj("scheduleInfo")?.obj("expiration")?.str("type") == "afterDuration")
        let bogus = try await client.post(roleRequests, activation(role: IDs.helpdeskAdmin, action: "selfDance"))
        #expect(bogus.status == 400)
    }

    @Test func requiredPropertiesAndSelfPrincipalAreChecked() async throws {
        let client = RawClient(try makeTenant())
        var body = activation(role: IDs.helpdeskAdmin)
        body["principalId"] = nil
        let missing = try await client.post(roleRequests, body)
        #expect(missing.status == 400)
        #expect(missing.json.errorCode == "InvalidRoleAssignmentRequest")
        let other = try await client.post(roleRequests, activation(role: IDs.helpdeskAdmin, principal: IDs.ben))
        #expect(other.status == 400)
        let noType = try await client.send(
            "POST", roleRequests, body: activation(role: IDs.helpdeskAdmin),
            headers: ["Content-Type": "text/plain"])
        #expect(noType.status == 415)
    }

    @Test func groupActivationFollowsTheGroupPolicy() async throws {
        let client = RawClient(try makeTenant())
        let ticketless = try await client.post(groupRequests, groupActivation(group: IDs.tier3, duration: "PT9H"))
        #expect(ticketless.json.errorMessage == #"The following policy rules failed: ["ExpirationRule"]"#)
        let reply = try await client.post(groupRequests, groupActivation(group: IDs.tier3, duration: "PT2H"))
        #expect(reply.status == 201)
        #expect(reply.json.str("status") == "Provisioned")
        #expect(reply.json.str("groupId") == IDs.tier3)
        #expect(reply.json.str("accessId") == "member")
        #expect(reply.json.str("targetScheduleId")?.hasPrefix("\(IDs.tier3)_member_") == true)
        let active = try await client.get(
            "/identityGovernance/privilegedAccess/group/assignmentScheduleInstances/filterByCurrentUser(on='principal')"
        )
        #expect(
            active.json.items.contains { $0.str("groupId") == IDs.tier3 && $0.str("assignmentType") == "activated" })
        let again = try await client.post(groupRequests, groupActivation(group: IDs.tier3, duration: "PT2H"))
        #expect(again.json.errorCode == "RoleAssignmentExists")
    }

    @Test func tokenWithoutPIMWriteScopeIsRefusedWithNestedError() async throws {
        let tenant = try makeTenant()
        var client = RawClient(tenant)
        client.token = SimulatedSignIn(persona: .ada, scopes: SimulatedSignIn.azureCLIScopes).token()
        #expect(try await client.get(myActiveRoles).status == 200)
        let reply = try await client.post(roleRequests, activation(role: IDs.helpdeskAdmin))
        #expect(reply.status == 403)
        #expect(reply.json.errorCode == "UnknownError")
        let nested = try #require(reply.json.errorMessage.flatMap { parseObject(Data($0.utf8)) })
        #expect(nested.str("errorCode") == "PermissionScopeNotGranted")
        #expect(nested.str("message")?.contains("RoleAssignmentSchedule.ReadWrite.Directory") == true)
        let group = try await client.post(groupRequests, groupActivation(group: IDs.tier3))
        #expect(group.json.errorMessage?.contains("PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup") == true)
    }
}
