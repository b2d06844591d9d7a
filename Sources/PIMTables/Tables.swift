import Foundation
import PIMDomain

/// The tables pim shows, one definition list each (`Tables+Roles.swift`, …). The full screen and
/// the command line both read them, so adding a column is one line in one list.
public enum Tables {
    /// `-` on the command line, as its other empty cells.
    static let none = "-"

    /// A countdown to `end` from `now`, coloured by urgency when there is an end.
    static func countdown(_ end: Date?, now: Date) -> CellValue {
        let remaining = end.map { $0.timeIntervalSince(now) }
        let style: CellStyle = end == nil ? .plain : .urgency(Urgency(remaining: remaining))
        return CellValue(Countdown.text(remaining: remaining), style: style)
    }

    /// Seconds left until `end`, never negative; nil without an end.
    static func secondsLeft(_ remaining: Double?) -> FieldValue {
        .int(remaining.map { max(0, Int($0)) })
    }
}
