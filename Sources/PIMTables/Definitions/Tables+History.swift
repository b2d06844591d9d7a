import Foundation
import PIMDomain

/// A line of history as the History table reads it: the pane's rows (my requests and audit events)
/// and the command line's audit events both give these.
public protocol HistoryEntry: Sendable {
    var happenedAt: Date? { get }
    var activity: String { get }
    /// The role or group the entry is about.
    var subject: String? { get }
    var result: String { get }
    /// What became of it, from the service's typed value (styles the result).
    var outcome: Outcome { get }
    /// Who did it.
    var actorName: String? { get }
    var justification: String? { get }
    /// Why the service gave that result.
    var reason: String? { get }
}

extension AuditEvent: HistoryEntry {
    public var happenedAt: Date? { self.date }
    public var activity: String { storage.fields.activity }
    public var result: String { storage.fields.result }
    public var subject: String? { self.targetName }
    public var actorName: String? { self.initiatedBy?.label }
    public var justification: String? { nil }
    public var reason: String? { self.resultReason }
}

extension TableDefinition where Row: HistoryEntry {
    /// My requests and PIM audit events: the pane and `pim history`, newest first. "By" is nearly
    /// always me in my own history: it gives way before the justification.
    public static var history: TableDefinition<Row> {
        TableDefinition([
            Column("When", width: .init(min: 17, max: 17), priority: 10, fronts: .screen) { row, context in
                CellValue(context.dateTime(row.happenedAt))
            },
            Column(
                "Date", width: .init(min: 17, max: 17), priority: 10, fronts: .commandLine,
                json: ("date", { row, _ in .date(row.happenedAt) })
            ) { row, context in
                CellValue(context.dateTime(row.happenedAt))
            },
            // The audit log's long activity names give way before the name of the role or group.
            Column(
                "Activity", width: .init(min: 10, max: 30, fills: true, cuttable: true), priority: 10,
                json: ("activity", { row, _ in .string(row.activity) })
            ) { row, _ in CellValue(row.activity) },
            Column("Role or group", width: .init(min: 12, max: 48), priority: 9, names: true, fronts: .screen) {
                row, _ in
                CellValue(row.subject ?? "")
            },
            Column(
                "Result", width: .init(min: 8, max: 16), priority: 10, fronts: .commandLine,
                json: ("result", { row, _ in .string(row.result) })
            ) { row, _ in
                CellValue(row.result, style: row.outcome == .succeeded ? .plain : .error)
            },
            Column(
                "Name", width: .init(min: 12, max: 48, cuttable: true), priority: 10, names: true,
                fronts: .commandLine, json: ("name", { row, _ in .string(row.subject) })
            ) { row, _ in
                CellValue(row.subject ?? Tables.none, style: .emphasis)
            },
            Column("Result", width: .init(min: 8, max: 16), priority: 8, fronts: .screen) { row, _ in
                let style: CellStyle =
                    switch row.outcome {
                    case .failed: .error
                    case .pending: .pending
                    case .succeeded, .other: .plain
                    }
                return CellValue(row.result, style: style)
            },
            Column("By", width: .init(min: 8, max: 20), priority: 2, fronts: .screen) { row, _ in
                CellValue(row.actorName ?? "")
            },
            Column("By", width: .init(min: 8, max: 20, cuttable: true), priority: 1, fronts: .commandLine) { row, _ in
                CellValue(row.actorName ?? Tables.none)
            },
            Column("Justification", width: .init(min: 13, max: 50), priority: 4, fronts: .screen) { row, _ in
                CellValue(row.justification ?? "")
            },
            Column(
                "Reason", width: .init(min: 13, max: 50, cuttable: true), priority: 9, fronts: .commandLine,
                json: ("resultReason", { row, _ in .string(row.reason) })
            ) { row, _ in CellValue(row.reason ?? "") },
        ])
    }
}

extension Tables {
    /// The command line's history (`pim history`), built once.
    public static let auditHistory: TableDefinition<AuditEvent> = .history
}
