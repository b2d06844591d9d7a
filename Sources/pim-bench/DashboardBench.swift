import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator

/// Loads of the whole dashboard through the Graph client against the in-memory simulated tenant,
/// which sleeps `latency` per HTTP exchange (a `$batch` counts once, as it does on the wire).
struct DashboardBench {
    struct Load {
        var milliseconds: Double
        /// HTTP exchanges the client made (batches and plain GETs such as next pages).
        var exchanges: Int
        /// Of those, `POST /$batch`.
        var batches: Int
        var rows: Int
    }

    struct Result {
        var cold: [Load]
        var warm: [Load]
    }

    let latency: Int
    let scale: Int
    /// Items per page of the tenant's collections (`PIM_SIM_PAGE_SIZE`; Graph's own default is 50 here).
    var pageSize = 50

    func makeTenant() throws -> SimulatedTenant {
        try SimulatedTenant(configuration: SimulatorConfiguration(
            stateFile: nil, latencyMilliseconds: latency, scale: scale, pageSize: pageSize, report: { _ in }))
    }

    static func makeService(_ tenant: SimulatedTenant) -> GraphPIMService {
        GraphPIMService(configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
                        transport: tenant, tokens: tenant.signIn())
    }

    /// `loads` cold loads (a new client each time: nothing cached) and, on each of those clients, one
    /// warm refresh (policies and groups cached).
    func run(loads: Int) async throws -> Result {
        let tenant = try makeTenant()
        var result = Result(cold: [], warm: [])
        // One untimed load first: the tenant builds its indexes, the process pages in its code.
        _ = try await Self.makeService(tenant).loadDashboard(.everything)
        for _ in 0..<loads {
            let service = Self.makeService(tenant)
            result.cold.append(try await Self.timedLoad(service, tenant))
            result.warm.append(try await Self.timedLoad(service, tenant))
        }
        return result
    }

    static func timedLoad(_ service: GraphPIMService, _ tenant: SimulatedTenant) async throws -> Load {
        tenant.clearRecordedRequests()
        var dashboard: Dashboard?
        let ms = try await Measure.milliseconds { dashboard = try await service.loadDashboard(.everything) }
        guard let dashboard else { throw BenchError("The dashboard did not load.") }
        if let failure = DashboardSection.allCases.compactMap({ dashboard.failures[$0] }).first {
            throw BenchError("A dashboard section failed, so the figure would not be of a complete dashboard: \(failure.message)")
        }
        let plain = tenant.recordedRequests().filter { $0.batchItemId == nil }
        return Load(milliseconds: ms, exchanges: dashboard.requestCount,
                    batches: plain.filter { $0.path.hasSuffix("/$batch") }.count,
                    rows: dashboard.eligibilities.count + dashboard.active.count)
    }
}
