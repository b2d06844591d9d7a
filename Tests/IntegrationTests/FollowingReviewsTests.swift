import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Testing

/// What a start waits for: the dashboard, never the access review chain or who decided Azure requests.
/// Reviews a start cannot complete in its first batch follow the dashboard; approvals are read after it.
@Suite struct FollowingReviewsTests {
    /// A new process as `persona` with Azure roles and the hints `hints` keeps between processes.
    static func process(
        _ harness: TenantHarness, as persona: String, hints: DashboardHintsTests.MemoryHints
    ) -> (service: GraphPIMService, azure: ARMRoleService) {
        let azure = ARMRoleService(
            configuration: ARMConfiguration(baseURL: TenantHarness.armURL), transport: harness.tenant,
            tokens: harness.tenant.signIn(as: persona, for: .azureResourceManager), clock: harness.clock)
        let service = GraphPIMService(
            configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
            transport: harness.tenant, tokens: harness.tenant.signIn(as: persona), clock: harness.clock,
            hints: hints, azure: azure)
        return (service, azure)
    }

    /// A decided Azure request used to send a second ARM batch on every start (its approval, read once per
    /// process); now a later start is one round trip on each side, and the approval comes from the lookup.
    @Test func aDecidedAzureRequestAddsNoRoundTripToALaterStart() async throws {
        let harness = try TenantHarness()
        let hints = DashboardHintsTests.MemoryHints()
        let ada = harness.azureService(as: "ada"), ben = harness.azureService(as: "ben")
        let entry = try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments")
        let pending = try await ada.activate(ARMFlowTests.request(entry)).request
        let item = try #require(try await ben.pendingApprovals().first { $0.request.id == pending.id })
        try await ben.decide(item, .approve, justification: "Confirmed with the on-call lead")

        let first = Self.process(harness, as: "ada", hints: hints)
        _ = try await first.service.loadDashboard(.everything)
        _ = try await first.service.followingAccessReviews()

        let later = Self.process(harness, as: "ada", hints: hints)
        let dashboard = try await later.service.loadDashboard(.everything)
        #expect(dashboard.failures.isEmpty, "\(dashboard.failures)")
        #expect(later.azure.roundTripCount == 1)
        #expect(later.service.roundTripCount == 1)
        let decided = try #require(dashboard.myRequests.first { $0.id == pending.id })
        #expect(decided.awaitsReview, "the full screen asks who decided after the dashboard")
        let reviews = await later.service.reviews(of: [decided])
        #expect(reviews[pending.id]?.result == .approved)
        #expect(reviews[pending.id]?.justification == "Confirmed with the on-call lead")
    }

    /// A remembered review period that no longer matches (another series, a period that ended): the
    /// dashboard is still one round trip, and the reviews follow it with the periods in progress now.
    @Test func aStaleReviewHintLeavesTheReviewsToFollowWithoutHoldingTheDashboard() async throws {
        let harness = try TenantHarness()
        let hints = DashboardHintsTests.MemoryHints()
        let first = Self.process(harness, as: "ada", hints: hints)
        _ = try await first.service.loadDashboard(.everything)
        let expected = try await first.service.followingAccessReviews()
        #expect(!expected.isEmpty)
        var stale = try #require(hints.load())
        stale.reviews = [AccessReviewScope(reviewId: "ended-review", instanceId: "ended-instance", stageId: "s-1")]
        hints.save(stale)

        let later = Self.process(harness, as: "ada", hints: hints)
        let dashboard = try await later.service.loadDashboard(.everything)
        #expect(dashboard.failures.isEmpty, "\(dashboard.failures)")
        #expect(later.service.roundTripCount == 1)
        #expect(dashboard.accessReviewsFollow)
        #expect(dashboard.accessReviews.isEmpty)
        #expect(try await later.service.followingAccessReviews() == expected)
        #expect(hints.load()?.reviews?.contains { $0.reviewId == "ended-review" } == false)
    }
}
