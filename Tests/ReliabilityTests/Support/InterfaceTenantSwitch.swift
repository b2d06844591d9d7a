import Foundation
import PIMGraph
import PIMSimulator
import Synchronization

/// Which requests a scripted fault applies to.
enum Traffic: Sendable, Equatable {
    /// Every request.
    case all
    /// Everything but activation requests: the refresh (`$batch`), its follow-up pages, lookups.
    case reads
    /// `POST …ScheduleRequests` (activations, pre-flights, deactivations).
    case activations
    /// The pages after the first of a listing (`$skiptoken`).
    case nextPages
    /// `POST /$batch` (the refresh).
    case batches

    func matches(method: String, path: String, query: String) -> Bool {
        let activation = method.uppercased() == "POST" && path.hasSuffix("ScheduleRequests")
        switch self {
        case .all: return true
        case .reads: return !activation
        case .activations: return activation
        case .nextPages: return query.lowercased().contains("skiptoken")
        case .batches: return method.uppercased() == "POST" && path.hasSuffix("/$batch")
        }
    }
}

/// One request as it left the client (or the proxy in front of the tenant).
struct SentRequest: Sendable {
    var method: String
    var path: String
    var query: String
    /// The fault the tenant injected, if any.
    var fault: FaultPlan.Fault?
}

/// The simulated tenant with its own fault injection switched on and off while the interface runs.
///
/// `FaultPlan` is fixed when a tenant is created, so this keeps one clean tenant and one tenant per
/// fault kind (rate 1), all on one state file: the same directory, roles and requests whichever of
/// them answers. A scripted rule sends the matching requests to the faulty tenant; everything else,
/// and everything after `faultsOff()`, goes to the clean one.
final class TenantSwitch: Transport, Sendable {
    struct Rule: Sendable {
        var fault: FaultPlan.Fault
        var traffic: Traffic
        /// How many matching requests get the fault; nil until `faultsOff()`.
        var remaining: Int?
        /// Matching requests to let through before the fault starts.
        var skip = 0
    }

    let clean: SimulatedTenant
    private let faulty: [FaultPlan.Fault: SimulatedTenant]
    private let state = Mutex<(rules: [Rule], sent: [SentRequest])>(([], []))
    let directory: URL

    init(clock: ManualClock, pageSize: Int = 50, seed: UInt64 = 7) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pim-interface-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("demo-tenant.json")
        func tenant(_ faults: FaultPlan) throws -> SimulatedTenant {
            try SimulatedTenant(
                configuration: SimulatorConfiguration(
                    stateFile: file, faults: faults, seed: seed, pageSize: pageSize, now: { clock.now() },
                    report: { _ in }))
        }
        clean = try tenant(FaultPlan())
        var faulty: [FaultPlan.Fault: SimulatedTenant] = [:]
        for fault in FaultPlan.Fault.allCases { faulty[fault] = try tenant(FaultPlan([(fault, 1)])) }
        self.faulty = faulty
    }

    // MARK: Script

    /// Matching requests get `fault` from the tenant: the next `times` of them, or all until `faultsOff()`.
    func inject(_ fault: FaultPlan.Fault, into traffic: Traffic = .all, times: Int? = nil, after skip: Int = 0) {
        state.withLock { $0.rules.append(Rule(fault: fault, traffic: traffic, remaining: times, skip: skip)) }
    }

    func faultsOff() { state.withLock { $0.rules.removeAll() } }

    // MARK: Observations

    var sent: [SentRequest] { state.withLock { $0.sent } }

    /// Activations (role or group) that reached the tenant, whatever it answered.
    var activationPosts: Int {
        sent.filter { Traffic.activations.matches(method: $0.method, path: $0.path, query: $0.query) }.count
    }

    /// Schedule requests the tenant created (answered 201), whichever of its instances answered.
    var created: [RecordedRequest] {
        ([clean] + faulty.values).flatMap { $0.recordedRequests() }
            .filter { $0.method == "POST" && $0.path.hasSuffix("ScheduleRequests") && $0.status == 201 }
    }

    func stop() { try? FileManager.default.removeItem(at: directory) }

    // MARK: Transport

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let path = request.url.path, query = request.url.query ?? ""
        let fault = state.withLock { state -> FaultPlan.Fault? in
            var index: Int?
            for (n, rule) in state.rules.enumerated()
            where (rule.remaining ?? 1) > 0 && rule.traffic.matches(method: request.method, path: path, query: query) {
                if rule.skip > 0 { state.rules[n].skip -= 1; continue }
                index = n
                break
            }
            guard let index else {
                state.sent.append(SentRequest(method: request.method, path: path, query: query, fault: nil))
                return nil
            }
            if let remaining = state.rules[index].remaining { state.rules[index].remaining = remaining - 1 }
            let fault = state.rules[index].fault
            state.sent.append(SentRequest(method: request.method, path: path, query: query, fault: fault))
            return fault
        }
        guard let fault, let tenant = faulty[fault] else { return try await clean.send(request) }
        return try await tenant.send(request)
    }
}
