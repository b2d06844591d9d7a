import Foundation
import PIMDomain
import Testing

@testable import PIMGraph

/// Every documented ARM body reads into the domain as contract §12 maps it.
struct ARMDecodingTests {
    let subscriptionId = "dfa2a084-766f-4003-8ae1-c4aeb893a99f"

    func page<T: Decodable>(_ type: T.Type, _ fixture: String) throws -> [T] {
        let decoder = GraphDate.decoder()
        decoder.userInfo[.nextLinkKey] = "nextLink"
        return try decoder.decode(GraphPage<T>.self, from: Fixture.data("arm/" + fixture)).value
    }

    func one<T: Decodable>(_ type: T.Type, _ fixture: String) throws -> T {
        try GraphDate.decoder().decode(T.self, from: Fixture.data("arm/" + fixture))
    }

    @Test func eligibilityIsItsScheduleAtItsScope() throws {
        let instances = try page(ARMInstanceDTO.self, "roleEligibilityScheduleInstances.list-assignedTo.GET.200.json")
        let eligibility = try #require(instances.first).eligibility(names: ARMScopeNames())
        #expect(
            eligibility.id
                == "/subscriptions/\(subscriptionId)/providers/Microsoft.Authorization/RoleEligibilitySchedules/"
                + "b1477448-2cc6-4ceb-93b4-54a202a89413")
        // The role is the one to write with (properties.roleDefinitionId), not the expanded one.
        #expect(
            eligibility.target.id
                == .azure(
                    roleDefinitionId: "/subscriptions/\(subscriptionId)/providers/Microsoft.Authorization/"
                        + "roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c",
                    scope: "/subscriptions/\(subscriptionId)"))
        #expect(eligibility.target.displayName == "Contributor")
        #expect(eligibility.target.scopeLabel == "Pay-As-You-Go")
        #expect(eligibility.memberType == .direct)
        #expect(eligibility.end == GraphDate.parse("2021-09-10T00:31:41.477Z"))
    }

    @Test func scopeNamesComeFromSubscriptionsAndManagementGroups() throws {
        var names = ARMScopeNames(
            subscriptions: try page(ARMSubscriptionDTO.self, "subscriptions.list.GET.200.json"),
            managementGroups: try page(ARMManagementGroupDTO.self, "managementGroups.list.GET.200.json"))
        #expect(
            names.name(of: "/subscriptions/291bba3f-e0a5-47bc-a099-3bdcb2a50a05", expanded: "x")
                == "Example Subscription")
        #expect(
            names.name(
                of: "/subscriptions/291BBA3F-e0a5-47bc-a099-3bdcb2a50a05/resourceGroups/app-rg", expanded: "app-rg")
                == "Example Subscription / app-rg")
        #expect(
            names.name(
                of: "/subscriptions/291bba3f-e0a5-47bc-a099-3bdcb2a50a05/resourceGroups/app-rg/providers/"
                    + "Microsoft.KeyVault/vaults/kv-1", expanded: nil) == "Example Subscription / kv-1")
        #expect(
            names.name(
                of: "/providers/Microsoft.Management/managementGroups/20000000-0004-0000-0000-000000000000",
                expanded: nil)
                == "Group 4 Tenant 2")
        // Unknown subscription: the instance's own words, else the leaf name.
        #expect(names.name(of: "/subscriptions/other/resourceGroups/rg-9", expanded: nil) == "rg-9")
        names.merge(ARMScopeNames(subscriptions: ["other": "Prod-Payments"]))
        #expect(names.name(of: "/subscriptions/other/resourceGroups/rg-9", expanded: "rg-9") == "Prod-Payments / rg-9")
    }

    @Test func activeAssignmentIsItsInstance() throws {
        let instances = try page(ARMInstanceDTO.self, "roleAssignmentScheduleInstances.list-assignedTo.GET.200.json")
        let assignment = try #require(instances.first).assignment(names: ARMScopeNames())
        #expect(assignment.id == "ed9b8180-cef7-4c77-a63c-b8566ecfc412")
        #expect(assignment.assignmentType == .assigned)
        #expect(assignment.end == GraphDate.parse("2020-09-10T05:35:17.91Z"))
        #expect(assignment.principal.displayName == "User Account")
        #expect(assignment.target.kind == .azureRole)
    }

    @Test func schedulesReadWithTheSameDecoder() throws {
        let schedules = try page(ARMInstanceDTO.self, "roleEligibilitySchedules.list-assignedTo.GET.200.json")
        #expect(schedules.count == 1)
        #expect(schedules.first?.properties.scope.hasPrefix("/subscriptions/") == true)
    }

    @Test func requestsReadTheirTypeStatusAndSchedule() throws {
        let requests = try page(ARMRequestDTO.self, "roleAssignmentScheduleRequests.list-assignedTo.GET.200.json")
        let request = try #require(requests.first).request(names: ARMScopeNames())
        #expect(request.id == "fea7a502-9a96-4806-a26f-eee560e52045")
        #expect(request.action == .selfActivate)
        #expect(request.status == .provisioned)
        #expect(request.duration == .hours(8))
        #expect(request.approvalId == nil)
        #expect(request.ticket == nil)
        #expect(request.target.id.scope == "/subscriptions/\(subscriptionId)")

        let created = try one(ARMRequestDTO.self, "roleAssignmentScheduleRequests.selfActivate.PUT.201.json")
        #expect(created.request(names: ARMScopeNames()).status == .provisioned)
    }

    @Test func pendingRequestNamesItsApprovalByTheLastSegment() throws {
        let dto = try one(
            ARMRequestDTO.self, "roleAssignmentScheduleRequests.selfActivate-pendingApproval.PUT.201.composed.json")
        let request = dto.request(names: ARMScopeNames())
        #expect(request.status == .pendingApproval)
        #expect(request.approvalId == "488a6d0e-0a63-4946-86e3-1f5bbc934661")
        #expect(request.ticket == TicketInfo(number: "INC-4821", system: "ServiceNow"))
        #expect(request.justification == "INC-4821: restart payment workers")
    }

    @Test(arguments: [
        ("Accepted", RequestStatus.pendingProvisioning), ("PendingEvaluation", .pendingProvisioning),
        ("Granted", .granted), ("Denied", .denied), ("PendingProvisioning", .pendingProvisioning),
        ("Provisioned", .provisioned), ("PendingRevocation", .pendingProvisioning), ("Revoked", .revoked),
        ("Canceled", .canceled), ("Failed", .failed), ("PendingApprovalProvisioning", .pendingApproval),
        ("PendingApproval", .pendingApproval), ("FailedAsResourceIsLocked", .failed),
        ("PendingAdminDecision", .pendingAdminDecision), ("AdminApproved", .granted), ("AdminDenied", .denied),
        ("TimedOut", .failed), ("ProvisioningStarted", .pendingProvisioning), ("Invalid", .failed),
        ("PendingScheduleCreation", .pendingScheduleCreation), ("ScheduleCreated", .scheduleCreated),
        ("PendingExternalProvisioning", .pendingProvisioning), ("pendingapproval", .pendingApproval),
        ("SomethingNew", .other("SomethingNew")),
    ])
    func everyArmStatusMeansSomething(value: String, status: RequestStatus) {
        #expect(RequestStatus(armValue: value) == status)
    }

    @Test(arguments: [
        "roleAssignmentApprovals.list.GET.200.json", "roleAssignmentApprovals.list-atScope.GET.200.json",
    ])
    func approvalsListTheirStages(fixture: String) throws {
        let approval = try #require(try page(ARMApprovalDTO.self, fixture).first).approval
        #expect(approval.id == "488a6d0e-0a63-4946-86e3-1f5bbc934661")
        let stage = try #require(approval.openStageForMe)
        // Addressed by its id, whose last segment differs from its name.
        #expect(stage.id.hasSuffix("/stages/4135f961-be78-4005-8101-c72a5af307a2"))
        #expect(stage.reviewResult == .notReviewed)
        #expect(stage.justification == nil)
    }

    @Test func oneApprovalAndItsStages() throws {
        let approval = try one(ARMApprovalDTO.self, "roleAssignmentApprovals.GET.200.json").approval
        #expect(approval.stages.count == 1 && approval.openStageForMe != nil)
        let stages = try page(ARMApprovalDTO.Stage.self, "roleAssignmentApprovals.stages.list.GET.200.json")
        #expect(stages.map(\.stage.status) == ["InProgress"])
    }

    @Test func decidedStageSaysWhoDecided() throws {
        let stage = try one(ARMApprovalDTO.Stage.self, "roleAssignmentApprovals.stages.PATCH.200.json").stage
        #expect(stage.reviewResult == .approved)
        #expect(stage.reviewedBy?.label == "Shubham Gupta")
        #expect(stage.reviewedBy?.id == "a6c7aecb-cbfd-4763-87ef-e91b4bd509d9")
        #expect(stage.justification == "I trust this person")
        let words = DecidedOutcome.words(status: nil, approval: Approval(id: "a", stages: [stage]), me: nil)
        #expect(words == "approved by Shubham Gupta at 21:02 UTC")
    }

    @Test func aDecidedStageIsTheRequestsReviewWithWhoWhenAndWhy() throws {
        let stage = try one(ARMApprovalDTO.Stage.self, "roleAssignmentApprovals.stages.PATCH.200.json").stage
        let review = try #require(Review(deciding: Approval(id: "a", stages: [stage])))
        #expect(review.result == .approved)
        #expect(review.reviewer?.userPrincipalName == "shugup@microsoft.com")
        #expect(review.reviewerName == "Shubham Gupta")
        #expect(review.justification == "I trust this person")
        #expect(review.reviewedAt == GraphDate.parse("2018-08-03T21:02:30.667Z"))
    }

    @Test func onlyDecidedAzureRequestsWithAnApprovalAreLookedUp() {
        let target = ElevationTarget(
            id: .azure(roleDefinitionId: "r", scope: "/subscriptions/s"), displayName: "Owner")
        func request(_ status: RequestStatus, approvalId: String?) -> ElevationRequest {
            ElevationRequest(
                id: "q", target: target, action: .selfActivate, status: status, principal: Principal(id: "u"),
                approvalId: approvalId)
        }
        #expect(ARMRoleService.mayCarryReview(request(.denied, approvalId: "/x/roleAssignmentApprovals/a1")))
        #expect(!ARMRoleService.mayCarryReview(request(.pendingApproval, approvalId: "a1")))
        #expect(!ARMRoleService.mayCarryReview(request(.provisioned, approvalId: nil)))
        #expect(ARMRoleService.reviewKey(request(.denied, approvalId: "/x/roleAssignmentApprovals/A1")) == "a1")
    }

    @Test func olderStepsRevisionReadsAlike() throws {
        let json = #"""
            {"id":"/providers/Microsoft.Authorization/roleAssignmentApprovals/a1","name":"a1","properties":{"steps":[
            {"id":"/providers/Microsoft.Authorization/roleAssignmentApprovals/a1/steps/s1","name":"s1","properties":
            {"status":"InProgress","assignedToMe":true,"reviewResult":"NotReviewed","unknownField":[1,2]}}]}}
            """#
        let approval = try GraphDate.decoder().decode(ARMApprovalDTO.self, from: Data(json.utf8)).approval
        #expect(approval.openStageForMe?.id == "/providers/Microsoft.Authorization/roleAssignmentApprovals/a1/steps/s1")
    }

    @Test func policyReadsTheEndUserAssignmentRules() throws {
        let assignments = try page(ARMPolicyAssignmentDTO.self, "roleManagementPolicyAssignments.list.GET.200.json")
        let assignment = try #require(assignments.first)
        #expect(assignment.roleKey == "a1705bd2-3a8f-45a5-8683-466fcfd5cc24")
        let policy = try #require(assignment.activationPolicy)
        #expect(policy.maxDuration == .hours(7))
        #expect(policy.requiresJustification && policy.requiresTicket && policy.requiresMfa)
        #expect(policy.requiresApproval)
        // claimValue "" with isEnabled false: no authentication context.
        #expect(policy.authenticationContext == nil)
        #expect(policy.approvers.map(\.description) == ["amansw_new_group", "amansw_group"])
        #expect(policy.approvers.allSatisfy { $0.kind == .groupMembers })
    }

    @Test func enabledAuthenticationContextIsRequired() throws {
        let json = #"""
            {"properties":{"roleDefinitionId":"/providers/Microsoft.Authorization/roleDefinitions/R1","effectiveRules":[
            {"id":"AuthenticationContext_EndUser_Assignment","ruleType":"RoleManagementPolicyAuthenticationContextRule",
            "isEnabled":true,"claimValue":"c1"},
            {"id":"Enablement_EndUser_Assignment","enabledRules":["justification"]},
            {"ruleType":"broken"}]}}
            """#
        let policy = try #require(
            try GraphDate.decoder().decode(ARMPolicyAssignmentDTO.self, from: Data(json.utf8)).activationPolicy)
        #expect(policy.authenticationContext == "c1")
        #expect(policy.requiresJustification && !policy.requiresTicket)
        #expect(policy.maxDuration == nil)
    }

    @Test func subscriptionsAndManagementGroupsRead() throws {
        let subscriptions = try page(ARMSubscriptionDTO.self, "subscriptions.list.GET.200.json")
        #expect(subscriptions.map(\.displayName) == ["Example Subscription", "Example Subscription2"])
        let groups = try page(ARMManagementGroupDTO.self, "managementGroups.list.GET.200.json")
        #expect(groups.map(\.displayName) == ["Group 1 Tenant 2", "Group 4 Tenant 2"])
    }

    @Test func eligibleChildResourcesAreARMResources() throws {
        // The just-enough-access listing (Z12) is a plain ARM page; its ids use the subscription alias.
        let decoder = GraphDate.decoder()
        decoder.userInfo[.nextLinkKey] = "nextLink"
        let children = try decoder.decode(
            GraphPage<[String: String]>.self, from: Fixture.data("arm/eligibleChildResources.list.GET.200.json")
        ).value
        #expect(children.compactMap { $0["id"] }.map { AzureScope($0).kind } == [.resourceGroup, .resourceGroup])
    }
}
