import Foundation

/// The printed table: one line per figure with its target, whether it is met, and how it was measured.
struct Report {
    struct Row {
        var figure: String
        var value: String
        var target: String
        /// nil: no target (shown for context).
        var met: Bool?
        var method: String
    }

    var rows: [Row] = []

    mutating func add(_ figure: String, _ value: String, target: String = "-", met: Bool? = nil, _ method: String) {
        rows.append(Row(figure: figure, value: value, target: target, met: met, method: method))
    }

    /// A Markdown table, so the output pastes into docs/performance.md as it is.
    func markdown() -> String {
        let header = ["figure", "value", "target", "met", "method"]
        let cells = rows.map {
            [$0.figure, $0.value, $0.target, $0.met.map { $0 ? "met" : "NOT MET" } ?? "-", $0.method]
        }
        return Self.table(header: header, cells)
    }

    static func table(header: [String], _ cells: [[String]]) -> String {
        var widths = header.map { $0.count }
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ row: [String]) -> String {
            "| "
                + row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
        return ([line(header), rule] + cells.map(line)).joined(separator: "\n")
    }

    static func ms(_ value: Double) -> String {
        value >= 100
            ? String(format: "%.0f ms", value)
            : value >= 1 ? String(format: "%.2f ms", value) : String(format: "%.3f ms", value)
    }

    static func mb(_ kilobytes: Int) -> String { String(format: "%.1f MB", Double(kilobytes) / 1024) }
}
