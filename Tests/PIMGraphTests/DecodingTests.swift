import Foundation
import Testing
@testable import PIMGraph
import PIMDomain

/// The documented response shapes decode into the domain values pim shows.
struct DecodingTests {
    func page<T: Decodable>(_ type: T.Type, _ fixture: String) throws -> [T] {
        try GraphDate.decoder().decode(GraphPage<T>.self, from: Fixture.data(fixture)).value
    }

    @Test func graphDatesWithZeroToSevenFractionDigitsAndWithoutZone() throws {
        #expect(GraphDate.parse("2026-01-06T08:00:00Z") == Date(timeIntervalSince1970: 1_767_686_400))
        let seven = try #require(GraphDate.parse("2026-01-06T08:00:47.1234567Z"))
        #expect(abs(seven.timeIntervalSince1970 - 1_767_686_447.1234567) < 0.001)
        #expect(GraphDate.parse("2022-04-11T11:50:05.95Z") != nil)
        #expect(GraphDate.parse("2026-01-06T08:00:01") == Date(timeIntervalSince1970: 1_767_686_401))
        #expect(GraphDate.parse("yesterday") == nil)
    }

    @Test func eligibleRoleWithExpandedDefinition() throws {
        let items = try page(
            RoleInstanceDTO.self,
            "roles.roleEligibilityScheduleInstances.filterByCurrentUser-expandRoleDefinition.GET.200.composed.json")
        let eligibility = try #require(items.first?.eligibility)
        #expect(eligibility.target.id == .role("8424c6f0-a189-499e-bbd0-26c1753c96d4", scope: "/"))
        #expect(eligibility.target.displayName == "Attribute Assignment Administrator")
        #expect(eligibility.target.templateId == "8424c6f0-a189-499e-bbd0-26c1753c96d4")
        #expect(eligibility.memberType == .direct)  // "Direct" in the fixture
        #expect(eligibility.end == GraphDate.parse("2024-04-10T00:00:00Z"))
        // Without the expansion the id stands in for the name.
        let plain = try page(
            RoleInstanceDTO.self, "roles.roleEligibilityScheduleInstances.filterByCurrentUser.GET.200.json")
        #expect(plain.first?.target.displayName == "8424c6f0-a189-499e-bbd0-26c1753c96d4")
    }

    @Test func permanentAssignedRole() throws {
        let active = try page(
            RoleInstanceDTO.self, "roles.roleAssignmentScheduleInstances.filterByCurrentUser.GET.200.json"
        ).map(\.assignment)
        #expect(active.count == 1)
        #expect(active[0].assignmentType == .assigned)
        #expect(active[0].isPermanent && active[0].start == nil)
        #expect(active[0].principal.id == "3fbd929d-8c56-4462-851e-0eb9a7b3a2a5")
    }

    @Test func groupInstancesCompareEnumsWithoutCase() throws {
        let eligible = try page(
            GroupInstanceDTO.self, "groups.eligibilityScheduleInstances.filterByCurrentUser.GET.200.json"
        ).map(\.eligibility)
        #expect(eligible.first?.target.id == .group("2b5ed229-4072-478d-9504-a047ebd4b07d"))
        #expect(eligible.first?.memberType == .direct)
        let active = try page(GroupInstanceDTO.self, "groups.assignmentScheduleInstances.list-groupId.GET.200.json")
            .map(\.assignment)
        #expect(active.map(\.assignmentType) == [.assigned, .assigned])
        #expect(active.first?.target.kind == .groupMember)
    }

    @Test func roleRequestsKeepStatusActionTicketAndDuration() throws {
        let request = try GraphDate.decoder().decode(
            ScheduleRequestDTO.self,
            from: Fixture.data("roles.roleAssignmentScheduleRequests.selfActivate.POST.201.json")
        ).request()
        #expect(request.status == .granted)
        #expect(request.action == .selfActivate)
        #expect(request.duration == .hours(5))
        #expect(request.ticket == TicketInfo(number: "CONTOSO:Normal-67890", system: "MS Project"))
        #expect(request.target.id == .role("8424c6f0-a189-499e-bbd0-26c1753c96d4"))
        #expect(request.createdAt.map { abs($0.timeIntervalSince1970 - 1_649_839_952.6485851) < 0.001 } == true)

        let pending = try page(
            ScheduleRequestDTO.self,
            "roles.roleAssignmentScheduleRequests.filterByCurrentUser-approver-pendingApproval.GET.200.json"
        ).map { $0.request() }
        #expect(pending.first?.action == .selfActivate)  // "SelfActivate" in the fixture
        #expect(pending.first?.status == .pendingApproval)
        #expect(pending.first?.approvalId == "9f2b5ddb-a50e-44a1-a6f4-f616322262ea")
        #expect(pending.first?.duration == ActivationDuration(seconds: 5 * 3600 + 1800))
        #expect(pending.first?.start == nil)
        #expect(pending.first?.ticket == nil)  // nulls are no ticket
    }

    @Test func groupRequestsDecodeWithPascalCaseValues() throws {
        let requests = try page(
            ScheduleRequestDTO.self,
            "groups.assignmentScheduleRequests.filterByCurrentUser-principal-pendingApproval.GET.200.json"
        ).map { $0.request() }
        #expect(requests.first?.target.id == .group("d5f0ad2e-6b34-401b-b6da-0c8fc2c5a3fc"))
        #expect(requests.first?.ticket?.number == "09876")
        #expect(requests.first?.duration == .hours(8))
        let created = try GraphDate.decoder().decode(
            ScheduleRequestDTO.self, from: Fixture.data("groups.assignmentScheduleRequests.selfActivate.POST.201.json")
        ).request()
        #expect(created.status == .provisioned)
        #expect(created.principal.id == "3cce9d87-3986-4f19-8335-7ed075408ca2")
    }

