import Foundation
import Testing
@testable import PIMSimulator

/// Z1–Z4, Z12–Z16: what each persona sees of the Azure estate.
@Suite struct ARMListingTests {
    func props(_ item: JSONObject) -> JSONObject { item.obj("properties") ?? [:] }

    @Test func adaIsEligibleAcrossEveryScopeTypeDirectlyInheritedAndThroughAGroup() async throws {
        let items = try await ARMClient(try makeTenant()).all(AZ.eligible)
        #expect(items.count >= 12)
        let types = Set(items.compactMap { props($0).obj("expandedProperties")?.obj("scope")?.str("type") })
        #expect(types == ["managementgroup", "subscription", "resourcegroup", "resource"])
        let members = Set(items.compactMap { props($0).str("memberType") })
        #expect(members == ["Direct", "Inherited", "Group"])
        for item in items {
            let p = props(item)
            #expect(
                p.str("roleEligibilityScheduleId")?.contains(
                    "/providers/Microsoft.Authorization/RoleEligibilitySchedules/") == true)
            #expect(p.str("scope")?.hasPrefix("/providers/Microsoft.Subscription") == false)
            #expect(p.obj("expandedProperties")?.obj("roleDefinition")?.str("displayName") != nil)
            // Role definition ids are spelled for the scope: no subscription prefix at a management group.
            let scope = p.str("scope") ?? ""
            let definition = p.str("roleDefinitionId") ?? ""
            #expect(
                scope.hasPrefix("/subscriptions/") == definition.hasPrefix("/subscriptions/"), "\(scope) \(definition)")
        }
        let contributor = try #require(
            items.first { props($0).str("roleDefinitionId") == AZ.role(AZ.contributor, sub: AZ.prod) })
        #expect(props(contributor).obj("expandedProperties")?.obj("scope")?.str("displayName") == "Prod-Payments")
    }

    @Test func adaHasOneActivationAndOneTimeBoundAssignment() async throws {
        let items = try await ARMClient(try makeTenant()).all(AZ.active)
        let activated = items.filter { props($0).str("assignmentType") == "Activated" }
        #expect(activated.count == 1)
        #expect(props(activated[0]).str("scope") == AZ.devScope)
        #expect(props(activated[0]).str("endDateTime") != nil)
        #expect(items.contains { props($0).str("assignmentType") == "Assigned" })
    }

    @Test func aScopedListWithoutFilterShowsAtAboveAndBelowToAReader() async throws {
        let hana = ARMClient(try makeTenant(), as: "hana")
        let items = try await hana.all("\(AZ.prodScope)\(AZ.pim)/roleEligibilityScheduleInstances?\(AZ.v)")
        let scopes = Set(items.compactMap { props($0).str("scope") })
        #expect(scopes.contains(AZ.mgScope))
        #expect(scopes.contains(AZ.prodScope))
        #expect(scopes.contains(AZ.vault))
        #expect(!scopes.contains(AZ.devScope))
        let atScope = try await hana.all(
            "\(AZ.prodScope)\(AZ.pim)/roleEligibilityScheduleInstances?\(AZ.v)&$filter=atScope()")
        #expect(!atScope.contains { props($0).str("scope") == AZ.vault })
    }

    @Test func bothSubscriptionSpellingsAreAcceptedAndScopeComesBackCanonical() async throws {
        let ada = ARMClient(try makeTenant())
        let alias = "/providers/Microsoft.Subscription/subscriptions/\(AZ.prod)"
        let items = try await ada.all("\(alias)\(AZ.pim)/roleEligibilityScheduleInstances?\(AZ.v)&$filter=asTarget()")
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { props($0).str("scope")?.hasPrefix("/providers/Microsoft.Subscription") == false })
    }

    @Test func theHelpdeskSeesActiveElevationsOfSeveralPersonasSomeEndingSoon() async throws {
        let tenant = try makeTenant(persona: "hana")
        let hana = ARMClient(tenant, as: "hana")
        var principals = Set<String>()
        var endingSoon = 0
        for sub in [AZ.prod, AZ.dev, AZ.shared] {
            let items = try await hana.all("/subscriptions/\(sub)\(AZ.pim)/roleAssignmentScheduleInstances?\(AZ.v)")
            for item in items where props(item).str("assignmentType") == "Activated" {
                principals.insert(props(item).str("principalId") ?? "")
                let end = props(item).str("endDateTime").flatMap(GraphDate.parse)
                if let end, end.timeIntervalSince(testStart) < 20 * 60 { endingSoon += 1 }
                #expect(props(item).obj("expandedProperties")?.obj("principal")?.str("displayName") != nil)
            }
        }
        #expect(principals.count >= 4)
        #expect(endingSoon >= 2)
    }

    @Test func aCallerWithNoRoleOnTheSubscriptionIsRefused() async throws {
        let carl = ARMClient(try makeTenant(), as: "carl")
        let reply = try await carl.get("\(AZ.prodScope)\(AZ.pim)/roleAssignmentScheduleInstances?\(AZ.v)")
        #expect(reply.status == 403)
        #expect(reply.json.errorCode == "AuthorizationFailed")
        #expect(
            reply.json.errorMessage
                == """
                The client 'carl@contoso.com' with object id '1d5e3f0a-4b6c-4d7e-9f80-3c4d5e6f7a83' does not have \
                authorization to perform action 'Microsoft.Authorization/roleAssignments/read' over scope \
                '\(AZ.prodScope)' or the scope is invalid. If access was recently granted, please refresh your \
                credentials.
                """)
        // Their own instances need no role.
        let own = try await carl.get(
            "\(AZ.prodScope)\(AZ.pim)/roleEligibilityScheduleInstances?\(AZ.v)&$filter=asTarget()")
        #expect(own.status == 200)
    }

    @Test func pagesFollowNextLinkWithASkipToken() async throws {
        let tenant = try makeTenant(pageSize: 5)
        let ada = ARMClient(tenant)
        let first = try await ada.get(AZ.eligible)
        #expect(first.json.items.count == 5)
        let next = try #require(first.json.str("nextLink"))
        #expect(next.hasPrefix("https://management.azure.com/providers/Microsoft.Authorization/"))
        #expect(next.contains("$skipToken="))
        #expect(next.contains("$filter=asTarget()"))
        let all = try await ada.all(AZ.eligible)
        let unpaged = try await ARMClient(try makeTenant()).all(AZ.eligible)
        #expect(all.count == unpaged.count)
        #expect(Set(all.compactMap { $0.str("name") }).count == all.count)
        let bad = try await ada.get(AZ.eligible + "&$skipToken=nonsense")
        #expect(bad.status == 400)
    }

    @Test func policiesCarryTheEffectiveRulesOfTheScope() async throws {
        let ada = ARMClient(try makeTenant())
        let items = try await ada.all("\(AZ.prodScope)\(AZ.pim)/roleManagementPolicyAssignments?\(AZ.v)")
        #expect(items.count == ARMRoleCatalog.all.count)
        let contributor = try #require(
            items.first { props($0).str("roleDefinitionId") == AZ.role(AZ.contributor, sub: AZ.prod) })
        let rules = (props(contributor)["effectiveRules"] as? [JSONObject]) ?? []
        let expiration = rules.first { $0.str("id") == "Expiration_EndUser_Assignment" }
        #expect(expiration?.str("maximumDuration") == "PT8H")
        #expect(expiration?.str("ruleType") == "RoleManagementPolicyExpirationRule")
        let enablement = rules.first { $0.str("id") == "Enablement_EndUser_Assignment" }
        #expect((enablement?["enabledRules"] as? [String]).map(Set.init) == ["Justification", "Ticketing"])
        let approval = rules.first { $0.str("id") == "Approval_EndUser_Assignment" }?.obj("setting")
        #expect(approval?["isApprovalRequired"] as? Bool == false)
        let context = rules.first { $0.str("id") == "AuthenticationContext_EndUser_Assignment" }
        #expect(context?.str("claimValue") == "")
        #expect(contributor.str("name")?.hasSuffix("_\(AZ.contributor)") == true)

        let owner = try await ada.all(
            "\(AZ.prodScope)\(AZ.pim)/roleManagementPolicyAssignments?\(AZ.v)"
                + "&$filter=roleDefinitionId%20eq%20'\(AZ.role(AZ.owner, sub: AZ.prod))'"
        )
        #expect(owner.count == 1)
        let ownerRules = (props(owner[0])["effectiveRules"] as? [JSONObject]) ?? []
        let stages =
            ownerRules.first { $0.str("id") == "Approval_EndUser_Assignment" }?.obj("setting")?["approvalStages"]
            as? [JSONObject]
        let approvers = stages?.first?["primaryApprovers"] as? [JSONObject]
        #expect(approvers?.first?.str("id") == IDs.ben)
        #expect(approvers?.first?.str("userType") == "User")

        let blob = try await ada.all(
            "\(AZ.paymentsData)\(AZ.pim)/roleManagementPolicyAssignments?\(AZ.v)"
                + "&$filter=roleDefinitionId%20eq%20'\(AZ.role(AZ.blob, sub: AZ.prod))'"
        )
        let blobRules = (props(blob[0])["effectiveRules"] as? [JSONObject]) ?? []
        let c1 = blobRules.first { $0.str("id") == "AuthenticationContext_EndUser_Assignment" }
        #expect(c1?["isEnabled"] as? Bool == true)
        #expect(c1?.str("claimValue") == "c1")
    }

    @Test func subscriptionsManagementGroupsAndRoleDefinitions() async throws {
        let ada = ARMClient(try makeTenant())
        let subs = try await ada.all("/subscriptions?api-version=2022-12-01")
        #expect(Set(subs.compactMap { $0.str("displayName") }) == ["Prod-Payments", "Dev-Sandbox", "Shared-Platform"])
        #expect(subs.allSatisfy { $0.str("tenantId") == TenantSeed.tenantId && $0.str("state") == "Enabled" })
        let groups = try await ada.all("/providers/Microsoft.Management/managementGroups?api-version=2021-04-01")
        #expect(groups.first?.obj("properties")?.str("displayName") == "Contoso")
        let role = try await ada.get("\(AZ.role(AZ.owner, sub: AZ.prod))?api-version=2022-04-01")
        #expect(role.status == 200)
        #expect(role.json.obj("properties")?.str("roleName") == "Owner")
        let unknown = try await ada.get("\(AZ.role("11111111-1111-4111-8111-111111111111"))?api-version=2022-04-01")
        #expect(unknown.status == 404)
        #expect(unknown.json.errorCode == "RoleDefinitionDoesNotExist")
        // Carl, eligible only on Prod-Payments, sees only that subscription.
        let carls = try await ARMClient(try makeTenant(), as: "carl").all("/subscriptions?api-version=2022-12-01")
        #expect(carls.compactMap { $0.str("displayName") } == ["Prod-Payments"])
    }

    @Test func eligibleChildResourcesListNarrowerScopesInTheAliasForm() async throws {
        let ada = ARMClient(try makeTenant())
        let items = try await ada.all(
            "\(AZ.prodScope)\(AZ.pim)/eligibleChildResources?\(AZ.v)&$filter=resourceType+eq+'resourcegroup'")
        #expect(Set(items.compactMap { $0.str("name") }) == ["payments-api-rg", "payments-data-rg"])
        #expect(items.allSatisfy { $0.str("type") == "resourcegroup" })
        #expect(
            items.allSatisfy { $0.str("id")?.hasPrefix("/providers/Microsoft.Subscription/subscriptions/") == true })
        let both = try await ada.all(
            "\(AZ.mgScope)\(AZ.pim)/eligibleChildResources?\(AZ.v)"
                + "&$filter=resourceType%20eq%20'subscription'%20or%20resourceType%20eq%20'resourcegroup'"
        )
        #expect(both.filter { $0.str("type") == "subscription" }.count == 3)
        #expect(both.filter { $0.str("type") == "resourcegroup" }.count == 6)
    }

    @Test func anUnsupportedFilterIsRefused() async throws {
        let reply = try await ARMClient(try makeTenant()).get(
            "\(AZ.pim)/roleEligibilityScheduleInstances?\(AZ.v)&$filter=memberType%20eq%20'Group'")
        #expect(reply.status == 400)
        #expect(reply.json.errorCode == "InvalidFilter")
    }
}
