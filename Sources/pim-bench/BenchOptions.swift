import Foundation

/// What the benchmark runs, from its arguments and the simulator's environment variables.
struct BenchOptions {
    enum Mode { case table, endToEnd, large, scaling, layout, memoryProbe, memoryRecord, help }

    var mode = Mode.table
    /// `PIM_SIM_LATENCY_MS` (default 100): the added latency per HTTP exchange for the dashboard figures.
    var latencyMilliseconds = 100
    /// `PIM_SIM_SCALE` (default 0): extra eligibilities and audit events of the tenant the dashboard is timed on.
    var scale = 0
    /// Rows of the table the frame and filter figures use, and the size of the memory probe.
    var rows = 10_000
    /// Repetitions of each dashboard load.
    var loads = 5
    /// Frames rendered (and keystrokes applied) for the interface figures.
    var frames = 1_000
    /// Spawns of `pim` for the cold-start figure.
    var spawns = 20
    /// Starts of `pim` in a pseudo-terminal per end-to-end figure (0: none).
    var endToEndRuns = 10
    /// Sizes of the scaling table.
    var sizes = [100, 1_000, 10_000, 50_000]
    /// Latency of the scaling table's loads (0: the client's and tenant's own cost only).
    var scalingLatency = 0
    /// Memory probe children: where the tenant's answers are recorded or replayed from.
    var replayDirectory: String?
    /// Items per page of the tenant's collections for the memory figure (the scaling table uses 999).
    var pageSize = 50
    /// Rows of the large-tenant figures (memory at this many eligibilities and audit events, filter
    /// keystroke); 0 leaves them out; nil: 50,000 with `--large`, none in the table.
    var largeRows: Int?
    /// Items per page for the large-tenant memory figure. The tenant's default (50) would make 50,000
    /// rows 1,001 pages, past the 1,000 pages pim follows before it calls a listing endless; 100 is
    /// Graph's usual default page for directory collections.
    var largePageSize = 100
    /// Rows of the tenant-wide Elevations board (frame and tick figures); 0 leaves them out.
    var boardRows = 20_000

    static let usage = """
        usage: pim-bench [--e2e | --large | --scaling | --layout] [--rows N] [--loads N] [--frames N]
                         [--spawns N] [--e2e-runs N] [--latency MS] [--scale N] [--sizes a,b,c]
                         [--scaling-latency MS] [--large-rows N] [--large-page-size N] [--board-rows N]
                         [--page-size N] [--replay DIR]

          (default)   the table of figures with their targets
          --e2e       only the end-to-end figures: the real pim in a pseudo-terminal against a 127.0.0.1 stand-in
          --e2e-runs  starts per end-to-end figure (default 10; 0 leaves them out of the table)
          --scaling   how dashboard load, frame render and filter keystroke grow with tenant size
          --layout    the inline size of each row type (what a row costs before its strings)
          --large     only the large-tenant and Elevations board figures of the table
          --latency   simulated latency per HTTP exchange (default: PIM_SIM_LATENCY_MS, else 100)
          --scale     extra eligibilities/audit events of the timed tenant (default: PIM_SIM_SCALE, else 0)
          --rows      rows for frame, filter and memory figures (default 10000)
          --loads     dashboard loads per figure (default 5); --frames frames per figure (default 1000)
          --spawns    runs of `pim --demo roles --output json` for cold start (default 20)
          --page-size items per page of the tenant's collections for the memory figure (default 50)
          --large-rows eligibilities and audit events of the large-tenant figures (default: 50000 with --large,
                      none in the table, where recording such a tenant would take minutes; 0: none)
          --large-page-size items per page for the large-tenant memory figure (default 100)
          --replay    with --large: replay this recording (pim-bench --memory-record DIR --rows N --page-size P)
                      instead of recording the tenant again
          --board-rows rows of the tenant-wide Elevations board figures (default 20000; 0: none)
        """

    init(arguments: [String], environment: [String: String]) throws {
        if let text = environment["PIM_SIM_LATENCY_MS"], let n = Int(text) { latencyMilliseconds = n }
        if let text = environment["PIM_SIM_SCALE"], let n = Int(text) { scale = n }
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw BenchError("\(name) needs a value: see pim-bench --help.") }
            return next
        }
        func number(_ name: String) throws -> Int {
            let text = try value(name)
            guard let n = Int(text), n >= 0 else { throw BenchError("\(name) is \"\(text)\"; give a whole number.") }
            return n
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--": continue  // `swift run pim-bench -- …` passes the separator on
            case "--scaling": mode = .scaling
            case "--layout": mode = .layout
            case "--e2e": mode = .endToEnd
            case "--e2e-runs": endToEndRuns = try number(argument)
            case "--large": mode = .large
            case "--memory-probe": mode = .memoryProbe
            case "--memory-record": mode = .memoryRecord; replayDirectory = try value(argument)
            case "--replay": replayDirectory = try value(argument)
            case "--page-size": pageSize = max(1, try number(argument))
            case "--help", "-h": mode = .help
            case "--latency": latencyMilliseconds = try number(argument)
            case "--scale": scale = try number(argument)
            case "--rows": rows = try number(argument)
            case "--loads": loads = max(1, try number(argument))
            case "--frames": frames = max(1, try number(argument))
            case "--spawns": spawns = try number(argument)
            case "--scaling-latency": scalingLatency = try number(argument)
            case "--large-rows": largeRows = try number(argument)
            case "--large-page-size": largePageSize = max(1, try number(argument))
            case "--board-rows": boardRows = try number(argument)
            case "--sizes":
                sizes = try value(argument).split(separator: ",").map {
                    guard let n = Int($0), n >= 0 else {
                        throw BenchError("--sizes takes whole numbers such as 100,1000.")
                    }
                    return n
                }
            default: throw BenchError("Unknown option \(argument): see pim-bench --help.")
            }
        }
    }
}

/// A benchmark failure, as a sentence naming the fix.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
