import Foundation
import Testing
@testable import PIMCommandLine

/// The help texts as users read them, stored whole under Snapshots/. A change shows as a diff.
/// `PIM_RECORD_SNAPSHOTS=1 swift test` rewrites them and fails the run ("recorded, review the diff").
@Suite struct HelpSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    static var cases: [String] { ["pim"] + CommandTable.visibleCommands.map(\.name).filter { $0 != "help" } }

    @Test(arguments: cases)
    func helpMatchesTheSnapshot(name: String) throws {
        let text = name == "pim" ? HelpText.overview() : HelpText.help(for: CommandTable.command(named: name)!)
        let file = Self.directory.appendingPathComponent("help-\(name).txt")
        if ProcessInfo.processInfo.environment["PIM_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record(
                """
                Recorded \(file.lastPathComponent): review the diff, then run the tests again without \
                PIM_RECORD_SNAPSHOTS.
                """
            )
            return
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        if stored != text {
            let old = stored.split(separator: "\n", omittingEmptySubsequences: false)
            let new = text.split(separator: "\n", omittingEmptySubsequences: false)
            var diff: [String] = []
            for index in 0..<max(old.count, new.count) {
                let a = index < old.count ? String(old[index]) : "<none>"
                let b = index < new.count ? String(new[index]) : "<none>"
                if a != b { diff.append("line \(index + 1):\n- \(a)\n+ \(b)") }
            }
            Issue.record(
                "help for \(name) differs from \(file.lastPathComponent):\n\(diff.prefix(10).joined(separator: "\n"))")
        }
    }
}
