import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Synchronization
import Testing

/// A new process remembers what the last one learned (its targets' policy reads and its groups), so
/// its first dashboard is one round trip instead of two, and hints that went stale change nothing
/// the user sees.
@Suite struct DashboardHintsTests {
    final class MemoryHints: DashboardHintStore {
        let stored = Mutex<DashboardHints?>(nil)
        let saves = Mutex(0)
        init(_ hints: DashboardHints? = nil) { stored.withLock { $0 = hints } }
        func load() -> DashboardHints? { stored.withLock { $0 } }
        func save(_ hints: DashboardHints) {
            stored.withLock { $0 = hints }
            saves.withLock { $0 += 1 }
        }
    }

    static func tenant() throws -> SimulatedTenant {
        try SimulatedTenant(configuration: SimulatorConfiguration(stateFile: nil, report: { _ in }))
    }

    /// A new `GraphPIMService` is what a new pim process has: nothing cached in memory.
    static func process(_ tenant: SimulatedTenant, hints: (any DashboardHintStore)?) -> GraphPIMService {
        GraphPIMService(
            configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
            transport: tenant, tokens: tenant.signIn(), hints: hints)
    }

    static func elevationIds(_ dashboard: Dashboard) -> [String] { dashboard.elevations.map(\.id).sorted() }

    @Test func theSecondProcessLoadsTheWholeDashboardInOneRoundTrip() async throws {
        let tenant = try Self.tenant()
        let hints = MemoryHints()
        let first = Self.process(tenant, hints: hints)
        let cold = try await first.loadDashboard(.everything)
        #expect(cold.failures.isEmpty, "\(cold.failures)")
        // Without hints the group ids arrive with the first answer: two round trips. The access reviews'
        // instances, stages and decisions, a level a round, follow the dashboard instead of holding it;
        // the first of them goes out with its second batch, so they are in hand four rounds from the start.
        #expect(first.roundTripCount == 2)
        #expect(cold.accessReviewsFollow)
        #expect(Set(try await first.followingAccessReviews().map(\.reviewName)).count == 2)
        #expect(first.followingRoundTripCount == 3)
        let learned = try #require(hints.load())
        #expect(learned.userId == cold.me.id)
        #expect(!learned.groups.isEmpty)
        #expect(learned.reviews?.count == 2, "the periods the following reads found are kept for the next start")
        let saves = hints.saves.withLock { $0 }

        let second = Self.process(tenant, hints: hints)
        let warmStart = try await second.loadDashboard(.everything)
        #expect(second.roundTripCount == 1)
        #expect(warmStart.failures.isEmpty, "\(warmStart.failures)")
        #expect(warmStart.policies == cold.policies)
        #expect(Self.elevationIds(warmStart) == Self.elevationIds(cold))
        #expect(warmStart.eligibilities.count == cold.eligibilities.count)
        #expect(!warmStart.accessReviewsFollow, "the remembered periods complete the reviews in the one batch")
        // Nothing new was learned, so nothing is written again.
        #expect(hints.saves.withLock { $0 } == saves)
    }

    /// The access review periods of the last load are remembered: a later start asks for their decisions
    /// (every page of up to 100) in its first batch, so pane 5 costs no round trip of its own.
    @Test func aLaterStartReadsTheAccessReviewDecisionsInItsOneRoundTrip() async throws {
        let tenant = try Self.tenant()
        let hints = MemoryHints()
        let first = Self.process(tenant, hints: hints)
        let cold = try await first.loadDashboard(.everything)
        #expect(cold.failures[.accessReviews] == nil)
        let followed = try await first.followingAccessReviews()
        #expect(Set(followed.map(\.reviewName)).count == 2)
        let learned = try #require(hints.load()?.reviews)
        #expect(learned.count == 2)
        #expect(learned.contains { $0.stageId != nil }, "the group review is read at its stage")

        tenant.clearRecordedRequests()
        let second = Self.process(tenant, hints: hints)
        let warm = try await second.loadDashboard(.everything)
        #expect(second.roundTripCount == 1)
        #expect(!warm.accessReviewsFollow)
        #expect(warm.accessReviews == followed)
        let decisionReads = tenant.recordedRequests().filter {
            $0.path.hasSuffix("/decisions/filterByCurrentUser(on='reviewer')")
        }
        #expect(decisionReads.count == 2)
    }

