import Foundation

/// Checks the terminal model against real pim output: the screen built from every byte of a start (ncurses'
/// incremental updates: moves, erases, inserted and deleted characters and lines, scrolling) must equal the
/// screen ncurses paints from a cleared terminal after a resize. A model that misread an incremental
/// sequence would disagree, and the dashboard-complete test that reads it could not be trusted.
enum ScreenModelCheck {
    /// The clear ncurses sends for xterm-256color (`clear`): home, then erase the display.
    static let clear: [UInt8] = Array("\u{1B}[H\u{1B}[2J".utf8)

    /// Resizes the window and back, so pim repaints from scratch; returns the rows compared. Retries a few
    /// times when the two screens differ, since the clock may tick between them.
    static func run(_ child: TerminalChild) throws -> Int {
        var lastDifference = ""
        for _ in 0..<3 {
            child.settle(quiet: 0.3, atMost: 3)
            let incremental = child.screen
            let start = child.output.count
            child.resize(columns: EndToEndBench.columns, rows: EndToEndBench.rows - 1)
            child.settle(quiet: 0.3, atMost: 3)
            child.resize(columns: EndToEndBench.columns, rows: EndToEndBench.rows)
            child.settle(quiet: 0.3, atMost: 3)
            let after = Array(child.output[start...])
            guard let clearAt = lastRange(of: clear, in: after) else {
                throw BenchError("pim did not clear the terminal after a resize: the self check cannot run.")
            }
            var repainted = TerminalScreen(columns: EndToEndBench.columns, rows: EndToEndBench.rows)
            repainted.feed(after[clearAt...])
            guard child.screen.lines == repainted.lines else {
                throw BenchError("The terminal model disagrees with itself after a repaint.")
            }
            let (compared, difference) = compare(incremental.lines, repainted.lines)
            if difference == nil { return compared }
            lastDifference = difference ?? ""
        }
        throw BenchError("The terminal model differs from a full repaint of the same screen:\n\(lastDifference)")
    }

    /// Compares rows, leaving out the title row (its clock) and the status line (the refresh's age), with
    /// digits masked (countdowns); the rows compared, or the first difference.
    static func compare(_ a: [String], _ b: [String]) -> (Int, String?) {
        var compared = 0
        for (row, (left, right)) in zip(a, b).enumerated() where row > 0 {
            if left.contains("refreshed") || right.contains("refreshed") { continue }
            guard masked(left) == masked(right) else {
                return (compared, "row \(row):\n  \(left.trimmingTrailingBlanks)\n  \(right.trimmingTrailingBlanks)")
            }
            compared += 1
        }
        return (compared, nil)
    }

    static func masked(_ line: String) -> String {
        String(line.map { $0.isNumber ? "#" : $0 })
    }

    static func lastRange(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1)
        where bytes[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
