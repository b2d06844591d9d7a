import Foundation
import PIMApp
import PIMTables

/// The pane's history rows read as the History table's entries.
extension HistoryRow: HistoryEntry {
    public var happenedAt: Date? { date }
    public var subject: String? { targetName }
    public var actorName: String? { actor }
    public var reason: String? { nil }
}
