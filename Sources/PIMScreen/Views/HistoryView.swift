import PIMApp
import PIMDomain
import PIMTables

/// Pane 3: my requests and PIM audit events, newest first; with `m`, the requests I approved or denied.
enum HistoryView: PaneView {
    static let columns = PaneColumns(TableDefinition<HistoryRow>.history)
    static let decisionColumns = PaneColumns(Tables.myDecisions)

    static func table(_ state: AppState) -> TableWidget {
        guard state.historyMode == .myDecisions else {
            return makeTable(state, .history, columns, rows: state.history, empty: "No history yet.")
        }
        let empty: DisplayText =
            state.isLoadingDecisions ? "Loading your decisions…" : "You decided no requests: press m to go back."
        return makeTable(state, .history, decisionColumns, rows: state.myDecisions, empty: empty)
    }

    /// The tab's title: "History", or in the `m` view "History · my decisions" ("My decisions" when short).
    static func title(_ state: AppState, short: Bool = false) -> String {
        guard state.historyMode == .myDecisions else { return Pane.history.title }
        return short ? "My decisions" : "History · my decisions"
    }

    static func details(_ state: AppState, width: Int) -> [StyledLine] {
        if let request = state.selectedDecision { return decisionDetails(request) }
        guard let row = state.selectedHistory else { return [] }
        var lines = [
            detail("What", "\(row.activity) · \(row.targetName) · \(row.result)"),
            detail("When", "\(TextLayout.dateTime(row.date)) by \(row.actor ?? "unknown")"),
        ]
        if let review = row.review {
            lines.append(
                detail(
                    "Decided", review.summary { TextLayout.time($0) },
                    style: review.result == .denied ? .error : .normal))
        }
        if let justification = row.justification { lines.append(detail("Justification", justification)) }
        if let ticket = row.ticket, !ticket.isEmpty {
            lines.append(detail("Ticket", [ticket.number, ticket.system].compactMap { $0 }.joined(separator: " · ")))
        }
        if let id = row.requestId { lines.append(detail("Request id", id, style: .dim)) }
        lines.append(detail("Source", row.source == .request ? "my requests" : "PIM audit log", style: .dim))
        return lines
    }

    /// A request I decided: who asked for what, and my decision with its reason and time.
    static func decisionDetails(_ request: ElevationRequest) -> [StyledLine] {
        var lines = [
            detail(
                "Requester",
                [request.principal.label, request.principal.userPrincipalName.map { "<\($0)>" }]
                    .compactMap { $0 }.joined(separator: " ")),
            detail("Role or group", TargetSummary.line(request.target)),
        ]
        if let review = request.review {
            lines.append(
                detail(
                    "My decision", review.summary { TextLayout.dateTime($0) },
                    style: review.result == .denied ? .error : .normal))
        }
        lines.append(detail("Their reason", request.justification ?? "(none given)"))
        lines.append(detail("Request id", request.id, style: .dim))
        return lines
    }
}
