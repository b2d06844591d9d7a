import Foundation

/// The UTC calendar fields of a date, by arithmetic: the views print several dates per frame, and
/// `Calendar.dateComponents` costs microseconds each. Proleptic Gregorian, as `Calendar(.gregorian)`
/// in UTC (days from civil, H. Hinnant's algorithm); seconds are floored, as the calendar does.
struct UTCTime: Equatable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    init(_ date: Date) {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let seconds = total - days * 86_400
        hour = seconds / 3_600
        minute = seconds % 3_600 / 60
        second = seconds % 60
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// `value` with leading zeros to `count` digits (`%02d`, `%04d`).
    static func digits(_ value: Int, _ count: Int = 2) -> String {
        let text = String(abs(value))
        let padded = text.count < count ? String(repeating: "0", count: count - text.count) + text : text
        return value < 0 ? "-" + padded : padded
    }
}
