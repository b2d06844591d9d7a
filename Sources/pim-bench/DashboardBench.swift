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
        /// Sequential round trips (the chunks of one batch are sent together and count once; Graph's and
        /// ARM's go out together, so the longer of the two).
        var roundTrips: Int
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

    /// The service as `pim --demo` builds it: Graph, with Azure roles through ARM beside it.
    static func makeService(_ tenant: SimulatedTenant, hints: (any DashboardHintStore)? = nil) -> Service {
        let azure = ARMRoleService(
            configuration: ARMConfiguration(baseURL: GraphCloud.global.armURL), transport: tenant,
            tokens: tenant.signIn(for: .azureResourceManager))
        let graph = GraphPIMService(
            configuration: GraphConfiguration(baseURL: GraphCloud.global.graphURL),
            transport: tenant, tokens: tenant.signIn(), hints: hints, azure: azure)
        return Service(graph: graph, azure: azure)
    }

    struct Service {
        let graph: GraphPIMService
        let azure: ARMRoleService

        var roundTrips: (graph: Int, azure: Int) { (graph.roundTripCount, azure.roundTripCount) }
    }

    /// `loads` cold loads (a new client each time: nothing cached), as many restarts (a new client
    /// with the hints of an earlier start) and, on each restarted client, one warm refresh.
    func run(loads: Int) async throws -> Result {
        let tenant = try makeTenant()
        var result = Result(cold: [], restart: [], warm: [])
        // One untimed load first: the tenant builds its indexes, the process pages in its code, and
        // the hints are written as a first start writes them.
        let hints = Hints()
        _ = try await Self.makeService(tenant, hints: hints).graph.loadDashboard(.everything)
        for _ in 0..<loads {
            result.cold.append(try await Self.timedLoad(Self.makeService(tenant), tenant))
            let service = Self.makeService(tenant, hints: hints)
            result.restart.append(try await Self.timedLoad(service, tenant))
            result.warm.append(try await Self.timedLoad(service, tenant))
        }
        return result
    }

    static func timedLoad(_ service: Service, _ tenant: SimulatedTenant) async throws -> Load {
        tenant.clearRecordedRequests()
        var dashboard: Dashboard?
        let roundsBefore = service.roundTrips
        let ms = try await Measure.milliseconds { dashboard = try await service.graph.loadDashboard(.everything) }
        guard let dashboard else { throw BenchError("The dashboard did not load.") }
        if let failure = DashboardSection.allCases.compactMap({ dashboard.failures[$0] }).first {
            throw BenchError(
                "A dashboard section failed, so the figure would not be of a complete dashboard: "
                    + "\(failure)")
        }
        let plain = tenant.recordedRequests().filter { $0.batchItemId == nil }
        return Load(
            milliseconds: ms, exchanges: dashboard.requestCount,
            batches: plain.filter { $0.path.hasSuffix("/$batch") }.count,
            armBatches: plain.filter { $0.path == "/batch" }.count,
            rows: dashboard.eligibilities.count + dashboard.active.count,
            roundTrips: max(
                service.roundTrips.graph - roundsBefore.graph, service.roundTrips.azure - roundsBefore.azure))
    }
}
