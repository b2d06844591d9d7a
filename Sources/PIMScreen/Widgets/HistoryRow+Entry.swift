import Foundation
import PIMApp
import PIMDomain
import PIMTables

/// The pane's history rows read as the History table's entries.
extension HistoryRow: HistoryEntry {
    public var happenedAt: Date? { fields.date }
    public var activity: String { fields.activity }
    public var subject: String? { fields.targetName }
    public var result: String { fields.result }
    public var actorName: String? { fields.actor }
    public var justification: String? { fields.justification }
    public var reason: String? { nil }
    /// A request row's result is its status in Graph's spelling; an audit row's is the record's `result`.
    public var outcome: Outcome {
        let fields = fields
        return switch fields.source {
        case .request: RequestStatus(graphValue: fields.result).outcome
        case .audit: AuditEvent.outcome(ofResult: fields.result)
        }
    }
}
