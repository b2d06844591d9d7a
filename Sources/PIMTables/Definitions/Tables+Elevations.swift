import Foundation
import PIMDomain

extension Tables {
    /// Every active elevation in the tenant: the pane and `pim elevations`, soonest end first.
    public static let elevations = TableDefinition<ActiveAssignment>([
        Column(
            "Tier", width: .init(min: 6, max: 6), priority: 10, fronts: .commandLine,
            json: ("tier", { row, _ in .string(row.target.tier.label) })
        ) { row, _ in
            CellValue(row.target.tier.label, style: .tier(row.target.tier))
        },
        Column("User", width: .init(min: 10, max: 28, cuttable: true), priority: 10) { row, _ in
            CellValue(row.principal.label)
        },
        Column(
            "Role or group", width: .init(min: 12, max: 40, fills: true), priority: 10, names: true,
            fronts: .screen
        ) { row, _ in CellValue(row.target.displayName)
        },
        Column(
            "Name", width: .init(min: 12, max: 40, cuttable: true), priority: 10, names: true, fronts: .commandLine,
            json: ("name", { row, _ in .string(row.target.displayName) })
        ) { row, _ in
            CellValue(row.target.displayName, style: .emphasis)
        },
        Column("Kind", width: .init(min: 5, max: 12), priority: 4) { row, _ in CellValue(row.target.kind.label) },
        Column(
            "Scope", width: .init(min: 9, max: 20, cuttable: true), priority: 3,
            json: ("scopeName", { row, _ in .string(row.target.scopeLabel) })
        ) { row, _ in
            CellValue(row.target.scopeLabel)
        },
        Column("Ends", width: .init(min: 6, max: 6), priority: 6, fronts: .screen) { row, context in
            CellValue(context.time(row.end))
        },
        Column("Time left", width: .init(min: 9, max: 9), priority: 10, alignRight: true, fronts: .screen) {
            row, context in
            let remaining = row.remaining(at: context.now)
            return CellValue(Countdown.text(remaining: remaining), style: .urgency(Urgency(remaining: remaining)))
        },
        Column(
            "Left", width: .init(min: 9, max: 9), priority: 10, alignRight: true, fronts: .commandLine,
            json: ("remainingSeconds", { row, context in secondsLeft(row.remaining(at: context.now)) })
        ) {
            row, context in countdown(row.end, now: context.now)
        },
        Column(
            "Ends", width: .init(min: 6, max: 16), priority: 2, fronts: .commandLine,
            json: ("endDateTime", { row, _ in .date(row.end) })
        ) { row, context in
            CellValue(context.time(row.end))
        },
    ])
}
