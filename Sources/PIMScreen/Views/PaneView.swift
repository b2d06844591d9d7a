import PIMApp
import PIMDomain

/// What each pane view provides: its table and the detail strip of the selected row.
protocol PaneView {
    static func table(_ state: AppState) -> TableWidget
    static func details(_ state: AppState, width: Int) -> [StyledLine]
}

extension PaneView {
    /// A "Label  value" detail line with the label dimmed.
    static func detail(_ label: String, _ value: String, style: StyleRole = .normal) -> StyledLine {
        StyledLine([(SanitizedText.of(DisplayWidth.pad(label, to: 14)), .dim), (SanitizedText.of(value), style)])
    }

    /// A table over the pane's visible rows; `cell` receives the index into the pane's rows.
    static func makeTable(_ state: AppState, _ pane: Pane, columns: [TableColumn], empty: DisplayText,
                          cell: @escaping (Int, Int) -> TableCell) -> TableWidget {
        let list = state.list(pane)
        let visible = list.visible
        let marked = list.marked
        let emptyText: DisplayText = list.filterText.isEmpty ? empty : "No row matches the filter: press / then Esc to clear it."
        return TableWidget(columns: columns, rowCount: visible.count, offset: list.offset,
                           selection: visible.isEmpty ? nil : list.selection,
                           isMarked: { !marked.isEmpty && marked.contains(state.rowID(pane, index: visible[$0])) },
                           cell: { row, column in cell(visible[row], column) }, emptyText: emptyText)
    }
}
