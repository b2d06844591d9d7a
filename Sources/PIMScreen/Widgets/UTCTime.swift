import Foundation
import PIMDomain

/// The UTC calendar fields of a date, by arithmetic (`CivilDate`): the views print several dates per
/// frame, and `Calendar.dateComponents` costs microseconds each. Seconds are floored, as the calendar does.
struct UTCTime: Equatable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (
            year, month, day, hour, minute, second
        )
    }

    init(_ date: Date) {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, seconds) = CivilDate.split(total)
        hour = seconds / 3_600
        minute = seconds % 3_600 / 60
        second = seconds % 60
        (year, month, day) = CivilDate.fields(ofDay: days)
    }

    /// `value` with leading zeros to `count` digits (`%02d`, `%04d`).
    static func digits(_ value: Int, _ count: Int = 2) -> String {
        let text = String(abs(value))
        let padded = text.count < count ? String(repeating: "0", count: count - text.count) + text : text
        return value < 0 ? "-" + padded : padded
    }
}
