import Foundation

/// When a history window starts or ends, as typed: `pim history --until WHEN` and the History pane's
/// `since:WHEN` / `until:WHEN`. Pure: `now` is passed in.
public enum HistoryTime {
    /// Which end of the window the text names: a bare date is the start of that UTC day for `since`,
    /// and its end for `until`, so `since:2026-11-20 until:2026-11-20` is the whole day.
    public enum Edge: Sendable { case since, until }

    /// Why a WHEN could not be read.
    public struct ParseError: Error, Equatable, Sendable {
        public var message: String
    }

    /// `2026-11-20` (a UTC day), an ISO 8601 time, or a duration (`7d`) before `now`.
    public static func parse(_ text: String, now: Date, edge: Edge = .until) throws(ParseError) -> Date {
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")!
        day.dateFormat = "yyyy-MM-dd"
        if text.count == 10, let start = day.date(from: text) {
            return edge == .since ? start : start.addingTimeInterval(86_400 - 0.001)
        }
        for options in [
            ISO8601DateFormatter.Options.withInternetDateTime, [.withInternetDateTime, .withFractionalSeconds],
        ] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        if let ago = try? ActivationDuration(parsing: text) { return now.addingTimeInterval(-ago.timeInterval) }
        throw ParseError(
            message: "\"\(text)\" is neither a date (2026-11-20), an ISO 8601 time (2026-11-20T14:00:00Z) "
                + "nor a duration (7d).")
    }
}
