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
        /// On a narrow terminal, columns with a drop rank are left out, highest rank first, before
        /// names are cut too short to read (kubectl's narrow versus wide output). nil: always shown.
        public var dropRank: Int?
        /// Names of roles and groups: when cutting the ends would make two rows read alike
        /// (`itops-sysadmin-…`), the column is cut in the middle instead.
        public var names: Bool

        public init(
            _ header: String, alignRight: Bool = false, flexible: Bool = false, dropRank: Int? = nil,
            names: Bool = false
        ) {
            self.header = header
            self.alignRight = alignRight
            self.flexible = flexible
            self.dropRank = dropRank
            self.names = names
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
    /// A flexible column narrower than this is hard to read: columns are dropped before that.
    static let comfortableWidth = 16
    static let gap = 2

    /// The width of each column after fitting into `width` columns (nil: no limit); 0 means the
    /// column is left out.
    public func columnWidths(fitting width: Int?) -> [Int] {
        var widths = columns.enumerated().map { index, column in
            rows.reduce(DisplayWidth.of(column.header)) { max($0, index < $1.count ? $1[index].text.width : 0) }
        }
        guard let width else { return widths }
        func total(_ widths: [Int], flexibleCap: Int? = nil) -> Int {
            let shown = widths.indices.filter { widths[$0] > 0 }
            let sum = shown.reduce(0) { sum, index in
                let cap = columns[index].flexible ? (flexibleCap ?? widths[index]) : widths[index]
                return sum + min(widths[index], cap)
            }
            return sum + Self.gap * max(0, shown.count - 1)
        }
        // 1. Leave out droppable columns while the table would not fit even with names cut to a readable width.
        let droppable = columns.indices.filter { columns[$0].dropRank != nil }
            .sorted { columns[$0].dropRank! > columns[$1].dropRank! }
        for index in droppable where total(widths, flexibleCap: Self.comfortableWidth) > width {
            widths[index] = 0
        }
        // 2. Cut flexible columns from the right (justifications before names), first to a readable
        //    width, then to the minimum.
        let flexible = columns.indices.filter { columns[$0].flexible && widths[$0] > 0 }.reversed()
        for floor in [Self.comfortableWidth, Self.minimumFlexibleWidth] {
            for index in flexible where total(widths) > width && widths[index] > floor {
                widths[index] = max(floor, widths[index] - (total(widths) - width))
            }
        }
        return widths
    }

    /// The table as lines, headers first; trailing spaces are trimmed.
    public func render(width: Int?, color: Bool) -> String {
        let widths = columnWidths(fitting: width)
        let shown = columns.indices.filter { widths[$0] > 0 }
        var lines: [String] = []
        let header = shown.map { index in
            DisplayWidth.pad(columns[index].header, to: widths[index], alignRight: columns[index].alignRight)
        }.joined(separator: String(repeating: " ", count: Self.gap))
        lines.append(Style.bold.apply(trimTrailing(header), enabled: color))
        // A column of names is cut as a whole: in the middle when cutting the ends would make two rows read alike.
        var cut: [Int: [String]] = [:]
        for index in shown where columns[index].names {
            cut[index] = DisplayWidth.truncateDistinct(
                rows.map { index < $0.count ? $0[index].text.string : "" }, to: widths[index])
        }
        for (rowIndex, row) in rows.enumerated() {
            var parts: [String] = []
            for index in shown {
                let column = columns[index]
                let cell = index < row.count ? row[index] : Cell("")
                let padded = DisplayWidth.pad(
                    cut[index]?[rowIndex] ?? cell.text.string, to: widths[index], alignRight: column.alignRight)
                // Style only the text, not the padding, so a reset never leaks colour into the gap.
                let trimmed = trimTrailing(padded)
                let leading = trimmed.prefix { $0 == " " }
                let styled =
                    String(leading) + cell.style.apply(String(trimmed.dropFirst(leading.count)), enabled: color)
                let isLast = index == shown.last
                parts.append(isLast ? styled : styled + String(repeating: " ", count: padded.count - trimmed.count))
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
