import Foundation
import PIMDomain

extension Tables {
    /// Every active elevation in the tenant: the pane and `pim elevations`, soonest end first.
    public static let elevations = TableDefinition<ActiveAssignment>([
        .targetTier(priority: 10, fronts: .commandLine) { $0.target },
        Column("User", width: .init(min: 10, max: 28, cuttable: true), priority: 10) { row, _ in
            CellValue(row.principal.label)
        },
        Column(
            "Role or group", width: .init(min: 12, max: 40, fills: true), priority: 10, names: true,
            fronts: .screen
        ) { row, _ in CellValue(row.target.displayName)
        },
        .targetName(width: .init(min: 12, max: 40, cuttable: true), priority: 10, fronts: .commandLine) { $0.target },
        .targetKind(priority: 4) { $0.target },
        .targetScope(priority: 3) { $0.target },
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
