import PIMDomain
import PIMTables

extension Table {
    /// The command line's columns of a table's definition, filled with `rows`. Headers are the
    /// titles in capitals; columns below `Priority.essential` may be left out on a narrow
    /// terminal, the least useful first.
    init<Row>(_ definition: TableDefinition<Row>, rows: [Row], context: ColumnContext) {
        let columns = definition.columns(for: .commandLine)
        self.init(
            columns.map { column in
                Column(
                    column.title.uppercased(), alignRight: column.alignRight, flexible: column.width.cuttable,
                    dropRank: column.priority < Priority.essential ? Priority.essential - column.priority : nil,
                    names: column.names)
            })
        for row in rows {
            add(
                columns.map { column in
                    let cell = column.cell(row, context)
                    return Cell(DisplayText(untrusted: cell.text), style: Style.of(cell.style))
                })
        }
    }
}

extension Style {
    /// The command line's colour for a cell's meaning.
    static func of(_ style: CellStyle) -> Style {
        switch style {
        case .plain: .plain
        case .emphasis: .bold
        case .dim: .dim
        case .success: .green
        case .pending: .yellow
        case .info: .cyan
        case .error, .tier0: .red
        case .urgency(let urgency): .urgency(urgency)
        }
    }
}

extension CommandContext {
    /// What the command line's cells need: the command's time and its local clock times.
    var columns: ColumnContext {
        let now = clock.now()
        return ColumnContext(now: now, time: { [self] in localTime($0) }, dateTime: { [self] in localTime($0) })
    }
}
