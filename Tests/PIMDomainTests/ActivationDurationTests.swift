import Testing
@testable import PIMDomain

@Suite struct ActivationDurationTests {
    @Test(arguments: [
        ("90m", 5400), ("1h30m", 5400), ("2h", 7200), ("1d", 86400), ("45s", 45), ("1d2h", 93600),
        ("PT8H", 28800), ("PT1H30M", 5400), ("P1D", 86400), ("P1DT2H", 93600), ("PT30M", 1800), ("pt4h", 14400),
        (" 2h ", 7200), ("1h 30m", 5400), ("P1W", 604800), ("PT90M", 5400),
    ])
    func parses(text: String, seconds: Int) throws {
        #expect(try ActivationDuration(parsing: text).seconds == seconds)
    }

    @Test(arguments: [
        "PT", "P", "-5m", "h", "8", "", "abc", "1x", "P1H", "PT1D", "30m1h", "1h1h", "P1DT", "PT-5M", "1.5h",
    ])
    func refusesNonsense(text: String) {
        #expect(throws: DurationParseError.self) { try ActivationDuration(parsing: text) }
    }

    @Test func refusalSaysWhatToType() {
        let error = #expect(throws: DurationParseError.self) { try ActivationDuration(parsing: "PT") }
        #expect(error?.message.contains("90m") == true)
        let bare = #expect(throws: DurationParseError.self) { try ActivationDuration(parsing: "8") }
        #expect(bare?.message.contains("8m") == true)
        #expect(bare?.message.contains("8h") == true)
        let negative = #expect(throws: DurationParseError.self) { try ActivationDuration(parsing: "-5m") }
        #expect(negative?.message.contains("negative") == true)
    }

    @Test func refusesAbsurdLengths() {
        #expect(throws: DurationParseError.self) { try ActivationDuration(parsing: "99999999d") }
    }

    @Test(arguments: [
        (28800, "PT8H"), (5400, "PT1H30M"), (86400, "P1D"), (93600, "P1DT2H"), (300, "PT5M"), (0, "PT0S"),
        (3661, "PT1H1M1S"),
    ])
    func printsISO(seconds: Int, iso: String) throws {
        let duration = ActivationDuration(seconds: seconds)
        #expect(duration.iso8601 == iso)
        #expect(try ActivationDuration(parsing: iso) == duration)
    }

    @Test(arguments: [(28800, "8h"), (5400, "1h30m"), (86400, "1d"), (300, "5m"), (45, "45s")])
    func printsShortForm(seconds: Int, text: String) throws {
        let duration = ActivationDuration(seconds: seconds)
        #expect(duration.shortDescription == text)
        #expect(try ActivationDuration(parsing: text) == duration)
    }

    @Test func codableUsesISO() throws {
        let data = try JSONEncoder().encode([ActivationDuration.hours(4)])
        #expect(String(decoding: data, as: UTF8.self) == #"["PT4H"]"#)
        let back = try JSONDecoder().decode([ActivationDuration].self, from: Data(#"["PT1H30M"]"#.utf8))
        #expect(back == [.minutes(90)])
    }
}

import Foundation
