import Foundation

/// The default mode: every figure of the issue once, with its target.
struct FigureTable {
    let options: BenchOptions

    func run() async throws {
        let latency = Double(options.latencyMilliseconds)
        print(
            "pim-bench: latency \(options.latencyMilliseconds) ms per HTTP exchange, tenant scale \(options.scale), "
                + "\(options.rows) rows, \(options.loads) loads, \(options.frames) frames, \(options.spawns) spawns")
        var report = Report()

        let dashboard = try await DashboardBench(latency: options.latencyMilliseconds, scale: options.scale).run(
            loads: options.loads)
        // Issue 18's budgets: a later start or a refresh ≤ 1.3 × latency + 50 ms, the first start ≤ 2.3 × latency
        // + 50 ms (one round trip more: the ids the second batch asks for arrive with the first answer).
        let budget = 1.3 * latency + 50
        let kinds = [
            ("first start", dashboard.cold, "new client, nothing cached (the first start on a machine)"),
            ("later start", dashboard.restart, "new client with the hints an earlier start cached (every later start)"),
            ("refresh", dashboard.warm, "the same client again (policies cached)"),
        ]
        for (name, loads, method) in kinds {
            let budget = name == "first start" ? 2.3 * latency + 50 : budget
            let median = Measure.median(loads.map(\.milliseconds))
            let multiple = latency > 0 ? String(format: " = %.2f × latency", median / latency) : ""
            report.add(
                "complete dashboard, \(name)", Report.ms(median) + multiple,
                target: "≤ \(Report.ms(budget))", met: median <= budget,
                "\(method) → loadDashboard(.everything) returns; median of \(loads.count), \(loads[0].rows) rows")
        }
        for (name, loads) in [("first start", dashboard.cold), ("later start", dashboard.restart)] {
            let median = Measure.median(loads.map(\.reviewMilliseconds))
            let rounds = loads.map(\.reviewRoundTrips).max() ?? 0
            let decisions = loads.map(\.reviewDecisions).min() ?? 0
            let multiple = latency > 0 ? String(format: " = %.2f × latency", median / latency) : ""
            report.add(
                "access reviews, \(name)",
                Report.ms(median) + multiple + ", \(rounds) round trip\(rounds == 1 ? "" : "s")", target: "-",
                """
                from the start until the \(decisions) access review decisions are in hand: with the dashboard, or \
                when the reads that follow it end; round trips from the start, max of \(loads.count)
                """
            )
        }
        for (name, loads, _) in kinds {
            let exchanges = loads.map(\.exchanges).max() ?? 0
            let batches = loads.map(\.batches).max() ?? 0
            let armBatches = loads.map(\.armBatches).max() ?? 0
            let rounds = loads.map(\.roundTrips).max() ?? 0
            report.add(
                "requests, \(name)",
                "\(rounds) round trip\(rounds == 1 ? "" : "s"), \(exchanges) exchanges "
                    + "(\(batches) $batch, \(armBatches) ARM /batch)",
                // Issue 18: one round trip on every start after the first and on a refresh (a batch's chunks and
                // Graph's and ARM's batches sent together are one), at most two on the first start on a machine.
                target: name == "first start" ? "≤ 2 round trips" : "1 round trip",
                met: rounds <= (name == "first start" ? 2 : 1),
                """
                the dashboard's own: exchanges counted by the clients and the tenant (a $batch or /batch counts \
                once; chunks of one batch sent together, and Graph's and ARM's batches, sent together, are one \
                round trip; access review reads that follow the dashboard are not among them); max of \(loads.count)
                """
            )
        }

        let ui = try await InterfaceBench().run(rows: options.rows, frames: options.frames)
        let size = "\(InterfaceBench.width)×\(InterfaceBench.height)"
        report.add(
            "refresh applied to the state", Report.ms(ui.apply), target: "-",
            """
            update(.dashboardLoaded) with \(ui.rows) rows: entries merged and sorted, filter text folded, selection \
            kept
            """
        )
        report.add(
            "frame render, median", Report.ms(Measure.median(ui.frame)), target: "-",
            """
            render(AppState) → Screen at \(size), \(ui.rows) rows in My roles, selection moving; \(ui.frame.count) \
            frames
            """
        )
        let frameP99 = Measure.quantile(ui.frame, 0.99)
        report.add(
            "frame render, p99", Report.ms(frameP99), target: "≤ 1 ms", met: frameP99 <= 1, "as above (wall clock)")
        report.add(
            "frame render, p99 CPU", Report.ms(Measure.quantile(ui.frameCPU, 0.99)), target: "-",
            "thread CPU time of the same frames (what a busy machine's scheduler does not add)")
        let tickP99 = Measure.quantile(ui.tick, 0.99)
        report.add(
            "countdown tick, p99", Report.ms(tickP99), target: "≤ 1 ms", met: tickP99 <= 1,
            "update(.tick(+1 s)) + render; \(ui.tick.count) ticks")
        report.add(
            "filter keystroke, median", Report.ms(Measure.median(ui.keystroke)), target: "-",
            "update(.key) + render while typing \"admin\" and erasing it in the / filter; \(ui.keystroke.count) keys")
        let keyP99 = Measure.quantile(ui.keystroke, 0.99)
        report.add(
            "filter keystroke, p99", Report.ms(keyP99), target: "≤ 5 ms", met: keyP99 <= 5, "as above (wall clock)")
        report.add(
            "filter keystroke, p99 CPU", Report.ms(Measure.quantile(ui.keystrokeCPU, 0.99)), target: "-",
            "thread CPU time of the same keystrokes")
        report.add(
            "first filter keystroke after a refresh", Report.ms(ui.firstKeystroke), target: "≤ 5 ms",
            met: ui.firstKeystroke <= 5,
            "the first key typed in / after a dashboard load (the search text is built with the refresh)")

        let client = try MemoryProbe.measureClient(rows: options.rows, pageSize: options.pageSize)
        report.add(
            "peak resident memory", Report.mb(client.peakKB), target: "≤ 55 MB",
            met: Double(client.peakKB) <= 55 * 1024,
            "VmHWM of a child that loads Graph's answers (recorded from the tenant, replayed from disk) into AppState: "
                + """
                \(client.roles) roles, \(client.history) history rows (tenant audit log), pages of \
                \(options.pageSize), one frame rendered
                """
        )
        report.add(
            "resident memory after load", Report.mb(client.residentKB), target: "-",
            "VmRSS of the same child at the end")
        let demo = try MemoryProbe.measureWithTenant(rows: options.rows, pageSize: options.pageSize)
        report.add(
            "peak resident memory, tenant in process", Report.mb(demo.peakKB), target: "-",
            "as above, with the simulated tenant (its state and JSON) in the same process, as `pim --demo` runs")
        try await addLargeFigures(to: &report)
        if options.spawns > 0 {
            let starts = try ColdStartBench(spawns: options.spawns).run()
            let median = Measure.median(starts)
            report.add(
                "cold start, median", Report.ms(median), target: "≤ 50 ms", met: median <= 50,
                """
                posix_spawn → exit of `pim --demo roles --output json`, PIM_SIM_STATE=memory, empty XDG dirs; \
                \(starts.count) runs
                """
            )
            report.add("cold start, max", Report.ms(starts.max() ?? 0), target: "-", "as above")
        }
        if options.endToEndRuns > 0 { try addEndToEnd(to: &report) }
        print(report.markdown())
    }

