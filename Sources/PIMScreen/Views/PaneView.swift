import PIMApp
import PIMDomain
import PIMTables

/// What each pane view provides: its table and the detail strip of the selected row.
protocol PaneView {
    static func table(_ state: AppState) -> TableWidget
    static func details(_ state: AppState, width: Int) -> [StyledLine]
}

extension PaneView {
    /// Columns of a detail line's label, its space included.
    static var labelWidth: Int { 14 }

    /// A "Label  value" detail line with the label dimmed.
    static func detail(_ label: String, _ value: String, style: StyleRole = .normal) -> StyledLine {
        StyledLine([
            (SanitizedText.of(DisplayWidth.pad(label, to: labelWidth)), .dim), (SanitizedText.of(value), style),
        ])
    }

    /// A table over the pane's visible rows with the pane's `columns`; `rows` are the pane's rows,
    /// read only for the rows on screen.
    static func makeTable<Row>(
        _ state: AppState, _ pane: Pane, _ columns: PaneColumns<Row>, rows: [Row],
        empty: DisplayText
    ) -> TableWidget {
        let list = state.list(pane)
        let visible = list.visible
        let marked = list.marked
        let emptyText: DisplayText =
            list.filterText.isEmpty ? empty : "No row matches the filter: press / then Esc to clear it."
        let context = ColumnContext(
            now: state.now, time: { TextLayout.time($0) },
            dateTime: { TextLayout.dateTime($0) }, busy: state.busy)
        let definitions = columns.columns
        return TableWidget(
            columns: columns.layout, rowCount: visible.count, offset: list.offset,
            selection: visible.isEmpty ? nil : list.selection,
            isMarked: { !marked.isEmpty && marked.contains(state.rowID(pane, index: visible[$0])) },
            cell: { row, column in TableCell(definitions[column].cell(rows[visible[row]], context)) },
            emptyText: emptyText)
    }
}
