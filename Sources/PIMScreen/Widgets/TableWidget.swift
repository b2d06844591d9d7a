import PIMDomain

/// A column of a table: sized from the display width of the rows on screen, between `min` and `max`;
/// the `flex` column takes what is left; low `priority` columns go first when the screen is narrow.
struct TableColumn {
    var title: String
    var min: Int
    var max: Int
    var flex = false
    var priority = 5
    var alignRight = false
    /// Names of roles and groups: cut in the middle when cutting the ends makes two rows read alike.
    var names = false
}

/// One cell's text and, optionally, its own style (urgency colours).
struct TableCell {
    var text: DisplayText
    var style: StyleRole?

    init(_ text: DisplayText, style: StyleRole? = nil) {
        self.text = text
        self.style = style
    }

    init(untrusted: String, style: StyleRole? = nil) {
        self.init(SanitizedText.of(untrusted), style: style)
    }
}

/// Draws a header and the visible rows only, so a table of 10,000 rows costs what a screenful costs.
struct TableWidget {
    var columns: [TableColumn]
    var rowCount: Int
    var offset: Int
    var selection: Int?
    var isMarked: (Int) -> Bool
    var cell: (_ row: Int, _ column: Int) -> TableCell
    var emptyText: DisplayText
    /// A row drawn as one text across every column (a group's header), or nil for a row of cells.
    var spanning: (Int) -> TableCell? = { _ in nil }

    /// Width of the mark column at the left ("* " on marked rows).
    static let markWidth = 2

