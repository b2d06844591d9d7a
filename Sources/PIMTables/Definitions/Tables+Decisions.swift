import Foundation
import PIMDomain

extension Tables {
    /// The requests I approved or denied (`pim history --mine-as-approver`, History's `m` view), newest
    /// decision first.
    public static let myDecisions = TableDefinition<ElevationRequest>([
        Column("Decided", width: .init(min: 17, max: 17), priority: 10, fronts: .both) { row, context in
            CellValue(context.dateTime(row.review?.reviewedAt))
        },
        Column("Decision", width: .init(min: 6, max: 10), priority: 10, fronts: .both) { row, _ in
            let denied = row.review?.result == .denied
            return CellValue(denied ? "Denied" : "Approved", style: denied ? .error : .plain)
        },
        Column("Requester", width: .init(min: 8, max: 30, cuttable: true), priority: 9, fronts: .both) {
            row, _ in CellValue(row.principal.label)
        },
        .targetName(width: .init(min: 12, max: 40, cuttable: true), priority: 10, fronts: .both) { $0.target },
        .targetKind(priority: 3, fronts: .both) { $0.target },
        Column("My reason", width: .init(min: 10, max: 60, cuttable: true), priority: 8, fronts: .both) {
            row, _ in CellValue(row.review?.justification ?? "")
        },
        Column("Id", width: .init(min: 8, max: 36), priority: 5, fronts: .commandLine) { row, _ in CellValue(row.id) },
    ])
}