    /// `--e2e`: the end-to-end figures alone, to iterate on them quickly.
    func runEndToEnd() throws {
        print(
            "pim-bench: end to end, latency \(options.latencyMilliseconds) ms per request, "
                + "\(max(1, options.endToEndRuns)) runs")
        var report = Report()
        try addEndToEnd(to: &report, runs: max(1, options.endToEndRuns))
        print(report.markdown())
    }

    private func addEndToEnd(to report: inout Report, runs: Int? = nil) throws {
        let bench = EndToEndBench(latency: options.latencyMilliseconds, runs: runs ?? options.endToEndRuns)
        bench.report(try bench.run(), into: &report)
    }

    /// Eligibilities and audit events of the large-tenant figures unless `--large-rows` says otherwise.
    static let largeRows = 50_000

    /// `--large`: only the figures of a large tenant and of the tenant-wide Elevations board.
    func runLarge() async throws {
        print(
            "pim-bench --large: \(options.largeRows ?? Self.largeRows) eligibilities and audit events, pages of "
                + "\(options.largePageSize); Elevations board of \(options.boardRows) rows; \(options.frames) frames")
        var report = Report()
        try await addLargeFigures(to: &report)
        print(report.markdown())
    }

    /// Memory and filter keystroke at `largeRows` eligibilities + audit events; frame and tick of an
    /// Elevations board of `boardRows` rows.
    func addLargeFigures(to report: inout Report) async throws {
        let large = options.largeRows ?? (options.mode == .large ? Self.largeRows : 0)
        if large > 0 {
            let memory = try MemoryProbe.measureClient(
                rows: large, pageSize: options.largePageSize,
                recording: options.mode == .large ? options.replayDirectory : nil)
            report.add(
                "peak resident memory, \(large / 1_000)k + \(large / 1_000)k", Report.mb(memory.peakKB),
                target: "≤ 90 MB", met: Double(memory.peakKB) <= 90 * 1024,
                """
                as the peak resident memory above: \(memory.roles) roles, \(memory.history) history rows, pages of \
                \(options.largePageSize) (pim sends no $top for these lists; the tenant's default of 50 would be more \
                than the 1,000 pages pim follows)
                """
            )
            let ui = try await InterfaceBench().run(rows: large, frames: options.frames)
            let keyP99 = Measure.quantile(ui.keystroke, 0.99)
            report.add(
                "filter keystroke at \(large / 1_000)k, p99", Report.ms(keyP99), target: "≤ 5 ms", met: keyP99 <= 5,
                """
                as the filter keystroke above, \(ui.rows) rows in My roles; \(ui.keystroke.count) keys; CPU p99 \
                \(Report.ms(Measure.quantile(ui.keystrokeCPU, 0.99)))
                """
            )
            report.add(
                "first filter keystroke at \(large / 1_000)k", Report.ms(ui.firstKeystroke), target: "≤ 5 ms",
                met: ui.firstKeystroke <= 5, "the first key typed in / after the dashboard load")
            report.add(
                "refresh applied at \(large / 1_000)k", Report.ms(ui.apply), target: "-",
                "update(.dashboardLoaded) with \(ui.rows) rows")
        }
        let rows = options.boardRows
        if rows > 0 {
            let board = try await ElevationsBoardBench().run(rows: rows, frames: options.frames)
            let frameP99 = Measure.quantile(board.frame, 0.99)
            report.add(
                "Elevations board frame, p99", Report.ms(frameP99), target: "≤ 1 ms", met: frameP99 <= 1,
                """
                render(AppState) of pane 4 with \(board.rows) tenant-wide elevations (Hana, the helpdesk persona; \
                built from the tenant's own, applied by update(.dashboardLoaded)), selection moving; \
                \(board.frame.count) frames; CPU p99 \(Report.ms(Measure.quantile(board.frameCPU, 0.99)))
                """
            )
            let tickP99 = Measure.quantile(board.tick, 0.99)
            report.add(
                "Elevations board tick, p99", Report.ms(tickP99), target: "≤ 1 ms", met: tickP99 <= 1,
                """
                update(.tick(+1 s)) + render of the same board; \(board.tick.count) ticks; CPU p99 \
                \(Report.ms(Measure.quantile(board.tickCPU, 0.99)))
                """
            )
            let keyP99 = Measure.quantile(board.keystroke, 0.99)
            report.add(
                "Elevations board filter keystroke, p99", Report.ms(keyP99), target: "≤ 5 ms", met: keyP99 <= 5,
                """
                update(.key) + render typing and erasing "admin" in / on the board; \(board.keystroke.count) keys; \
                CPU p99 \(Report.ms(Measure.quantile(board.keystrokeCPU, 0.99)))
                """
            )
            report.add(
                "Elevations board applied", Report.ms(board.apply), target: "-",
                "update(.dashboardLoaded) with the board: sorted soonest end first, filter text folded")
        }
    }
}
