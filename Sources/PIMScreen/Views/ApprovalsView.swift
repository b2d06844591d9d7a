import Foundation
import PIMApp
import PIMDomain
import PIMTables

/// Pane 2: requests waiting for my decision, oldest first, with two clocks: how long each has
/// waited and what is left of the service's fixed 24-hour approval window.
enum ApprovalsView: PaneView {
    static let columns = PaneColumns(Tables.approvals)

    static func table(_ state: AppState) -> TableWidget {
        makeTable(state, .approvals, columns, rows: state.approvals, empty: "No request waits for your decision.")
    }

    static func details(_ state: AppState, width: Int) -> [StyledLine] {
        guard let item = state.selectedApproval else { return [] }
        return lines(for: item, now: state.now)
    }

    /// Every detail of a request, shared with the request dialog.
    static func lines(for item: ApprovalItem, now: Date) -> [StyledLine] {
        let request = item.request
        var lines = [
            detail(
                "Requester",
                [request.principal.label, request.principal.userPrincipalName.map { "<\($0)>" }]
                    .compactMap { $0 }.joined(separator: " ")),
            detail(
                "Role or group", TargetSummary.line(request.target),
                style: request.target.tier == .tier0 ? .tier0 : .normal),
            detail("Justification", request.justification ?? "(none given)"),
        ]
        if let ticket = request.ticket, !ticket.isEmpty {
            lines.append(detail("Ticket", [ticket.number, ticket.system].compactMap { $0 }.joined(separator: " · ")))
        }
        let start = request.start.map { "from \(TextLayout.dateTime($0))" } ?? "from approval"
        lines.append(detail("Duration", "\(request.duration?.shortDescription ?? "not stated") \(start)"))
        let waited = item.waited(at: now).map { Countdown.elapsed($0) } ?? "—"
        let left = item.windowLeft(at: now)
        lines.append(
            detail(
                "Requested",
                """
                \(TextLayout.dateTime(request.createdAt)) · waited \(waited) · \
                \(left.map { Countdown.text(remaining: $0) } ?? "—") left to decide
                """,
                style: TextLayout.urgencyStyle(left)))
        lines.append(detail("Request id", request.id, style: .dim))
        return lines
    }
}
