import Foundation
import Testing

/// Command output stored whole under Snapshots/, compared byte for byte. `PIM_RECORD_SNAPSHOTS=1 swift test`
/// rewrites them and fails the run so the diff gets reviewed, as for the help texts.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func expect(_ text: String, matches name: String) throws {
        let file = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PIM_RECORD_SNAPSHOTS"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(name): review the diff, then run the tests again without PIM_RECORD_SNAPSHOTS.")
            return
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(stored == text, "\(name) differs from the output:\n\(text)")
    }
}
