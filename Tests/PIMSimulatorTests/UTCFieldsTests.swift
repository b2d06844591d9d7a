import Foundation
import Testing
@testable import PIMSimulator

/// The tenant's fast date text agrees with Foundation's ISO 8601 format style.
struct UTCFieldsTests {
    @Test func formatMatchesTheFormatStyle() {
        var seconds = -1_000_000_000.0
        while seconds < 4_000_000_000 {
            for fraction in [0.0, 0.25, 0.0004, 0.0006, 0.9996, 0.123, 0.999] {
                let date = Date(timeIntervalSince1970: seconds + fraction)
                let whole = date.timeIntervalSince1970.rounded(.down)
                let millis = Int(((date.timeIntervalSince1970 - whole) * 1000).rounded())
                let expected =
                    millis == 0 || millis == 1000
                    ? Date(timeIntervalSince1970: whole + (millis == 1000 ? 1 : 0)).formatted(Date.ISO8601FormatStyle())
                    : date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
                #expect(GraphDate.format(date) == expected)
            }
            seconds += 86_400 * 91 + 3_607
        }
    }

    @Test func httpDateMatchesTheGregorianCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "GMT")!
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        var seconds = -1_000_000_000.0
        while seconds < 4_000_000_000 {
            for fraction in [0.0, 0.5, 0.999] {
                let date = Date(timeIntervalSince1970: seconds + fraction)
                #expect(GraphDate.httpDate(date) == formatter.string(from: date))
            }
            seconds += 86_400 * 13 + 3_607
        }
    }

    @Test(arguments: [
        "2026-01-06T08:00:01Z", "2026-01-06T08:00:01.25Z", "2024-02-29T23:59:59.999Z",
        "2026-01-06T10:00:01+02:00", "1969-12-31T23:59:59Z", "2026-01-06T08:00:01", " 2026-01-06T08:00:01Z",
    ])
    func parseMatchesTheFormatStyle(text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let expected =
            (try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? (try? Date(trimmed, strategy: Date.ISO8601FormatStyle()))
            ?? (try? Date(
                trimmed,
                strategy: Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().time(
                    includingFractionalSeconds: false)))
        let parsed = try #require(GraphDate.parse(text))
        #expect(abs(parsed.timeIntervalSince(try #require(expected))) < 0.0005)
    }

    @Test(arguments: [
        "62e90394-69f5-4237-9190-012177145e10", "2941a1b2-0000-4000-8000-000000000001", "Global Administrator", "",
    ])
    func idsAreNotDates(text: String) {
        #expect(GraphDate.parse(text) == nil)
    }

    @Test func asciiOrderIgnoresCase() {
        #expect(UTCFields.caseInsensitiveOrder("ABC", "abc") == .orderedSame)
        #expect(UTCFields.caseInsensitiveOrder("abc", "abd") == .orderedAscending)
        #expect(UTCFields.caseInsensitiveOrder("abcd", "ABC") == .orderedDescending)
        #expect(UTCFields.caseInsensitiveOrder("é", "e") == nil)
    }
}
