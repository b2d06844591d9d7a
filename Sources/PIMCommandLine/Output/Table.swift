import PIMDomain

/// An aligned table for the terminal. Cells are `DisplayText` (sanitised), widths are display
/// columns (CJK and emoji count two), and when the terminal is narrower than the table the
/// flexible columns are cut with "…" rather than wrapping.
public struct Table: Sendable {
    public struct Column: Sendable {
        public var header: String
        public var alignRight: Bool
        /// May be cut to fit the terminal (names, justifications); others (ids, times) never are.
        public var flexible: Bool

        public init(_ header: String, alignRight: Bool = false, flexible: Bool = false) {
            self.header = header
            self.alignRight = alignRight
            self.flexible = flexible
        }
    }

    public struct Cell: Sendable {
        public var text: DisplayText
        public var style: Style
        public init(_ text: DisplayText, style: Style = .plain) {
            self.text = text
            self.style = style
        }
    }

    public var columns: [Column]
    public var rows: [[Cell]] = []

    public init(_ columns: [Column]) { self.columns = columns }

    public mutating func add(_ cells: [Cell]) { rows.append(cells) }

    /// The smallest width a flexible column is cut to.
    static let minimumFlexibleWidth = 6
    static let gap = 2

    /// The widths of each column after fitting into `width` columns (nil: no limit).
    public func columnWidths(fitting width: Int?) -> [Int] {
        var widths = columns.enumerated().map { index, column in
            rows.reduce(DisplayWidth.of(column.header)) { max($0, index < $1.count ? $1[index].text.width : 0) }
        }
        guard let width else { return widths }
        var total: Int { widths.reduce(0, +) + Self.gap * max(0, widths.count - 1) }
        while total > width {
            // Cut the widest flexible column that can still give.
            let candidates = columns.indices.filter { columns[$0].flexible && widths[$0] > Self.minimumFlexibleWidth }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] = max(Self.minimumFlexibleWidth, widths[widest] - (total - width))
        }
        return widths
    }

    /// The table as lines, headers first; trailing spaces are trimmed.
    public func render(width: Int?, color: Bool) -> String {
        let widths = columnWidths(fitting: width)
        var lines: [String] = []
        let header = columns.enumerated().map { index, column in
            DisplayWidth.pad(column.header, to: widths[index], alignRight: column.alignRight)
        }.joined(separator: String(repeating: " ", count: Self.gap))
        lines.append(Style.bold.apply(trimTrailing(header), enabled: color))
        for row in rows {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < row.count ? row[index] : Cell("")
                let padded = DisplayWidth.pad(cell.text.string, to: widths[index], alignRight: column.alignRight)
                // Style only the text, not the padding, so a reset never leaks colour into the gap.
                let content = trimTrailing(padded)
                let styled = cell.style.apply(content, enabled: color)
                let isLast = index == columns.count - 1
                parts.append(isLast ? styled : styled + String(repeating: " ", count: padded.count - content.count))
            }
            lines.append(trimTrailing(parts.joined(separator: String(repeating: " ", count: Self.gap))))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func trimTrailing(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
