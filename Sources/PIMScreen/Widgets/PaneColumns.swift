import PIMDomain
import PIMTables

/// The columns a pane shows of a table's definition, with their layout, picked once per pane.
struct PaneColumns<Row>: Sendable {
    let columns: [Column<Row>]
    let layout: [TableColumn]

    init(_ definition: TableDefinition<Row>) {
        columns = definition.columns(for: .screen)
        layout = columns.map(TableColumn.init)
    }
}

extension TableColumn {
    /// How the pane lays out a column of a table's definition.
    init<Row>(_ column: Column<Row>) {
        self.init(
            title: column.title, min: column.width.min, max: column.width.max, flex: column.width.fills,
            priority: column.priority, alignRight: column.alignRight, names: column.names)
    }
}

extension TableCell {
    /// A cell of a table's definition, in the screen's colours.
    init(_ cell: CellValue) {
        self.init(untrusted: cell.text, style: StyleRole.of(cell.style))
    }
}

extension StyleRole {
    /// The screen's role for a cell's meaning; nil keeps the row's own style (names stay plain:
    /// the selection bar already shows which row is meant).
    static func of(_ style: CellStyle) -> StyleRole? {
        switch style {
        case .plain, .emphasis: nil
        case .dim: .dim
        case .success: .success
        case .pending: .pending
        case .info: .info
        case .error: .error
        case .tier0: .tier0
        case .urgency(let urgency): TextLayout.urgencyStyle(urgency)
        }
    }
}
