import Foundation
import PIMApp
import PIMDomain
import PIMGraph
import PIMSimulator
import Testing

/// The full screen's History over the simulated tenant: the dashboard lists my requests without who
/// decided them, and the review load that follows it puts the denier and the reason on the row.
@Suite struct HistoryReviewFlowTests {
    /// Ada's request for the first approval-needing target `kind` picks, denied by Ben. Ada's session
    /// has done MFA: every directory role needing approval in the seed asks for it.
    static func deniedAsBen(_ harness: TenantHarness, _ kind: (TargetKind) -> Bool) async throws -> ElevationRequest {
        let ada = GraphPIMService(
            configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
            transport: harness.tenant,
            tokens: SimulatedSignIn(
                persona: harness.tenant.signIn(as: "ada").persona, baselineMethods: ["pwd", "mfa"]),
            clock: harness.clock)
        let ben = harness.service(as: "ben")
        let entry = try #require(
            try await TenantHarness.entries(ada).first {
                $0.canActivate && kind($0.target.kind) && $0.policy?.requiresApproval == true
                    && $0.policy?.authenticationContext == nil
            })
        let pending = try await ada.activate(TenantHarness.request(for: entry)).request
        let item = try #require(try await ben.pendingApprovals().first { $0.request.id == pending.id })
        try await ben.decide(item, .deny, justification: "Not during the freeze")
        return pending
    }

    func started(_ harness: TenantHarness) async -> Runtime {
        let runtime = Runtime(state: AppState(now: harness.clock.now()), service: harness.service(as: "ada"))
        await runtime.send(.start)
        await runtime.runUntilIdle()
        return runtime
    }

    @Test func aDenialBenMadeReachesAdasHistoryRowAfterTheDashboard() async throws {
        let harness = try TenantHarness()
        let role = try await Self.deniedAsBen(harness) { !$0.isGroup }
        let group = try await Self.deniedAsBen(harness) { $0.isGroup }
        let runtime = await started(harness)

        let performed = await runtime.performed
        #expect(performed.first == .loadDashboard(.everything))
        guard case .loadReviews(let asked) = performed.dropFirst().first else {
            Issue.record("no review load after the dashboard: \(performed)")
            return
        }
        #expect(Set(asked.map(\.id)).isSuperset(of: [role.id, group.id]))
        #expect(asked.allSatisfy { $0.review == nil }, "the dashboard itself stays one round trip, without reviews")

        let history = await runtime.state.history
        for denied in [role, group] {
            let review = try #require(history.first { $0.requestId == denied.id }?.review)
            #expect(review.result == .denied)
            #expect(review.reviewer?.displayName?.hasPrefix("Ben") == true)
            #expect(review.justification == "Not during the freeze")
            #expect(review.reviewedAt != nil)
        }
    }

    @Test func aRefreshReadsTheApprovalNoMore() async throws {
        let harness = try TenantHarness()
        let denied = try await Self.deniedAsBen(harness) { _ in true }
        let approvalId = try #require(denied.approvalId)
        func reads() -> Int {
            harness.tenant.recordedRequests().filter {
                $0.method == "GET" && $0.path.contains("pprovals/") && $0.path.hasSuffix("/" + approvalId)
            }.count
        }
        let before = reads()
        let runtime = await started(harness)
        #expect(reads() == before + 1)
        await runtime.send(.command(.refresh))
        await runtime.runUntilIdle()
        #expect(reads() == before + 1, "a decision never changes: its approval is read once")
        #expect(await runtime.performed.filter { if case .loadReviews = $0 { true } else { false } }.count == 1)
        #expect(await runtime.state.history.first { $0.requestId == denied.id }?.review?.result == .denied)
    }

    @Test func theServiceAsksAzureForAzureRequestsAndGraphForTheRest() async throws {
        let harness = try TenantHarness()
        let role = try await Self.deniedAsBen(harness) { _ in true }
        let ada = harness.azureService(as: "ada"), ben = harness.azureService(as: "ben")
        let entry = try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments")
        let azure = try await ada.activate(ARMFlowTests.request(entry)).request
        let item = try #require(try await ben.pendingApprovals().first { $0.request.id == azure.id })
        try await ben.decide(item, .approve, justification: "Change CHG-88 approved")
        let mine = try await harness.azureService(as: "ada").loadDashboard(.everything).myRequests
        var asked = mine.filter { [role.id, azure.id].contains($0.id) }
        #expect(asked.count == 2)
        for index in asked.indices { asked[index].review = nil }

        let reviews = await harness.azureService(as: "ada").reviews(of: asked)
        #expect(reviews[role.id]?.result == .denied)
        #expect(reviews[role.id]?.justification == "Not during the freeze")
        #expect(reviews[azure.id]?.result == .approved)
        #expect(reviews[azure.id]?.reviewer?.displayName?.hasPrefix("Ben") == true)
        #expect(reviews[azure.id]?.justification == "Change CHG-88 approved")
    }
}
