import PIMApp
import PIMDomain

/// Pane 1: eligible and active roles and groups, with tier, state, live countdown and requirements.
enum MyRolesView: PaneView {
    static let columns = [
        TableColumn(title: "Name", min: 14, max: 44, flex: true, priority: 10, names: true),
        TableColumn(title: "Kind", min: 5, max: 12, priority: 6),
        TableColumn(title: "Scope", min: 9, max: 20, priority: 3),
        TableColumn(title: "Tier", min: 6, max: 6, priority: 8),
        TableColumn(title: "State", min: 8, max: 12, priority: 9),
        TableColumn(title: "Time left", min: 9, max: 9, priority: 9, alignRight: true),
        TableColumn(title: "Requires", min: 12, max: 44, priority: 2),
    ]

    static func table(_ state: AppState) -> TableWidget {
        makeTable(state, .myRoles, columns: columns,
                  empty: "No eligible roles or groups: ask an administrator for an eligibility.") { index, column in
            let role = state.roles[index]
            switch column {
            case 0: return TableCell(untrusted: role.target.displayName)
            case 1: return TableCell(untrusted: role.target.kind.label)
            case 2: return TableCell(untrusted: role.target.scopeLabel)
            case 3: return TableCell(untrusted: role.target.tier.label, style: role.target.tier == .tier0 ? .tier0 : nil)
            case 4:
                if let busy = state.busy[role.target.id] { return TableCell(untrusted: busy, style: .info) }
                switch role.state {
                case .active: return TableCell(untrusted: "active", style: .success)
                case .pending: return TableCell(untrusted: "pending", style: .pending)
                case .eligible: return TableCell(untrusted: "eligible")
                }
            case 5:
                guard let active = role.active else { return TableCell(untrusted: role.state == .pending ? "approval" : "") }
                let remaining = active.remaining(at: state.now)
                return TableCell(untrusted: Countdown.text(remaining: remaining), style: TextLayout.urgencyStyle(remaining))
            default:
                return TableCell(untrusted: role.policy?.requirementLabels.joined(separator: ", ") ?? "")
            }
        }
    }

    static func details(_ state: AppState, width: Int) -> [StyledLine] {
        guard let role = state.selectedRole else { return [] }
        let target = role.target
        var lines = [detail("Role or group", "\(target.displayName) · \(target.kind.label) · \(target.scopeLabel) · \(target.tier.label)",
                            style: target.tier == .tier0 ? .tier0 : .normal)]
        if let policy = role.policy {
            let max = policy.maxDuration.map { "max \($0.shortDescription)" } ?? "no maximum stated"
            let needs = policy.requirementLabels.isEmpty ? "nothing else" : policy.requirementLabels.joined(separator: ", ")
            lines.append(detail("Policy", "\(max) · requires \(needs)"))
        } else {
            lines.append(detail("Policy", "not loaded: the service decides when you send"))
        }
        if let active = role.active {
            let remaining = active.remaining(at: state.now)
            let until = active.end.map { "until \(TextLayout.dateTime($0)) (\(Countdown.text(remaining: remaining)) left)" } ?? "permanently"
            lines.append(detail("Active", "since \(TextLayout.dateTime(active.start)) \(until)", style: TextLayout.urgencyStyle(remaining)))
        } else if let request = role.pendingRequest {
            lines.append(detail("Pending", "request \(request.id) since \(TextLayout.dateTime(request.createdAt)), \(request.status.graphValue)", style: .pending))
            if let justification = request.justification { lines.append(detail("Justification", justification)) }
            if let ticket = request.ticket, !ticket.isEmpty {
                lines.append(detail("Ticket", [ticket.number, ticket.system].compactMap { $0 }.joined(separator: " · ")))
            }
        } else if let eligibility = role.eligibility {
            lines.append(detail("Eligible", eligibility.end.map { "until \(TextLayout.dateTime($0))" } ?? "permanently"))
        }
        if let description = target.description, !description.isEmpty { lines.append(detail("About", description)) }
        lines.append(detail("Id", target.id.description, style: .dim))
        return lines
    }
}
