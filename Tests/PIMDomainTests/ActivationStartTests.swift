import Foundation
import PIMDomain
import Testing

@Suite struct ActivationStartTests {
    /// Monday 23 November 2026, 12:00 UTC; 13:00 in Berlin.
    static let now = Date(timeIntervalSince1970: 1_795_435_200)
    static let utc = TimeZone(identifier: "UTC")!
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    static func at(_ offset: TimeInterval) -> Date { now.addingTimeInterval(offset) }

    @Test(arguments: [
        ("+2h", at(7_200)),
        ("+90m", at(5_400)),
        (" +1h30m ", at(5_400)),
        ("14:30", at(9_000)),  // later today
        ("9:15", at(76_500)),  // already past today: tomorrow 09:15
        ("12:00", at(0)),  // now exactly is today
        ("2026-11-24T08:00:00Z", at(72_000)),
        ("2026-11-23T15:00:00+01:00", at(7_200)),
        ("2026-11-23T18:00", at(21_600)),  // no offset: the user's time zone
        ("2026-11-23 18:00", at(21_600)),
    ])
    func readsEveryForm(text: String, expected: Date) throws {
        #expect(try ActivationStart.parse(text, now: Self.now, timeZone: Self.utc) == expected)
    }

    @Test func emptyMeansNow() throws {
        #expect(try ActivationStart.parse("  ", now: Self.now, timeZone: Self.utc) == nil)
    }

    @Test func clockTimesAreReadInTheUsersTimeZone() throws {
        // 14:00 in Berlin is 13:00 UTC, an hour after now; 12:30 in Berlin has passed, so tomorrow.
        #expect(try ActivationStart.parse("14:00", now: Self.now, timeZone: Self.berlin) == Self.at(3_600))
        #expect(try ActivationStart.parse("12:30", now: Self.now, timeZone: Self.berlin) == Self.at(84_600))
    }

    @Test(arguments: ["tomorrow", "25:00", "12:60", "+", "+soon", "2h", "2026-13-01T00:00", "11:59:00"])
    func refusesWithASentenceSayingWhatToType(text: String) {
        #expect {
            try ActivationStart.parse(text, now: Self.now, timeZone: Self.utc)
        } throws: { error in
            let message = (error as? StartParseError)?.message ?? ""
            return message.contains("\"\(text)\"") && message.contains("+2h, 14:30")
        }
    }
}
