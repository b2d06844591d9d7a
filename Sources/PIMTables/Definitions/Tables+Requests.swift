import Foundation
import PIMDomain

extension Tables {
    /// My requests (`pim requests`), newest first; pending ones marked with `*`.
    public static let requests = TableDefinition<ElevationRequest>([
        Column(" ", width: .init(min: 1, max: 1), priority: 10, fronts: .commandLine) { row, _ in
            CellValue(row.status.isPending ? "*" : "", style: .pending)
        },
        Column(
            "Id", width: .init(min: 8, max: 36), priority: 10, fronts: .commandLine,
            json: ("id", { row, _ in .string(row.id) })
        ) { row, _ in CellValue(row.id) },
        Column("Action", width: .init(min: 6, max: 12), priority: 10, fronts: .commandLine) { row, _ in
            CellValue(row.action.verb)
        },
        .targetName(width: .init(min: 12, max: 40, cuttable: true), priority: 10, fronts: .commandLine) { $0.target },
        .targetKind(priority: 3, fronts: .commandLine) { $0.target },
        // The scope tells one Azure role at two scopes apart; JSON has `scope` (and, for Azure, `scopeName`).
        .targetScope(priority: 4, fronts: .commandLine, json: false) { $0.target },
        Column(
            "Status", width: .init(min: 6, max: 20), priority: 10, fronts: .commandLine,
            json: ("status", { row, _ in .string(row.status.graphValue) })
        ) { row, _ in
            let style: CellStyle = row.status.isPending ? .pending : (row.status.isRefusal ? .error : .plain)
            return CellValue(row.status.graphValue, style: style)
        },
        Column(
            "Created", width: .init(min: 6, max: 16), priority: 1, fronts: .commandLine,
            json: ("createdDateTime", { row, _ in .date(row.createdAt) })
        ) { row, context in
            CellValue(context.dateTime(row.createdAt))
        },
        Column(
            "Duration", width: .init(min: 5, max: 8), priority: 2, fronts: .commandLine,
            json: ("duration", { row, _ in .string(row.duration?.iso8601) })
        ) { row, _ in
            CellValue(row.duration?.shortDescription ?? none)
        },
        Column(
            "Justification", width: .init(min: 12, max: 60, cuttable: true), priority: 9, fronts: .commandLine,
            json: ("justification", { row, _ in .string(row.justification) })
        ) { row, _ in
            CellValue(row.justification ?? "")
        },
        // Who approved or denied, and why: what a requester asks first about a denial.
        Column("Decided by", width: .init(min: 8, max: 30, cuttable: true), priority: 8, fronts: .commandLine) {
            row, _ in CellValue(row.review.map(\.reviewerName) ?? "")
        },
        Column("Reason", width: .init(min: 8, max: 60, cuttable: true), priority: 8, fronts: .commandLine) { row, _ in
            CellValue(row.review?.justification ?? "")
        },
    ])
}
