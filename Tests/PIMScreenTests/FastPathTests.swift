import Foundation
import Testing
@testable import PIMScreen
import PIMDomain

/// The shortcuts that keep a frame under a millisecond give the same answers as the long way.
struct FastPathTests {
    @Test func utcFieldsMatchTheGregorianCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var seconds = -2_208_988_800.5  // 1900, with a fraction: floored as the calendar floors
        while seconds < 4_102_444_800 {  // 2100
            let date = Date(timeIntervalSince1970: seconds)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            #expect(
                UTCTime(date)
                    == UTCTime(
                        year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, second: c.second!
                    ),
                "\(date)")
            seconds += 86_400 * 37 + 3_671.25
        }
        #expect(TextLayout.dateTime(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 00:00Z")
        #expect(TextLayout.clock(Date(timeIntervalSince1970: 45_296)) == "12:34:56Z")
    }

    @Test(arguments: ["plain", "with \u{1B}[31m escape", "tab\there", "wide 管理者", "", "bidi \u{202E}txt"])
    func rememberedTextIsTheSanitisedText(raw: String) {
        #expect(SanitizedText.of(raw) == DisplayText(untrusted: raw))
        #expect(SanitizedText.of(raw) == DisplayText(untrusted: raw))  // second time from memory
    }

    @Test func asciiColumnsAndCutsMatchDisplayWidth() {
        for text in ["", "a", "Global Administrator", "exactly ten", "x"] {
            #expect(Columns.of(text) == DisplayWidth.of(text))
            for width in 0...12 { #expect(Columns.truncate(text, to: width) == DisplayWidth.truncate(text, to: width)) }
        }
    }
}
