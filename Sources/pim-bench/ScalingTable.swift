import Foundation

/// `--scaling`: how each cost grows with the tenant (100 / 1,000 / 10,000 / 50,000 rows).
struct ScalingTable {
    let options: BenchOptions

    func run() async throws {
        print(
            "pim-bench --scaling: latency \(options.scalingLatency) ms per exchange for the loads, "
                + "\(min(options.loads, 3)) loads, \(min(options.frames, 300)) frames per size, pages of 999 items")
        var cells: [[String]] = []
        for size in options.sizes {
            let dashboard = try await DashboardBench(latency: options.scalingLatency, scale: size, pageSize: 999).run(
                loads: min(options.loads, 3))
            let ui = try await InterfaceBench().run(rows: size, frames: min(options.frames, 300))
            let memory = try MemoryProbe.measureClient(rows: size, pageSize: 999)
            cells.append([
                "\(ui.rows)",
                Report.ms(Measure.median(dashboard.cold.map(\.milliseconds))),
                Report.ms(Measure.median(dashboard.restart.map(\.milliseconds))),
                Report.ms(Measure.median(dashboard.warm.map(\.milliseconds))),
                [dashboard.cold, dashboard.restart, dashboard.warm].map { "\($0.map(\.roundTrips).max() ?? 0)" }.joined(
                    separator: " / "),
                [dashboard.cold, dashboard.restart, dashboard.warm].map { "\($0.map(\.exchanges).max() ?? 0)" }.joined(
                    separator: " / "),
                Report.ms(Measure.median(ui.frame)) + " / " + Report.ms(Measure.quantile(ui.frame, 0.99)),
                Report.ms(Measure.median(ui.keystroke)) + " / " + Report.ms(Measure.quantile(ui.keystroke, 0.99)),
                Report.ms(ui.firstKeystroke),
                Report.ms(ui.apply),
                Report.mb(memory.peakKB),
            ])
        }
        print(
            Report.table(
                header: [
                    "rows", "load: first start", "later start", "refresh", "round trips (first / later / refresh)",
                    "exchanges (first / later / refresh)", "frame median / p99",
                    "keystroke median / p99", "first keystroke", "apply refresh", "peak RSS",
                ], cells))
    }
}
