import PIMApp
import PIMDomain

/// Pane 3: my requests and PIM audit events, newest first.
enum HistoryView: PaneView {
    static let columns = [
        TableColumn(title: "When", min: 17, max: 17, priority: 10),
        // The audit log's long activity names give way before the name of the role or group.
        TableColumn(title: "Activity", min: 10, max: 30, flex: true, priority: 10),
        TableColumn(title: "Role or group", min: 12, max: 48, priority: 9, names: true),
        TableColumn(title: "Result", min: 8, max: 16, priority: 8),
        // "By" is nearly always me in my own history: it gives way before the justification.
        TableColumn(title: "By", min: 8, max: 20, priority: 2),
        TableColumn(title: "Justification", min: 13, max: 50, priority: 4),
    ]

    static func table(_ state: AppState) -> TableWidget {
        makeTable(state, .history, columns: columns, empty: "No history yet.") { index, column in
            let row = state.history[index]
            switch column {
            case 0: return TableCell(untrusted: TextLayout.dateTime(row.date))
            case 1: return TableCell(untrusted: row.activity)
            case 2: return TableCell(untrusted: row.targetName)
            case 3:
                let result = row.result.lowercased()
                let style: StyleRole? = result.contains("fail") || result.contains("denied") ? .error
                    : (result.hasPrefix("pending") ? .pending : nil)
                return TableCell(untrusted: row.result, style: style)
            case 4: return TableCell(untrusted: row.actor ?? "")
            default: return TableCell(untrusted: row.justification ?? "")
            }
        }
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
