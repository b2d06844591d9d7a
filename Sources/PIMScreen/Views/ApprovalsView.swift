import Foundation
import PIMApp
import PIMDomain

/// Pane 2: requests waiting for my decision, oldest first, with two clocks: how long each has
/// waited and what is left of the service's fixed 24-hour approval window.
enum ApprovalsView: PaneView {
    static let columns = [
        TableColumn(title: "Requester", min: 10, max: 24, priority: 9),
        TableColumn(title: "Role or group", min: 12, max: 36, flex: true, priority: 10, names: true),
        TableColumn(title: "Kind", min: 5, max: 12, priority: 3),
        TableColumn(title: "Tier", min: 6, max: 6, priority: 7),
        TableColumn(title: "For", min: 5, max: 8, priority: 6),
        TableColumn(title: "Waited", min: 7, max: 8, priority: 8, alignRight: true),
        TableColumn(title: "Window", min: 7, max: 8, priority: 8, alignRight: true),
        TableColumn(title: "Ticket", min: 8, max: 16, priority: 3),
        TableColumn(title: "Justification", min: 12, max: 60, priority: 5),
    ]

    static func table(_ state: AppState) -> TableWidget {
        makeTable(state, .approvals, columns: columns, empty: "No request waits for your decision.") { index, column in
            let item = state.approvals[index]
            let request = item.request
            switch column {
            case 0: return TableCell(untrusted: request.principal.label)
            case 1: return TableCell(untrusted: request.target.displayName)
            case 2: return TableCell(untrusted: request.target.kind.label)
            case 3: return TableCell(untrusted: request.target.tier.label, style: request.target.tier == .tier0 ? .tier0 : nil)
            case 4: return TableCell(untrusted: request.duration?.shortDescription ?? "—")
            case 5: return TableCell(untrusted: item.waited(at: state.now).map { Countdown.elapsed($0) } ?? "—")
            case 6:
                let left = item.windowLeft(at: state.now)
                return TableCell(untrusted: left.map { Countdown.text(remaining: $0) } ?? "—", style: TextLayout.urgencyStyle(left))
            case 7: return TableCell(untrusted: request.ticket?.number ?? "")
            default: return TableCell(untrusted: request.justification ?? "")
            }
        }
    }

    static func details(_ state: AppState, width: Int) -> [StyledLine] {
        guard let item = state.selectedApproval else { return [] }
        return lines(for: item, now: state.now)
    }

    /// Every detail of a request, shared with the request dialog.
    static func lines(for item: ApprovalItem, now: Date) -> [StyledLine] {
        let request = item.request
        var lines = [
            detail("Requester", [request.principal.label, request.principal.userPrincipalName.map { "<\($0)>" }]
                .compactMap { $0 }.joined(separator: " ")),
            detail("Role or group", "\(request.target.displayName) · \(request.target.kind.label) · \(request.target.scopeLabel) · \(request.target.tier.label)",
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
        lines.append(detail("Requested", "\(TextLayout.dateTime(request.createdAt)) · waited \(waited) · \(left.map { Countdown.text(remaining: $0) } ?? "—") left to decide",
                            style: TextLayout.urgencyStyle(left)))
        lines.append(detail("Request id", request.id, style: .dim))
        return lines
    }
}
