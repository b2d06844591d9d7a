import Foundation
import PIMApp
import PIMDomain
import PIMGraph
import PIMScreen
import PIMSimulator

/// Frame and keystroke costs of the full-screen interface on a state loaded from a large tenant
/// (the rows come through the Graph client, as in `pim --demo`), at 132 × 40.
struct InterfaceBench {
    struct Result {
        var rows: Int
        var frame: [Double]
        var keystroke: [Double]
        /// The first keystroke after a refresh builds the folded search text of every row.
        var firstKeystroke: Double
        var tick: [Double]
        /// Thread CPU time of the same frames and keystrokes.
        var frameCPU: [Double] = []
        var keystrokeCPU: [Double] = []
        /// `update(.dashboardLoaded)`: the refresh's rows into the state (entries, sorting, filters).
        var apply: Double = 0
    }

    static let width = 132, height = 40
    static let typed: [Character] = Array("admin")

    /// A state with about `rows` rows in My roles (the tenant's seed plus `rows` scale eligibilities)
    /// and, when asked, the tenant's audit log in History.
    static func loadedState(rows: Int, auditLog: Bool, pageSize: Int = 50) async throws -> AppState {
        let tenant = try SimulatedTenant(
            configuration: SimulatorConfiguration(stateFile: nil, scale: rows, pageSize: pageSize, report: { _ in }))
        return try await loadedState(
            service: DashboardBench.makeService(tenant).graph, now: tenant.now, auditLog: auditLog)
    }

    /// The state after a refresh through `service` (the tenant, a recording of it, or a replay).
    static func loadedState(service: any PIMService, now: Date, auditLog: Bool) async throws -> AppState {
        var dashboard = try await service.loadDashboard(.everything)
        // A figure over a section that failed would measure a smaller state than it says.
        if let failure = dashboard.failures[.eligibleRoles] {
            throw BenchError("The eligible roles could not be loaded, so no figure would be true: \(failure)")
        }
        stage("dashboard loaded")
        if auditLog {
            dashboard.history += try await service.auditHistory(AuditQuery(tenantWide: true))
            stage("audit log loaded")
        }
        var state = AppState(now: now, width: width, height: height)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        stage("state applied")
        return state
    }

    /// With `PIM_BENCH_MALLOC_STATS` set: resident memory (anonymous and file-backed pages apart) and
    /// malloc's in-use bytes at each step, on standard error (the memory section of
    /// docs/performance.md comes from here). With `PIM_BENCH_SMAPS=PREFIX` also a copy of
    /// `/proc/self/smaps` per step in `PREFIX.<step>`, to see which mappings grew.
    static func stage(_ name: String) {
        let environment = ProcessInfo.processInfo.environment
        guard environment["PIM_BENCH_MALLOC_STATS"] != nil else { return }
        let fields = ["VmRSS", "VmHWM", "RssAnon", "RssFile"].map { "\($0) \(Measure.procStatusKB($0) ?? -1) kB" }
        FileHandle.standardError.write(Data("== \(name): \(fields.joined(separator: ", "))\n".utf8))
        MemoryProbe.printMallocStats()
        if let prefix = environment["PIM_BENCH_SMAPS"],
            let smaps = FileHandle(forReadingAtPath: "/proc/self/smaps")?.readDataToEndOfFile()
        {
            try? smaps.write(to: URL(fileURLWithPath: prefix + "." + name.replacingOccurrences(of: " ", with: "_")))
        }
    }

    func run(rows: Int, frames: Int) async throws -> Result {
        // Pages of 999 only to load faster: the figures here start once the dashboard has arrived.
        let tenant = try SimulatedTenant(
            configuration: SimulatorConfiguration(stateFile: nil, scale: rows, pageSize: 999, report: { _ in }))
        let dashboard = try await DashboardBench.makeService(tenant).graph.loadDashboard(.everything)
        if let failure = dashboard.failures[.eligibleRoles] {
            throw BenchError("The eligible roles could not be loaded, so no figure would be true: \(failure)")
        }
        var state = AppState(now: tenant.now, width: Self.width, height: Self.height)
        _ = update(&state, .start)
        let apply = Measure.milliseconds { _ = update(&state, .dashboardLoaded(.success(dashboard))) }
        var result = Result(rows: state.rowCount(.myRoles), frame: [], keystroke: [], firstKeystroke: 0, tick: [])
        result.apply = apply
        var steps = InterfaceSteps()
        let frame = steps.frames(&state, count: frames)
        (result.frame, result.frameCPU) = (frame.wall, frame.cpu)
        result.tick = steps.ticks(&state, count: min(frames, 200)).wall
        // Filter keystrokes: "/" then "admin", then erase it, again and again; update and render each. The
        // first one after the refresh builds the folded search text of every row.
        _ = update(&state, .key("/"))
        var sink = 0
        result.firstKeystroke = Measure.milliseconds {
            _ = update(&state, .key(.character(Self.typed[0])))
            sink &+= render(state).cells.count
        }
        _ = update(&state, .key(.backspace))
        let keystroke = steps.filterKeys(&state, count: frames)
        (result.keystroke, result.keystrokeCPU) = (keystroke.wall, keystroke.cpu)
        if sink &+ steps.sink == 42 { print("") }  // keeps the renders observable
        return result
    }
}
