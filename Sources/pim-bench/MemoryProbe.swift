import Foundation
import PIMApp
import PIMGraph
import PIMScreen
import PIMSimulator

/// Peak resident memory of a process that holds `rows` eligibilities and the tenant's audit log
/// (about as many events) in the interface's state. Runs in child processes so nothing else the
/// benchmark did counts; each child prints one line the parent reads.
///
/// Two figures: the client alone (Graph's answers replayed from a recording, as `pim` gets them
/// from the network), and `pim --demo` (the simulated tenant, with its own state, in the same process).
enum MemoryProbe {
    struct Figures {
        var peakKB: Int
        var residentKB: Int
        var roles: Int
        var history: Int
    }

    /// In the child: loads through the tenant (or a replay of it), renders one frame, reports.
    static func runChild(rows: Int, replay: String?, pageSize: Int) async throws {
        let state: AppState
        InterfaceBench.stage("start")
        if let replay {
            let service = GraphPIMService(
                configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
                transport: ReplayTransport(directory: URL(fileURLWithPath: replay)), tokens: ReplayToken())
            state = try await InterfaceBench.loadedState(service: service, now: Date(), auditLog: true)
        } else {
            state = try await InterfaceBench.loadedState(rows: rows, auditLog: true, pageSize: pageSize)
        }
        let screen = render(state)
        if ProcessInfo.processInfo.environment["PIM_BENCH_MALLOC_STATS"] != nil { printMallocStats() }
        let peak = Measure.procStatusKB("VmHWM") ?? -1
        let resident = Measure.procStatusKB("VmRSS") ?? -1
        print("probe \(peak) \(resident) \(state.rowCount(.myRoles)) \(state.rowCount(.history)) \(screen.cells.count)")
    }

    /// In the child: loads through the tenant and keeps every answer in `directory`.
    static func record(rows: Int, into directory: String, pageSize: Int) async throws {
        let tenant = try SimulatedTenant(
            configuration: SimulatorConfiguration(stateFile: nil, scale: rows, pageSize: pageSize, report: { _ in }))
        // The tenant builds a page of a large list slowly on a busy machine: a recording of 50,000 rows
        // may run past pim's five-minute listing deadline, which would record a failed section.
        let service = GraphPIMService(
            configuration: GraphConfiguration(
                baseURL: URL(string: "https://graph.microsoft.com")!, listingDeadline: 3_600),
            transport: RecordingTransport(tenant: tenant, directory: URL(fileURLWithPath: directory)),
            tokens: tenant.signIn())
        _ = try await InterfaceBench.loadedState(service: service, now: tenant.now, auditLog: true)
        print("recorded")
    }

    /// `pim --demo`: the tenant in the same process.
    static func measureWithTenant(rows: Int, pageSize: Int) throws -> Figures {
        try probe(
            ["--memory-probe", "--rows", String(rows), "--page-size", String(pageSize)],
            environment: asPimRuns(ProcessInfo.processInfo.environment))
    }

    /// The children allocate as `pim` does: it keeps glibc's malloc to one arena (`MallocArenas`) unless
    /// `MALLOC_ARENA_MAX` says otherwise.
    static func asPimRuns(_ environment: [String: String]) -> [String: String] {
        var environment = environment
        if environment["MALLOC_ARENA_MAX"] == nil { environment["MALLOC_ARENA_MAX"] = "1" }
        return environment
    }

    /// The client alone: record the tenant's answers in one child, replay them in another.
    static func measureClient(rows: Int, pageSize: Int, recording: String? = nil) throws -> Figures {
        var environment = asPimRuns(ProcessInfo.processInfo.environment)
        environment["SWIFT_DETERMINISTIC_HASHING"] = "1"
        if let recording {
            return try probe(
                ["--memory-probe", "--replay", recording, "--rows", String(rows)], environment: environment)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pim-bench-replay-\(getpid())-\(rows)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorded = try Spawn.run(
            executable: Spawn.selfPath,
            arguments: ["--memory-record", directory.path, "--rows", String(rows), "--page-size", String(pageSize)],
            environment: environment, captureOutput: true)
        guard recorded.status == 0, recorded.output.hasPrefix("recorded") else {
            throw BenchError(
                """
                Recording the tenant's answers failed (exit \(recorded.status)); run pim-bench --memory-record /tmp/x \
                to see why.
                """
            )
        }
        return try probe(
            ["--memory-probe", "--replay", directory.path, "--rows", String(rows)], environment: environment)
    }

    private static func probe(_ arguments: [String], environment: [String: String]) throws -> Figures {
        let output = try Spawn.run(
            executable: Spawn.selfPath, arguments: arguments, environment: environment, captureOutput: true
        ).output
        let fields = output.split(whereSeparator: \.isWhitespace)
        guard fields.count >= 5, fields[0] == "probe", let peak = Int(fields[1]), let resident = Int(fields[2]),
            let roles = Int(fields[3]), let history = Int(fields[4])
        else {
            throw BenchError(
                "The memory probe printed \"\(output)\"; run pim-bench \(arguments.joined(separator: " ")) to see why.")
        }
        return Figures(peakKB: peak, residentKB: resident, roles: roles, history: history)
    }

    /// glibc's `malloc_stats()` on standard error: bytes in use (live objects) against bytes held.
    static func printMallocStats() {
        typealias Stats = @convention(c) () -> Void
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_stats") else { return }
        unsafeBitCast(symbol, to: Stats.self)()
    }
}
