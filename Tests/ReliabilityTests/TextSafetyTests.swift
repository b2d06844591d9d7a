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

/// Found by the `sanitizer` fuzz target: a name ending in a prepended sign (U+0601) swallowed the
/// space `pad` added after it, so the cell came out one column short and the columns after it
/// shifted. Such signs (and other invisible formatting characters) are now shown as codes.
struct PaddingRegressionTests {
    @Test(arguments: [
        "m\u{0601}", "Reader\u{0600}\u{0600}", "x\u{06DD}", "a\u{0D4E}", "soft\u{00AD}hyphen", "\u{110BD}",
    ])
    func paddedCellsKeepTheirWidth(name: String) {
        let clean = DisplayText(untrusted: name).string
        for width in 0...(DisplayWidth.of(clean) + 3) {
            #expect(DisplayWidth.of(DisplayWidth.pad(clean, to: width)) == width)
            #expect(DisplayWidth.of(DisplayWidth.truncate(clean, to: width)) <= width)
        }
        #expect(clean.contains("<U+"))
    }

    @Test func theFuzzerInputPadsExactly() throws {
        let file = try #require(
            FuzzRegressionTests.corpus("sanitizer").first { $0.lastPathComponent == "crash-prepend-pad.txt" })
        let clean = Sanitizer.sanitize(String(decoding: try Data(contentsOf: file), as: UTF8.self))
        let width = DisplayWidth.of(clean)
        #expect(DisplayWidth.of(DisplayWidth.pad(clean, to: width + 1)) == width + 1)
    }
}
