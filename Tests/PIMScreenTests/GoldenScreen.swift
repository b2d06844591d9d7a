import Foundation
import PIMApp
import PIMScreen
import Testing

/// Golden-file comparison of rendered screens. Files live in `Screens/<name>.<W>x<H>.txt` (and
/// `.style.txt` for the style map), rows stored whole. `PIM_RECORD_SCREENS=1 swift test` rewrites
/// them and fails the run so the diff gets reviewed; a mismatch prints the differing rows.
enum GoldenScreen {
    static let sizes = [(80, 24), (132, 40)]

    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Screens")
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["PIM_RECORD_SCREENS"] == "1" }

    /// Renders `state` at both sizes (after a resize action, as the terminal would send) and compares.
    static func check(
        _ name: String, _ state: AppState, styles: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (width, height) in sizes {
            var sized = state
            _ = update(&sized, .resize(width: width, height: height))
            let screen = render(sized)
            compare(screen.lines(), file: "\(name).\(width)x\(height).txt", sourceLocation: sourceLocation)
            if styles {
                compare(screen.styleMap(), file: "\(name).\(width)x\(height).style.txt", sourceLocation: sourceLocation)
            }
        }
    }

    static func compare(_ rows: [String], file: String, sourceLocation: SourceLocation) {
        let url = directory.appendingPathComponent(file)
        let actual = rows.joined(separator: "\n") + "\n"
        if recording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(file), review the diff", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no golden file \(file): run PIM_RECORD_SCREENS=1 swift test, then review it",
                sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        var report = ["\(file) differs:"]
        for index in 0..<max(old.count, rows.count) {
            let a = index < old.count ? old[index] : "<none>"
            let b = index < rows.count ? rows[index] : "<none>"
            if a != b { report += ["row \(index):", "- \(a)|", "+ \(b)|"] }
        }
        Issue.record(Comment(rawValue: report.joined(separator: "\n")), sourceLocation: sourceLocation)
    }
}
