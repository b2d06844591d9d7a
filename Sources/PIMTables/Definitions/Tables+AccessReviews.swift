import Foundation
import PIMDomain

extension Tables {
    /// Access review decisions assigned to me (`pim reviews`), grouped by review, soonest due first.
    public static let accessReviews = TableDefinition<AccessReviewDecision>([
        Column("Review", width: .init(min: 10, max: 36, cuttable: true), priority: 8, fronts: .commandLine) {
            row, _ in CellValue(row.reviewName)
        },
        Column("Principal", width: .init(min: 8, max: 28, cuttable: true), priority: 10, fronts: .commandLine) {
            row, _ in CellValue(row.principal.label)
        },
        Column("Resource", width: .init(min: 10, max: 40, cuttable: true), priority: 9, fronts: .commandLine) {
            row, _ in CellValue(row.resourceName)
        },
        Column("Tier", width: .init(min: 6, max: 6), priority: 4, fronts: .commandLine) { row, _ in
            CellValue(row.tier.label, style: .tier(row.tier))
        },
        Column("Recommendation", width: .init(min: 7, max: 15), priority: 7, fronts: .commandLine) { row, _ in
            CellValue(row.recommendation.rawValue)
        },
        Column("Decision", width: .init(min: 7, max: 11), priority: 10, fronts: .commandLine) { row, _ in
            CellValue(
                row.verdict.rawValue,
                style: row.verdict == .deny ? .error : row.verdict == .notReviewed ? .pending : .plain)
        },
        Column("Due", width: .init(min: 6, max: 16), priority: 6, fronts: .commandLine) { row, context in
            CellValue(context.dateTime(row.dueDateTime))
        },
        Column("Decision id", width: .init(min: 8, max: 8), priority: 10, fronts: .commandLine) { row, _ in
            CellValue(String(row.decisionId.prefix(8)))
        },
        // The Reviews pane: its review is the header row above, so who, what, the advice and my answer.
        Column("Who", width: .init(min: 10, max: 28), priority: 10, fronts: .screen) { row, _ in
            CellValue(row.principal.label)
        },
        Column("What", width: .init(min: 12, max: 60, fills: true), priority: 10, names: true, fronts: .screen) {
            row, _ in CellValue(row.resourceName)
        },
        Column("Tier", width: .init(min: 6, max: 6), priority: 4, fronts: .screen) { row, _ in
            CellValue(row.tier.label, style: .tier(row.tier))
        },
        Column("Recommended", width: .init(min: 7, max: 15), priority: 7, fronts: .screen) { row, _ in
            CellValue(row.recommendation == .noInfoAvailable ? "—" : row.recommendation.rawValue, style: .dim)
        },
        Column("My decision", width: .init(min: 11, max: 12), priority: 9, fronts: .screen) { row, _ in
            CellValue(
                row.verdict == .notReviewed ? "waiting" : row.verdict.label,
                style: row.verdict == .deny ? .error : row.verdict == .notReviewed ? .pending : .success)
        },
    ])
}
