import Foundation
import PIMDomain

extension Tables {
    /// Requests waiting for my decision: the pane and `pim approvals`, with how long each has waited
    /// and what is left of the service's 24-hour approval window.
    public static let approvals = TableDefinition<ApprovalItem>([
        Column(
            "Id", width: .init(min: 8, max: 36), priority: 10, fronts: .commandLine,
            json: ("id", { row, _ in .string(row.request.id) })
        ) { row, _ in CellValue(row.request.id) },
        Column("Requester", width: .init(min: 10, max: 24, cuttable: true), priority: 9) { row, _ in
            CellValue(row.request.principal.label)
        },
        Column(
            "Role or group", width: .init(min: 12, max: 36, fills: true), priority: 10, names: true,
            fronts: .screen
        ) { row, _ in CellValue(row.request.target.displayName)
        },
        .targetName(width: .init(min: 12, max: 36, cuttable: true), priority: 10, fronts: .commandLine) {
            $0.request.target
        },
        .targetKind(priority: 3) { $0.request.target },
        // An approver tells one Azure role at two scopes apart by it: shown where the width allows (the
        // detail strip always names it), never at the cost of the role's name.
        .targetScope(priority: 2, json: false) { $0.request.target },
        .targetTier(priority: 7) { $0.request.target },
        Column("For", width: .init(min: 5, max: 8), priority: 6, fronts: .screen) { row, _ in
            CellValue(row.request.duration?.shortDescription ?? "—")
        },
        Column("Duration", width: .init(min: 5, max: 8), priority: 2, fronts: .commandLine) { row, _ in
            CellValue(row.request.duration?.shortDescription ?? none)
        },
        Column("Waited", width: .init(min: 7, max: 8), priority: 8, alignRight: true, fronts: .screen) { row, context in
            CellValue(row.waited(at: context.now).map { Countdown.elapsed($0) } ?? "—")
        },
        Column(
            "Waited", width: .init(min: 7, max: 8), priority: 10, alignRight: true, fronts: .commandLine,
            json: ("waitedSeconds", { row, context in secondsLeft(row.waited(at: context.now)) })
        ) { row, context in
            CellValue(row.waited(at: context.now).map(Countdown.elapsed) ?? none)
        },
        Column("Window", width: .init(min: 7, max: 8), priority: 8, alignRight: true, fronts: .screen) { row, context in
            let left = row.windowLeft(at: context.now)
            let text = left.map { Countdown.text(remaining: $0) } ?? "—"
            return CellValue(text, style: .urgency(Urgency(remaining: left)))
        },
        Column("Window", width: .init(min: 7, max: 8), priority: 10, alignRight: true, fronts: .commandLine) {
            row, context in
            guard let left = row.windowLeft(at: context.now) else { return CellValue(none) }
            return CellValue(Countdown.text(remaining: left), style: .urgency(Urgency(remaining: left)))
        },
        Column("Ticket", width: .init(min: 8, max: 16), priority: 3, fronts: .screen) { row, _ in
            CellValue(row.request.ticket?.number ?? "")
        },
        Column("Ticket", width: .init(min: 8, max: 16), priority: 1, fronts: .commandLine) { row, _ in
            CellValue(row.request.ticket?.number ?? none)
        },
        Column("Justification", width: .init(min: 12, max: 60), priority: 5, fronts: .screen) { row, _ in
            CellValue(row.request.justification ?? "")
        },
        Column("Justification", width: .init(min: 12, max: 60, cuttable: true), priority: 9, fronts: .commandLine) {
            row, _ in CellValue(row.request.justification ?? "")
        },
    ])
}
