import Foundation

/// Why a typed start time was not understood, as a sentence that says what to type instead.
public struct StartParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// When an activation begins, as typed: `+2h` (from now), `HH:MM` (today, or tomorrow once that time
/// has passed) or an ISO 8601 date and time. Pure: the clock and the time zone are given.
public enum ActivationStart {
    static let examples = "write it like +2h, 14:30 or 2026-12-08T09:00"

    /// The instant `text` names, or nil when it is empty (start now).
    public static func parse(_ text: String, now: Date, timeZone: TimeZone) throws(StartParseError) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        if trimmed.hasPrefix("+") {
            do throws(DurationParseError) {
                let offset = try ActivationDuration(parsing: String(trimmed.dropFirst()))
                return now.addingTimeInterval(offset.timeInterval)
            } catch {
                throw StartParseError("The start \"\(text)\" is not a time from now: \(examples).")
            }
        }
        if let clock = clockTime(trimmed) {
            return nextOccurrence(hour: clock.hour, minute: clock.minute, after: now, timeZone: timeZone)
        }
        if let instant = isoInstant(trimmed, timeZone: timeZone) { return instant }
        throw StartParseError("The start \"\(text)\" is not a time pim can read: \(examples).")
    }

    /// `H:MM` or `HH:MM`, 00:00 to 23:59.
    private static func clockTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60
        else { return nil }
        return (hour, minute)
    }

    /// Today at that time in `timeZone`, or tomorrow when that moment is already more than a minute past.
    private static func nextOccurrence(hour: Int, minute: Int, after now: Date, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var parts = calendar.dateComponents([.year, .month, .day], from: now)
        parts.hour = hour
        parts.minute = minute
        guard let today = calendar.date(from: parts) else { return nil }
        if today >= now.addingTimeInterval(-60) { return today }
        return calendar.date(byAdding: .day, value: 1, to: today)
    }

    /// A full ISO 8601 date and time: with an offset or `Z` as given, without one in `timeZone`.
    private static func isoInstant(_ text: String, timeZone: TimeZone) -> Date? {
        let zoned = ISO8601DateFormatter()
        zoned.formatOptions = [.withInternetDateTime]
        if let date = zoned.date(from: text) { return date }
        zoned.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = zoned.date(from: text) { return date }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.calendar = Calendar(identifier: .gregorian)
        local.timeZone = timeZone
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm"] {
            local.dateFormat = format
            if let date = local.date(from: text) { return date }
        }
        return nil
    }
}
