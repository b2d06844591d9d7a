import Foundation
import PIMDomain
import PIMGraph
import Testing

/// Over the simulated tenant's ARM half: an Azure denial carries who denied and why back to the
/// requester, and the approver finds it among their own decisions beside directory-role ones.
@Suite struct AzureClosedLoopTests {
    @Test func anAzureDenialNamesTheApproverAndTheReasonOnBothSides() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada"), ben = harness.azureService(as: "ben")
        let entry = try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments")
        let pending = try await ada.activate(ARMFlowTests.request(entry)).request
        let mine = try await TenantHarness.deniedNotDuringTheFreeze(pending, requester: ada, approver: ben)
        // The full screen's History reads the dashboard, then who decided (`ReviewLookup`): a new process's
        // dashboard does not wait for the approval, and the lookup after it carries the denial.
        let later = harness.azureService(as: "ada")
        let dashboard = try await later.loadDashboard(.everything)
        let listed = try #require(dashboard.myRequests.first { $0.id == pending.id })
        #expect(listed.awaitsReview)
        let reviews = await later.reviews(of: dashboard.myRequests.filter(\.awaitsReview))
        #expect(reviews[pending.id]?.justification == "Not during the freeze")
        #expect(reviews[pending.id]?.result == .denied)

        let decided = try await ben.myDecisions()
        let denial = try #require(decided.first { $0.id == pending.id })
        #expect(denial.target.kind == .azureRole)
        #expect(denial.principal.id == mine.principal.id)
        #expect(denial.review?.justification == "Not during the freeze")
        #expect(try await ada.myDecisions().contains { $0.id == pending.id } == false)
    }

    @Test func aDecidedApprovalIsReadOnceAcrossRefreshes() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada"), ben = harness.azureService(as: "ben")
        let entry = try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments")
        let pending = try await ada.activate(ARMFlowTests.request(entry)).request
        let item = try #require(try await ben.pendingApprovals().first { $0.request.id == pending.id })
        try await ben.decide(item, .approve, justification: "Confirmed with the on-call lead")

        func approvalReads() -> Int {
            harness.armRequests().filter { $0.method == "GET" && $0.path.contains("/roleAssignmentApprovals/") }.count
        }
        #expect(try await ada.myRequests().first { $0.id == pending.id }?.review?.result == .approved)
        let afterFirst = approvalReads()
        #expect(afterFirst >= 1)
        #expect(try await ada.myRequests().first { $0.id == pending.id }?.review?.result == .approved)
        #expect(approvalReads() == afterFirst, "a decision never changes: its approval is not read again")
    }

    @Test func myDecisionsHoldDirectoryRoleAndAzureDecisionsNewestFirst() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada"), ben = harness.azureService(as: "ben")
        let role = try await TenantHarness.activatable(ada) { $0.requiresApproval && !$0.requiresStepUp }
        let graphPending = try await ada.activate(TenantHarness.request(for: role)).request
        let graphItem = try #require(try await ben.pendingApprovals().first { $0.request.id == graphPending.id })
        try await ben.decide(graphItem, .approve, justification: "Quarterly access review")
        harness.clock.advance(60)

        let azure = try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments")
        let azurePending = try await ada.activate(ARMFlowTests.request(azure)).request
        let azureItem = try #require(try await ben.pendingApprovals().first { $0.request.id == azurePending.id })
        try await ben.decide(azureItem, .deny, justification: "Use Contributor")

        let decided = try await ben.myDecisions()
        let ids = decided.map(\.id)
        let azureAt = try #require(ids.firstIndex(of: azurePending.id))
        let graphAt = try #require(ids.firstIndex(of: graphPending.id))
        #expect(azureAt < graphAt, "newest decision first")
        #expect(decided[azureAt].review?.result == .denied)
        #expect(decided[graphAt].review?.result == .approved)
    }
}
