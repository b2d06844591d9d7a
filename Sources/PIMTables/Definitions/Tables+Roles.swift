import Foundation
import PIMDomain

extension Tables {
    /// My roles: the pane and `pim roles`. TIER outlasts SCOPE, and SCOPE outlasts KIND, on a narrow
    /// terminal: an administrator reads a row by its name, state and tier; one Azure role is often held
    /// at several scopes, which only SCOPE tells apart, while SCOPE's "Group" already says most of KIND.
    public static let roles = TableDefinition<RoleEntry>([
        .targetName(width: .init(min: 14, max: 44, fills: true, cuttable: true), priority: 10) { $0.target },
        .targetKind(priority: 3) { $0.target },
        .targetScope(priority: 6) { $0.target },
        .targetTier(priority: 8) { $0.target },
        Column(
            "State", width: .init(min: 8, max: 12), priority: 9,
            json: ("state", { row, _ in .string(jsonState(row.state)) })
        ) { row, context in
            if let busy = context.busy[row.target.id] { return CellValue(busy, style: .info) }
            return switch row.state {
            case .active: CellValue("active", style: .success)
            case .pending: CellValue("pending", style: .pending)
            case .scheduled: CellValue("scheduled", style: .info)
            case .eligible: CellValue("eligible")
            }
        },
        Column("Time left", width: .init(min: 9, max: 9), priority: 9, alignRight: true, fronts: .screen) {
            row, context in
            if let start = row.scheduledStart { return startsIn(start, now: context.now) }
            guard let active = row.active else { return CellValue(row.state == .pending ? "approval" : "") }
            let remaining = active.remaining(at: context.now)
            return CellValue(Countdown.text(remaining: remaining), style: .urgency(Urgency(remaining: remaining)))
        },
        Column(
            "Left", width: .init(min: 9, max: 9), priority: 10, alignRight: true, fronts: .commandLine,
            json: ("remainingSeconds", { row, context in secondsLeft(row.active?.remaining(at: context.now)) })
        ) {
            row, context in
            if let start = row.scheduledStart { return startsIn(start, now: context.now) }
            return row.state == .active ? countdown(row.end, now: context.now) : CellValue(none)
        },
        Column(
            "Ends", width: .init(min: 6, max: 16), priority: 1, fronts: .commandLine,
            json: ("endDateTime", { row, _ in .date(row.active?.end) })
        ) { row, context in
            CellValue(row.state == .active ? context.time(row.end) : none)
        },
        Column("Requires", width: .init(min: 12, max: 44), priority: 2, fronts: .screen) { row, _ in
            CellValue(row.policy?.requirementLabels.joined(separator: ", ") ?? "")
        },
        // The command line also states the maximum duration, which the pane shows in its details.
        Column("Requires", width: .init(min: 12, max: 44, cuttable: true), priority: 9, fronts: .commandLine) {
            row, _ in
            let requires =
                row.policy.map { policy in
                    var labels = policy.requirementLabels
                    if let max = policy.maxDuration { labels.append("max \(max.shortDescription)") }
                    return labels.joined(separator: ", ")
                } ?? ""
            return CellValue(requires.isEmpty ? none : requires)
        },
    ])

    /// product.md's `state` of a row: a pending request leaves the target `eligible` until decided.
    public static func jsonState(_ state: RoleEntry.State) -> String {
        switch state {
        case .active: "active"
        case .scheduled: "scheduled"
        case .eligible, .pending: "eligible"
        }
    }

    /// "in 3h 10m": how long until a scheduled activation begins.
    static func startsIn(_ start: Date, now: Date) -> CellValue {
        let wait = start.timeIntervalSince(now)
        return CellValue(wait > 0 ? "in \(Countdown.text(remaining: wait))" : "starting", style: .info)
    }
}