    /// A process with the Azure side too: Graph's `$batch` and ARM's `/batch` go out together.
    static func processWithAzure(
        _ tenant: SimulatedTenant, hints: (any DashboardHintStore)?
    ) -> (service: GraphPIMService, azure: ARMRoleService) {
        let azure = ARMRoleService(
            configuration: ARMConfiguration(baseURL: URL(string: "https://management.azure.com")!),
            transport: tenant, tokens: tenant.signIn(for: .azureResourceManager))
        let service = GraphPIMService(
            configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
            transport: tenant, tokens: tenant.signIn(), hints: hints, azure: azure)
        return (service, azure)
    }

    @Test func theSecondProcessAsksARMForEverythingInOneBatchToo() async throws {
        let tenant = try Self.tenant()
        let hints = MemoryHints()
        let first = Self.processWithAzure(tenant, hints: hints)
        let cold = try await first.service.loadDashboard(.everything)
        #expect(cold.failures.isEmpty, "\(cold.failures)")
        _ = try await first.service.followingAccessReviews()
        let saves = hints.saves.withLock { $0 }
        #expect(
            first.azure.roundTripCount == 2, "without hints the scopes and subscriptions arrive with the first answer")
        let learned = try #require(hints.load()?.azure)
        #expect(!learned.policyScopes.isEmpty)
        #expect(learned.subscriptions.count >= 3)

        let second = Self.processWithAzure(tenant, hints: hints)
        let warm = try await second.service.loadDashboard(.everything)
        #expect(second.azure.roundTripCount == 1)
        #expect(second.service.roundTripCount == 1)
        #expect(warm.failures.isEmpty, "\(warm.failures)")
        let azurePolicies = { (d: Dashboard) in d.policies.filter { $0.key.kind == .azureRole } }
        #expect(!azurePolicies(warm).isEmpty)
        #expect(azurePolicies(warm) == azurePolicies(cold))
        #expect(Self.elevationIds(warm) == Self.elevationIds(cold))
        #expect(warm.elevations.contains { $0.target.kind == .azureRole })
        #expect(hints.saves.withLock { $0 } == saves, "nothing new was learned, so nothing is written again")
    }

    @Test func hintsThatWentStaleChangeNothingTheUserSees() async throws {
        let tenant = try Self.tenant()
        let plain = try await Self.process(tenant, hints: nil).loadDashboard(.everything)
        // Another account's hints: a group that does not exist, a role ada is not eligible for.
        let stale = MemoryHints(
            DashboardHints(
                userId: "someone-else",
                policyTargets: [
                    .group("00000000-0000-0000-0000-00000000dead"), .role("88d8e3e3-8f55-4a1e-953a-9b9898b8876b"),
                ],
                groups: ["00000000-0000-0000-0000-00000000dead"]))
        let service = Self.process(tenant, hints: stale)
        let dashboard = try await service.loadDashboard(.everything)
        #expect(dashboard.failures.isEmpty, "\(dashboard.failures)")
        #expect(dashboard.policies == plain.policies)
        #expect(Self.elevationIds(dashboard) == Self.elevationIds(plain))
        // The hints now describe this user.
        let rewritten = try #require(stale.load())
        #expect(rewritten.userId == dashboard.me.id)
        #expect(!rewritten.groups.contains("00000000-0000-0000-0000-00000000dead"))
    }

    @Test func aRefreshInTheSameProcessStaysOneRoundTrip() async throws {
        let tenant = try Self.tenant()
        let service = Self.process(tenant, hints: MemoryHints())
        _ = try await service.loadDashboard(.everything)
        _ = try await service.followingAccessReviews()
        let before = service.roundTripCount
        let refreshed = try await service.loadDashboard(.everything)
        #expect(service.roundTripCount - before == 1)
        // Two chunks of Graph's 20 (the access review reads take the batch past 20), sent together.
        #expect(refreshed.requestCount == 2)
    }

    @Test func theHintFileIsPrivateAndACorruptOneIsIgnored() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pim-hints-\(UUID().uuidString)/pim")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let file = DashboardHintFile(directory: directory, scope: "graph.microsoft.com|../../contoso.onmicrosoft.com")
        #expect(file.load() == nil)
        let hints = DashboardHints(userId: "u-1", policyTargets: [.role("r-1")], groups: ["g-1"])
        file.save(hints)
        #expect(file.load() == hints)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.count == 1, "one file, inside the cache directory: \(names)")
        let path = directory.appendingPathComponent(try #require(names.first)).path
        let fileMode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        let directoryMode = try #require(
            try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int)
        #expect(fileMode == 0o600)
        #expect(directoryMode == 0o700)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(file.load() == nil)
        file.save(hints)
        #expect(file.load() == hints)
    }
}