    @Test func approvalsWithStagesOrSteps() throws {
        let group = try GraphDate.decoder().decode(
            ApprovalDTO.self, from: Fixture.data("groups.assignmentApprovals.GET.200.json")
        ).approval
        #expect(group.openStageForMe?.id == "d4fa4045-4716-436d-aec5-57b0a713f095")
        let role = try GraphDate.decoder().decode(
            ApprovalDTO.self, from: Fixture.data("roles.beta.roleAssignmentApprovals.GET.200.json")
        ).approval
        #expect(role.stages.count == 1)
        #expect(role.openStageForMe?.reviewResult == .notReviewed)
    }

    @Test func rolePolicyMapsTheEndUserAssignmentRules() throws {
        let assignments = try page(
            PolicyAssignmentDTO.self,
            "policies.roleManagementPolicyAssignments.directoryRole-expandPolicyRules.GET.200.json")
        let policy = try #require(GraphPIMService.policy(from: assignments))
        #expect(policy.maxDuration == .hours(8))
        #expect(policy.requiresJustification)
        #expect(policy.requiresMfa)
        #expect(!policy.requiresTicket)
        #expect(!policy.requiresApproval)
        #expect(policy.authenticationContext == nil)
    }

    @Test func groupOwnerPolicyDecodes() throws {
        let assignments = try page(
            PolicyAssignmentDTO.self,
            "policies.roleManagementPolicyAssignments.group-owner-expandPolicyRules.GET.200.json")
        #expect(GraphPIMService.policy(from: assignments)?.maxDuration != nil)
        // Without `$expand` there is no policy to read.
        let bare = try page(PolicyAssignmentDTO.self, "policies.roleManagementPolicyAssignments.group.GET.200.json")
        #expect(GraphPIMService.policy(from: bare) == nil)
    }

    @Test func contractPolicyExampleWithApprovalTicketAndAuthContext() throws {
        let json = """
            {"value":[{"policy":{"rules":[
              {"@odata.type":"#microsoft.graph.unifiedRoleManagementPolicyExpirationRule",\
            "id":"Expiration_EndUser_Assignment","isExpirationRequired":true,"maximumDuration":"PT4H"},
              {"@odata.type":"#microsoft.graph.unifiedRoleManagementPolicyEnablementRule",\
            "id":"Enablement_EndUser_Assignment","enabledRules":["Justification","Ticketing"]},
              {"@odata.type":"#microsoft.graph.unifiedRoleManagementPolicyApprovalRule",\
            "id":"Approval_EndUser_Assignment",
               "setting":{"isApprovalRequired":true,"approvalStages":[{"primaryApprovers":[{"@odata.type":\
            "#microsoft.graph.singleUser","userId":"u1","description":"Bo"},\
            {"@odata.type":"#microsoft.graph.groupMembers","groupId":"g1"}]}]}},
              {"@odata.type":"#microsoft.graph.unifiedRoleManagementPolicyAuthenticationContextRule",\
            "id":"AuthenticationContext_EndUser_Assignment","isEnabled":true,"claimValue":"c1"},
              {"@odata.type":"#microsoft.graph.somethingNew","id":"Future_Rule","shape":[1,2,3]}
            ]}}]}
            """
        let assignments = try GraphDate.decoder().decode(GraphPage<PolicyAssignmentDTO>.self, from: Data(json.utf8))
            .value
        let policy = try #require(GraphPIMService.policy(from: assignments))
        #expect(
            policy
                == ActivationPolicy(
                    maxDuration: .hours(4), requiresJustification: true, requiresTicket: true,
                    requiresMfa: false, authenticationContext: "c1", requiresApproval: true,
                    approvers: [
                        Approver(kind: .user, id: "u1", description: "Bo"), Approver(kind: .groupMembers, id: "g1"),
                    ]))
        #expect(policy.requiresStepUp)
    }

    @Test func pimAuditRecordNamesItsRequest() throws {
        let events = try page(DirectoryAuditDTO.self, "auditLogs.directoryAudits.pim.GET.200.observed.json").map(
            \.event)
        #expect(events.first?.activity == "Remove member from role (PIM activation expired)")
        #expect(events.first?.requestId == "61998d6f-fcf3-400a-9d40-cbfa74a3bfbd")
        #expect(events.first?.initiatedBy?.displayName == "Azure AD PIM")
        let core = try page(DirectoryAuditDTO.self, "auditLogs.directoryAudits.GET.200.json").map(\.event)
        #expect(core.first?.targetName == "Example.com")
        #expect(core.first?.result == "success")
    }

    @Test func meDecodes() throws {
        let me = try JSONDecoder().decode(PrincipalDTO.self, from: Fixture.data("me.GET.200.json")).principal(
            fallbackId: "")
        #expect(
            me
                == Principal(
                    id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd", displayName: "Adele Vance",
                    userPrincipalName: "AdeleV@contoso.com"))
    }

    @Test func batchAnswerIsSplitPerItem() throws {
        let responses = try GraphClient.parseBatchResponse(Fixture.data("batch.POST.200.json"))
        #expect(responses.keys.sorted() == ["1", "2", "3", "4", "5"])
        #expect(responses["2"]?.status == 403)
        #expect(responses["4"].map { GraphErrorMapper.map($0).requestId } == "3a3b1bf7-3596-4493-8264-de81e028071f")
        let first = try GraphDate.decoder().decode(GraphPage<PrincipalDTO>.self, from: responses["1"]!.body)
        #expect(first.nextLink?.hasPrefix("https://graph.microsoft.com/beta/me/memberOf") == true)
    }
}
