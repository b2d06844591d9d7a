import Foundation
import PIMDomain
import Testing

/// Characters that reorder or hide what an approver reads, beyond the C0/C1 controls.
struct TextSafetyTests {
    /// The Arabic letter mark is a bidi control like LRM/RLM (it was missing); the Hangul and
    /// Mongolian fillers render blank and let a name look empty or like another.
    @Test(arguments: [0x061C, 0x200E, 0x200F, 0x202E, 0x2067, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x180E] as [UInt32])
    func invisibleAndBidiCharactersAreShownAsCodes(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let text = "Reader" + String(Character(scalar)) + "exe.txt"
        let shown = Sanitizer.sanitize(text)
        #expect(!shown.unicodeScalars.contains(scalar))
        #expect(shown.contains(String(format: "<U+%04X>", value)))
        #expect(DisplayText(untrusted: text).string == shown)
    }

    @Test func ordinaryArabicAndKoreanTextIsUntouched() {
        for text in ["مدير الأمان", "보안 관리자", "Администратор"] {
            #expect(Sanitizer.sanitize(text) == text)
        }
    }
}
