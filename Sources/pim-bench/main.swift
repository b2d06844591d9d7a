import Foundation

// pim-bench: the figures of docs/performance.md, measured on the simulated tenant.
// Build with `swift build -c release`, run with `swift run -c release pim-bench [--help]`.

do {
    let options = try BenchOptions(
        arguments: Array(CommandLine.arguments.dropFirst()),
        environment: ProcessInfo.processInfo.environment)
    switch options.mode {
    case .help:
        print(BenchOptions.usage)
    case .memoryProbe:
        try await MemoryProbe.runChild(rows: options.rows, replay: options.replayDirectory, pageSize: options.pageSize)
    case .memoryRecord:
        try await MemoryProbe.record(
            rows: options.rows, into: options.replayDirectory ?? "", pageSize: options.pageSize)
    case .table:
        try await FigureTable(options: options).run()
    case .endToEnd:
        try FigureTable(options: options).runEndToEnd()
    case .large:
        try await FigureTable(options: options).runLarge()
    case .layout:
        LayoutReport.run()
    case .scaling:
        try await ScalingTable(options: options).run()
    }
} catch {
    FileHandle.standardError.write(Data("pim-bench: \(error)\n".utf8))
    exit(1)
}
