import Foundation
import Testing
@testable import PIMSimulator

@Suite struct ListingTests {
    @Test func meReturnsTheSignedInPersona() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.get("/me?$select=id,displayName,userPrincipalName")
        #expect(reply.status == 200)
        #expect(reply.json.str("id") == IDs.ada)
        #expect(reply.json.str("displayName") == "Ada Admin")
        #expect(reply.json["jobTitle"] == nil)
        #expect(reply.response.header("request-id") != nil)
    }

    @Test func eligibleRolesHaveTheContractShape() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.get(myEligibleRoles + "?$expand=roleDefinition")
        #expect(reply.status == 200)
        let items = reply.json.items
        #expect(items.count == 17)  // 4 of them at administrative units or beside them
        let ga = try #require(items.first { $0.str("roleDefinitionId") == IDs.globalAdmin })
        #expect(ga.str("@odata.type") == "#microsoft.graph.unifiedRoleEligibilityScheduleInstance")
        #expect(ga.str("principalId") == IDs.ada)
        #expect(ga.str("directoryScopeId") == "/")
        #expect(ga.str("memberType") == "Direct")
        #expect(ga["roleEligibilityScheduleId"] is String)
        #expect(ga.obj("roleDefinition")?.str("displayName") == "Global Administrator")
        #expect(ga.obj("roleDefinition")?.str("templateId") == IDs.globalAdmin)
    }

    @Test func activeRolesIncludeSeededActivationAndPermanentAssignment() async throws {
        let client = RawClient(try makeTenant())
        let items = try await client.get(myActiveRoles).json.items
        let user = try #require(items.first { $0.str("roleDefinitionId") == IDs.userAdmin })
        #expect(user.str("assignmentType") == "Activated")
        #expect(user.str("endDateTime") != nil)
        #expect(items.contains { $0.str("assignmentType") == "Assigned" && $0["endDateTime"] is NSNull })
    }

    @Test func groupEligibilitiesUseLowercaseEnums() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.get(
            """
            /identityGovernance/privilegedAccess/group/eligibilityScheduleInstances/filterByCurrentUser(on='principal')\
            ?$expand=group
            """
        )
        #expect(reply.status == 200)
        #expect(reply.json.items.count == 6)
        let tier0 = try #require(reply.json.items.first { $0.str("groupId") == IDs.tier0 })
        #expect(tier0.str("accessId") == "member")
        #expect(tier0.str("memberType") == "direct")
        #expect(tier0.obj("group")?.str("displayName") == "pag_Tier0.Intune.SAWClientAdmin")
    }

    @Test func unquotedFunctionParameterIsRefused() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.get(
            "/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on=principal)")
        #expect(reply.status == 400)
        #expect(reply.json.errorCode == "BadRequest")
        let approver = try await client.get(
            "/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='approver')")
        #expect(approver.status == 400)
    }

    @Test func unknownSegmentsAndMethodsAreRefusedLikeGraph() async throws {
        let client = RawClient(try makeTenant())
        let unknown = try await client.get("/roleManagement/directory/nothingHere")
        #expect(unknown.status == 400)
        #expect(unknown.json.errorMessage == "Resource not found for the segment 'nothingHere'.")
        #expect(unknown.json.obj("error")?.obj("innerError")?.str("request-id") != nil)
        #expect(unknown.json.obj("error")?.obj("innerError")?.str("date") != nil)
        let wrong = try await client.send("DELETE", myEligibleRoles)
        #expect(wrong.status == 405)
        let betaOnly = try await client.get("/roleManagement/directory/roleAssignmentApprovals/x")
        #expect(betaOnly.status == 405)
        let version = try await client.get("/me", version: "v2.0")
        #expect(version.status == 400)
    }

    @Test func missingOrGarbledTokenIs401() async throws {
        var client = RawClient(try makeTenant())
        client.token = ""
        let missing = try await client.get("/me")
        #expect(missing.status == 401)
        #expect(missing.json.errorCode == "InvalidAuthenticationToken")
        client.token = "pimsim1.garbage.abc"
        #expect(try await client.get("/me").status == 401)
    }

    @Test func tenantWideInstancesNeedAReaderRole() async throws {
        let tenant = try makeTenant()
        let carl = RawClient(tenant, as: "carl")
        let refused = try await carl.get(
            "/roleManagement/directory/roleAssignmentScheduleInstances?$filter=assignmentType eq 'Activated'")
        #expect(refused.status == 403)
        let hana = RawClient(tenant, as: "hana")
        let reply = try await hana.get(
            """
            /roleManagement/directory/roleAssignmentScheduleInstances?$filter=assignmentType eq \
            'Activated'&$expand=principal,roleDefinition
            """
        )
        #expect(reply.status == 200)
        #expect(reply.json.items.count == 5)
        #expect(reply.json.items.allSatisfy { $0.str("assignmentType") == "Activated" && $0.obj("principal") != nil })
    }

    @Test func groupInstancesNeedAFilter() async throws {
        let hana = RawClient(try makeTenant(), as: "hana")
        let refused = try await hana.get("/identityGovernance/privilegedAccess/group/assignmentScheduleInstances")
        #expect(refused.status == 400)
        let reply = try await hana.get(
            """
            /identityGovernance/privilegedAccess/group/assignmentScheduleInstances?$filter=groupId eq \
            '\(IDs.itopsNoApproval)'
            """
        )
        #expect(reply.status == 200)
        #expect(reply.json.items.count == 1)
        #expect(reply.json.items[0].str("assignmentType") == "activated")
    }

    @Test func policiesNeedScopeFilterAndExpandRules() async throws {
        let client = RawClient(try makeTenant())
        let refused = try await client.get("/policies/roleManagementPolicyAssignments")
        #expect(refused.status == 400)
        let reply = try await client.get(
            """
            /policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole' and \
            roleDefinitionId eq '\(IDs.globalAdmin)'&$expand=policy($expand=rules)
            """
        )
        #expect(reply.status == 200)
        let assignment = try #require(reply.json.items.first)
        #expect(reply.json.items.count == 1)
        let rules = try #require(assignment.obj("policy")?["rules"] as? [JSONObject])
        #expect(rules.count == 17)
        let expiration = try #require(rules.first { $0.str("id") == "Expiration_EndUser_Assignment" })
        #expect(expiration.str("maximumDuration") == "PT1H")
        let enablement = try #require(rules.first { $0.str("id") == "Enablement_EndUser_Assignment" })
        #expect((enablement["enabledRules"] as? [String])?.sorted() == ["Justification", "Ticketing"])
        let context = try #require(rules.first { $0.str("id") == "AuthenticationContext_EndUser_Assignment" })
        #expect(context["isEnabled"] as? Bool == true)
        #expect(context.str("claimValue") == "c1")
        let approval = try #require(rules.first { $0.str("id") == "Approval_EndUser_Assignment" })
        #expect(approval.obj("setting")?["isApprovalRequired"] as? Bool == true)

        let group = try await client.get(
            """
            /policies/roleManagementPolicyAssignments?$filter=scopeId eq '\(IDs.itopsNoApproval)' and scopeType eq \
            'Group' and roleDefinitionId eq 'member'&$expand=policy($expand=rules)
            """
        )
        #expect(group.json.items.count == 1)
        let groupRules = group.json.items[0].obj("policy")?["rules"] as? [JSONObject] ?? []
        #expect(groupRules.first { $0.str("id") == "Expiration_EndUser_Assignment" }?.str("maximumDuration") == "PT4H")
        let reader = try await client.get(
            """
            /policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'Directory' and \
            roleDefinitionId eq '\(IDs.globalReader)'&$expand=policy($expand=rules)
            """
        )
        let readerRules = reader.json.items.first?.obj("policy")?["rules"] as? [JSONObject] ?? []
        #expect(
            readerRules.first { $0.str("id") == "Expiration_EndUser_Assignment" }?.str("maximumDuration") == "PT24H")
        #expect(reader.json.items.first?.str("scopeType") == "Directory")
    }

    @Test func pagingFollowsNextLinkToTheEnd() async throws {
        let tenant = try makeTenant(pageSize: 5)
        let client = RawClient(tenant)
        var reply = try await client.get(myEligibleRoles)
        var seen: [String] = reply.json.items.compactMap { $0.str("id") }
        #expect(seen.count == 5)
        while let next = reply.json.str("@odata.nextLink") {
            #expect(next.hasPrefix("https://graph.microsoft.com/v1.0/roleManagement/"))
            let response = try await tenant.send(
                .init(
                    method: "GET", url: URL(string: next)!,
                    headers: ["Authorization": "Bearer \(client.token)"]))
            reply = RawClient.Reply(
                status: response.status, json: parseObject(response.body) ?? [:], response: response)
            #expect(reply.status == 200)
            seen += reply.json.items.compactMap { $0.str("id") }
        }
        #expect(seen.count == 17)
        #expect(Set(seen).count == 17)
        let top = try await client.get(myEligibleRoles + "?$top=2")
        #expect(top.json.items.count == 2)
    }

    @Test func filterWithAndOrOnContractFields() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.get(
            myEligibleRoles + "?$filter=roleDefinitionId eq '\(IDs.globalAdmin)' or roleDefinitionId eq '\(IDs.pra)'")
        #expect(reply.json.items.count == 2)
        let bad = try await client.get(myEligibleRoles + "?$filter=nonsense eq 'x'")
        #expect(bad.status == 400)
    }
}
