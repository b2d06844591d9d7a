import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Synchronization

/// Loads of the whole dashboard through the Graph and ARM clients against the in-memory simulated tenant,
/// which sleeps `latency` per HTTP exchange (a `$batch` or ARM `/batch` counts once, as it does on the wire).
struct DashboardBench {
    struct Load {
        var milliseconds: Double
        /// HTTP exchanges the client made (batches and plain GETs such as next pages).
        var exchanges: Int
        /// Of those, Graph's `POST /$batch`.
        var batches: Int
        /// And ARM's `POST /batch`.
        var armBatches: Int
        var rows: Int
        /// Round trips the dashboard waited for, as its clients count them: exchanges one after another (the
        /// chunks of one batch count once; Graph's and ARM's go out together, so the longer of the two). The
        /// access review reads that follow it have a client of their own and are not among them.
        var roundTrips: Int
        /// From the start to the access reviews in hand: with the dashboard, or when the reads that
        /// follow it end.
        var reviewMilliseconds: Double
        /// Round trips from the start to the access reviews in hand: the longest chain of exchanges each sent
        /// after the one before it answered (exchanges in flight together count once).
        var reviewRoundTrips: Int
        /// How many access review decisions arrived (the tenant has some: none would be a failed read).
        var reviewDecisions: Int
    }

    struct Result {
        /// A new client and nothing remembered: the first start on a machine.
        var cold: [Load]
        /// A new client with the hints an earlier start left in the cache: every later start.
        var restart: [Load]
        /// The same client again: a refresh.
        var warm: [Load]
    }

    /// The cache file's role, in memory: what the untimed first load learned.
    final class Hints: DashboardHintStore {
        private let stored = Mutex<DashboardHints?>(nil)
        func load() -> DashboardHints? { stored.withLock { $0 } }
        func save(_ hints: DashboardHints) { stored.withLock { $0 = hints } }
    }

    let latency: Int
    let scale: Int
    /// Items per page of the tenant's collections (`PIM_SIM_PAGE_SIZE`; Graph's own default is 50 here).
    var pageSize = 50

    func makeTenant() throws -> SimulatedTenant {
        try SimulatedTenant(
            configuration: SimulatorConfiguration(
                stateFile: nil, latencyMilliseconds: latency, scale: scale, pageSize: pageSize, report: { _ in }))
    }

    /// The service as `pim --demo` builds it: Graph, with Azure roles through ARM beside it, both through
    /// one `ExchangeTimeline` that times every exchange.
    static func makeService(_ tenant: SimulatedTenant, hints: (any DashboardHintStore)? = nil) -> Service {
        let timeline = ExchangeTimeline(tenant)
        let azure = ARMRoleService(
            configuration: ARMConfiguration(baseURL: GraphCloud.global.armURL), transport: timeline,
            tokens: tenant.signIn(for: .azureResourceManager))
        let graph = GraphPIMService(
            configuration: GraphConfiguration(baseURL: GraphCloud.global.graphURL),
            transport: timeline, tokens: tenant.signIn(), hints: hints, azure: azure)
        return Service(graph: graph, azure: azure, timeline: timeline)
    }

    struct Service {
        let graph: GraphPIMService
        let azure: ARMRoleService
        let timeline: ExchangeTimeline
    }

    /// `loads` cold loads (a new client each time: nothing cached), as many restarts (a new client
    /// with the hints of an earlier start) and, on each restarted client, one warm refresh.
    func run(loads: Int) async throws -> Result {
        let tenant = try makeTenant()
        var result = Result(cold: [], restart: [], warm: [])
        // One untimed load first: the tenant builds its indexes, the process pages in its code, and
        // the hints are written as a first start writes them.
        let hints = Hints()
        let untimed = Self.makeService(tenant, hints: hints).graph
        if try await untimed.loadDashboard(.everything).accessReviewsFollow {
            _ = try await untimed.followingAccessReviews()
        }
        for _ in 0..<loads {
            result.cold.append(try await Self.timedLoad(Self.makeService(tenant), tenant))
            let service = Self.makeService(tenant, hints: hints)
            result.restart.append(try await Self.timedLoad(service, tenant))
            result.warm.append(try await Self.timedLoad(service, tenant))
        }
        return result
    }

    /// One load, timed from the start to the dashboard and on to the access reviews that follow it (the
    /// same instant when they came with it). Exchanges are the dashboard's own.
    static func timedLoad(_ service: Service, _ tenant: SimulatedTenant) async throws -> Load {
        tenant.clearRecordedRequests()
        service.timeline.clear()
        let roundsBefore = (graph: service.graph.roundTripCount, azure: service.azure.roundTripCount)
        let start = Measure.nanoseconds()
        let dashboard = try await service.graph.loadDashboard(.everything)
        let shown = Measure.nanoseconds()
        let plain = tenant.recordedRequests().filter { $0.batchItemId == nil }
        var reviews = dashboard.accessReviews
        if dashboard.accessReviewsFollow {
            do { reviews = try await service.graph.followingAccessReviews() } catch {
                throw BenchError("The access reviews that follow the dashboard failed: \(error)")
            }
        }
        let reviewed = dashboard.accessReviewsFollow ? Measure.nanoseconds() : shown
        guard !reviews.isEmpty else { throw BenchError("No access review decision arrived; the tenant has some.") }
        if let failure = DashboardSection.allCases.compactMap({ dashboard.failures[$0] }).first {
            throw BenchError(
                "A dashboard section failed, so the figure would not be of a complete dashboard: "
                    + "\(failure)")
        }
        let milliseconds = { (end: UInt64) in Double(end - start) / 1_000_000 }
        return Load(
            milliseconds: milliseconds(shown), exchanges: dashboard.requestCount,
            batches: plain.filter { $0.path.hasSuffix("/$batch") }.count,
            armBatches: plain.filter { $0.path == "/batch" }.count,
            rows: dashboard.eligibilities.count + dashboard.active.count,
            roundTrips: max(
                service.graph.roundTripCount - roundsBefore.graph, service.azure.roundTripCount - roundsBefore.azure),
            reviewMilliseconds: milliseconds(reviewed),
            reviewRoundTrips: service.timeline.roundTrips(endingBy: reviewed),
            reviewDecisions: reviews.count)
    }
}

/// Times every exchange of the clients over it, so round trips are counted as the user waits for them.
final class ExchangeTimeline: Transport {
    private let inner: any Transport
    private let spans = Mutex<[(start: UInt64, end: UInt64)]>([])

    init(_ inner: any Transport) { self.inner = inner }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let start = Measure.nanoseconds()
        defer {
            let end = Measure.nanoseconds()
            spans.withLock { $0.append((start, end)) }
        }
        return try await inner.send(request)
    }

    func clear() { spans.withLock { $0.removeAll() } }

    /// The longest chain among the exchanges that ended by `deadline`, each sent after the one before it
    /// in the chain had answered: exchanges in flight together are one round trip.
    func roundTrips(endingBy deadline: UInt64) -> Int {
        let ended = spans.withLock { $0 }.filter { $0.end <= deadline }.sorted { $0.start < $1.start }
        var depth: [Int] = []
        for (n, span) in ended.enumerated() {
            let before = ended[..<n].indices.filter { ended[$0].end <= span.start }.map { depth[$0] }
            depth.append((before.max() ?? 0) + 1)
        }
        return depth.max() ?? 0
    }
}
