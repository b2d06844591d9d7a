import PIMApp
import PIMDomain
import PIMTables

/// Pane 1: eligible and active roles, groups and Azure roles, with tier, state, live countdown and requirements.
enum MyRolesView: PaneView {
    static let columns = PaneColumns(Tables.roles)

    static func table(_ state: AppState) -> TableWidget {
        makeTable(
            state, .myRoles, columns, rows: state.roles,
            empty: "No eligible roles or groups: ask an administrator for an eligibility.")
    }

    static func details(_ state: AppState, width: Int) -> [StyledLine] {
        guard let role = state.selectedRole else { return [] }
        let target = role.target
        let isAzure = target.kind.family == .azure
        // What follows a detail's label: the strip is drawn from column 1 to one short of the edge.
        let room = width - 2 - labelWidth
        var lines: [StyledLine]
        if isAzure {
            let member = (role.eligibility?.memberType ?? role.active?.memberType).map {
                " · member: \($0.interfaceLabel)"
            }
            lines = [
                detail(
                    "Azure role", "\(target.displayName) · \(target.tier.label)\(member ?? "")",
                    style: target.tier == .tier0 ? .tier0 : .normal),
                detail("Scope", "\(target.scopeLabel) · \(target.azureScopeKind.label)"),
                detail("Scope id", TargetSummary.armId(target.id.scope ?? "/", room: room), style: .dim),
            ]
        } else {
            lines = [
                detail("Role or group", TargetSummary.line(target), style: target.tier == .tier0 ? .tier0 : .normal)
            ]
            if let gives = GivesLine.text(for: role, room: room) {
                lines.append(detail("Gives", gives, style: role.confersUnread && role.confers.isEmpty ? .dim : .normal))
            }
        }
        if let policy = role.policy {
            let max = policy.maxDuration.map { "max \($0.shortDescription)" } ?? "no maximum stated"
            let needs =
                policy.requirementLabels.isEmpty ? "nothing else" : policy.requirementLabels.joined(separator: ", ")
            lines.append(detail("Policy", "\(max) · requires \(needs)"))
        } else {
            lines.append(detail("Policy", "not loaded: the service decides when you send"))
        }
        if let active = role.active {
            let remaining = active.remaining(at: state.now)
            let until =
                active.end.map { "until \(TextLayout.dateTime($0)) (\(Countdown.text(remaining: remaining)) left)" }
                ?? "permanently"
            lines.append(
                detail(
                    "Active", "since \(TextLayout.dateTime(active.start)) \(until)",
                    style: TextLayout.urgencyStyle(remaining)))
        } else if let request = role.pendingRequest {
            lines.append(
                detail(
                    "Pending",
                    """
                    request \(request.id) since \(TextLayout.dateTime(request.createdAt)), \(request.status.graphValue)
                    """,
                    style: .pending))
            if let justification = request.justification { lines.append(detail("Justification", justification)) }
            if let ticket = request.ticket, !ticket.isEmpty {
                lines.append(
                    detail("Ticket", [ticket.number, ticket.system].compactMap { $0 }.joined(separator: " · ")))
            }
        } else if let request = role.scheduledRequest, let start = request.start {
            let wait = start.timeIntervalSince(state.now)
            let length = request.duration.map { " for \($0.shortDescription)" } ?? ""
            let when = wait > 0 ? "starts in \(Countdown.text(remaining: wait))" : "starting"
            lines.append(
                detail(
                    "Scheduled", "\(when) at \(TextLayout.dateTime(start))\(length) · request \(request.id)",
                    style: .info))
            if let justification = request.justification { lines.append(detail("Justification", justification)) }
        } else if let eligibility = role.eligibility {
            lines.append(
                detail("Eligible", eligibility.end.map { "until \(TextLayout.dateTime($0))" } ?? "permanently"))
        }
        if let description = target.description, !description.isEmpty { lines.append(detail("About", description)) }
        if isAzure {
            lines.append(detail("Role id", TargetSummary.armId(target.id.resourceId, room: room), style: .dim))
        } else {
            lines.append(detail("Id", target.id.description, style: .dim))
        }
        return lines
    }
}
