import Foundation
import Testing

/// Every input the fuzzers keep in `Tests/Fuzz/corpus/<target>/` (seeds, and what the recorded runs
/// found worth keeping) replays through the `PIMFuzz` driver without breaking an invariant: the
/// fuzzed parsers' behaviour on them cannot regress unnoticed between fuzzing runs (docs/fuzzing.md).
@Suite struct FuzzCorpusReplayTests {
    static let targets = ["duration", "graph-json", "sanitizer", "arguments", "config", "keys", "transport"]

    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/corpus")

    @Test(arguments: targets)
    func everyKeptInputReplaysWithoutAFailure(target: String) throws {
        let directory = Self.corpus.appendingPathComponent(target)
        let count = try FileManager.default.contentsOfDirectory(atPath: directory.path).count
        #expect(count > 0, "no corpus for \(target)")
        let driver = URL(fileURLWithPath: PimBinary.path).deletingLastPathComponent().appendingPathComponent("PIMFuzz")
        let process = Process()
        process.executableURL = driver
        process.arguments = [target, directory.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(target): \(text)")
        #expect(text.contains("\(target): replayed \(count) input(s) without a failure"), "\(text)")
    }
}
