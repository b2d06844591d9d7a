import PIMApp
import PIMDomain
import PIMTables

/// Pane 3: my requests and PIM audit events, newest first.
enum HistoryView: PaneView {
    static let columns = PaneColumns(TableDefinition<HistoryRow>.history)

    static func table(_ state: AppState) -> TableWidget {
        makeTable(state, .history, columns, rows: state.history, empty: "No history yet.")
    }

    static func details(_ state: AppState, width: Int) -> [StyledLine] {
        guard let row = state.selectedHistory else { return [] }
        var lines = [
            detail("What", "\(row.activity) · \(row.targetName) · \(row.result)"),
            detail("When", "\(TextLayout.dateTime(row.date)) by \(row.actor ?? "unknown")"),
        ]
        if let justification = row.justification { lines.append(detail("Justification", justification)) }
        if let ticket = row.ticket, !ticket.isEmpty {
            lines.append(detail("Ticket", [ticket.number, ticket.system].compactMap { $0 }.joined(separator: " · ")))
        }
        if let id = row.requestId { lines.append(detail("Request id", id, style: .dim)) }
        lines.append(detail("Source", row.source == .request ? "my requests" : "PIM audit log", style: .dim))
        return lines
    }
}