    func render(in rect: Rect, on screen: inout Screen) {
        guard rect.height > 0, rect.width > 0 else { return }
        let bodyRows = rect.height - 1
        let first = Swift.max(0, Swift.min(offset, Swift.max(0, rowCount - 1)))
        let last = Swift.min(rowCount, first + bodyRows)
        // Each visible cell is built once per frame: layout measures it, the row loop draws it.
        let grid = (first..<last).map { row in columns.indices.map { cell(row, $0) } }
        let (shown, widths) = layout(width: rect.width - Self.markWidth, rows: first..<last) { grid[$0 - first][$1] }

        screen.fill(rect.row(0), style: .header)
        var x = rect.x + Self.markWidth
        for (index, column) in shown.enumerated() {
            screen.put(
                SanitizedText.of(columns[column].title), x: x, y: rect.y, width: widths[index],
                style: .header, alignRight: columns[column].alignRight)
            x += widths[index] + 1
        }
        if rowCount == 0 {
            // The message owns its whole row: nothing drawn there before may show past its end.
            if rect.height > 1 { screen.fill(rect.row(1)) }
            screen.put(
                emptyText, x: rect.x + Self.markWidth, y: rect.y + 1, maxWidth: rect.width - Self.markWidth, style: .dim
            )
            return
        }
        // A column whose cut cells would read alike (`itops-sysadmin-…` twice) is cut in the middle.
        var cutGrid = grid.map { $0.map(\.text) }
        for (index, column) in shown.enumerated() where columns[column].names {
            let texts = grid.map { $0[column].text.string }
            guard texts.contains(where: { !Screen.fits($0, in: widths[index]) }) else { continue }
            let cut = DisplayWidth.truncateDistinct(texts, to: widths[index])
            guard cut != texts.map({ DisplayWidth.truncate($0, to: widths[index]) }) else { continue }
            for row in grid.indices { cutGrid[row][column] = DisplayText(untrusted: cut[row]) }
        }
        for row in first..<last {
            let y = rect.y + 1 + row - first
            let selected = row == selection
            let marked = isMarked(row)
            let rowStyle: StyleRole = selected ? .selectedRow : (marked ? .marked : .normal)
            screen.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: rowStyle)
            if marked { screen.put("*", x: rect.x, y: y, style: rowStyle) }
            if let span = spanning(row) {
                let style = selected ? .selectedRow : (span.style ?? rowStyle)
                screen.put(span.text, x: rect.x, y: y, maxWidth: rect.width, style: style)
                screen.addClickTarget(Rect(x: rect.x, y: y, width: rect.width, height: 1), .row(row))
                continue
            }
            var x = rect.x + Self.markWidth
            for (index, column) in shown.enumerated() {
                let value = grid[row - first][column]
                let style = selected ? .selectedRow : (value.style ?? rowStyle)
                screen.put(
                    cutGrid[row - first][column], x: x, y: y, width: widths[index], style: style,
                    alignRight: columns[column].alignRight)
                x += widths[index] + 1
            }
            screen.addClickTarget(Rect(x: rect.x, y: y, width: rect.width, height: 1), .row(row))
        }
    }

    /// Which columns fit and how wide each is, measuring the cells `cell` gives for `rows`.
    func layout(width: Int, rows: Range<Int>, cell: (Int, Int) -> TableCell) -> ([Int], [Int]) {
        var shown = Array(columns.indices)
        func minimum(_ set: [Int]) -> Int { set.reduce(0) { $0 + columns[$1].min } + Swift.max(0, set.count - 1) }
        while minimum(shown) > width, shown.count > 1,
            let drop = shown.filter({ !columns[$0].flex }).min(by: { columns[$0].priority < columns[$1].priority })
        {
            shown.removeAll { $0 == drop }
        }
        var naturals = shown.map { column -> Int in
            var natural = DisplayWidth.of(columns[column].title)
            for row in rows { natural = Swift.max(natural, Columns.of(cell(row, column).text.string)) }
            return natural
        }
        var widths = shown.indices.map {
            Swift.min(columns[shown[$0]].max, Swift.max(columns[shown[$0]].min, naturals[$0]))
        }
        // Columns of low priority give way before the flex column is cut below its natural width.
        func isLow(_ index: Int) -> Bool { !columns[shown[index]].flex && columns[shown[index]].priority <= 5 }
        func neededWidth() -> Int {
            shown.indices.reduce(0) { $0 + (isLow($1) ? columns[shown[$1]].min : widths[$1]) } + shown.count - 1
        }
        while neededWidth() > width,
            let drop = shown.indices.filter({ !columns[shown[$0]].flex && columns[shown[$0]].priority <= 3 })
                .min(by: { columns[shown[$0]].priority < columns[shown[$1]].priority })
        {
            shown.remove(at: drop)
            widths.remove(at: drop)
            naturals.remove(at: drop)
        }
        let available = width - Swift.max(0, shown.count - 1)
        var excess = widths.reduce(0, +) - available
        // Too wide: shrink the least important columns first, the flex column last, never below a minimum.
        while excess > 0 {
            let candidates = widths.indices.filter { widths[$0] > columns[shown[$0]].min }
            let byPriority = { (a: Int, b: Int) in columns[shown[a]].priority < columns[shown[b]].priority }
            let slack = { (a: Int, b: Int) in widths[a] - columns[shown[a]].min < widths[b] - columns[shown[b]].min }
            guard
                let pick = candidates.filter({ !columns[shown[$0]].flex && columns[shown[$0]].priority <= 5 }).max(
                    by: slack)
                    ?? candidates.first(where: { columns[shown[$0]].flex })
                    ?? candidates.min(by: byPriority)
            else { break }
            let give = Swift.min(excess, widths[pick] - columns[shown[pick]].min)
            widths[pick] -= give
            excess -= give
        }
        // Room left: cells that are cut get it first, most important column first (a name is not
        // cut while the row has empty columns), then the flex column takes the rest.
        for index in shown.indices.sorted(by: { columns[shown[$0]].priority > columns[shown[$1]].priority })
        where excess < 0 {
            let give = Swift.min(-excess, Swift.max(0, naturals[index] - widths[index]))
            widths[index] += give
            excess += give
        }
        if excess < 0, let flex = shown.firstIndex(where: { columns[$0].flex }) {
            widths[flex] += -excess
        }
        return (shown, widths)
    }
}
