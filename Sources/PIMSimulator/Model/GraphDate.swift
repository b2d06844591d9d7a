import Foundation
import PIMDomain

/// Date text as Graph writes and accepts it: ISO 8601 in UTC, fractional seconds when present.
enum GraphDate {
    static func format(_ date: Date) -> String {
        if let fast = UTCFields.iso8601(date) { return fast }
        let whole = date.timeIntervalSince1970.rounded(.down)
        let millis = Int(((date.timeIntervalSince1970 - whole) * 1000).rounded())
        if millis == 0 || millis == 1000 {
            return Date(timeIntervalSince1970: whole + (millis == 1000 ? 1 : 0))
                .formatted(Date.ISO8601FormatStyle())
        }
        return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The `innerError.date` form: no zone, no fraction (`2026-01-06T08:00:01`).
    static func formatInnerError(_ date: Date) -> String {
        String(format(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))).dropLast())
    }

    /// Accepts `…Z`, `…+02:00`, fractions of any length, and zone-less text (read as UTC).
    static func parse(_ text: String) -> Date? {
        switch UTCFields.parse(text) {
        case .date(let date): return date
        case .notADate: return nil
        case .unsure: break
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let d = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return d }
        if let d = try? Date(trimmed, strategy: Date.ISO8601FormatStyle()) { return d }
        let zoneless = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().time(
            includingFractionalSeconds: true)
        if let d = try? Date(trimmed, strategy: zoneless) { return d }
        let zonelessWhole = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().time(
            includingFractionalSeconds: false)
        if let d = try? Date(trimmed, strategy: zonelessWhole) { return d }
        return nil
    }

    /// `Mon, 06 Jan 2026 08:00:01 GMT` for the `Date` header. By arithmetic (`CivilDate`): every answer
    /// carries one, and a Gregorian `Calendar` costs a demo start its first use of ICU.
    static func httpDate(_ date: Date) -> String {
        let (day, second) = CivilDate.split(Int(date.timeIntervalSince1970.rounded(.down)))
        let (year, month, dayOfMonth) = CivilDate.fields(ofDay: day)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        // 1970-01-01 was a Thursday.
        let weekday = ((day % 7) + 7 + 4) % 7
        func two(_ n: Int) -> String { String(n).leftPadded(2) }
        return
            """
            \(days[weekday]), \(two(dayOfMonth)) \(months[month - 1]) \(year) \
            \(two(second / 3600)):\(two(second % 3600 / 60)):\(two(second % 60)) GMT
            """
    }
}
