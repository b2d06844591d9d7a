import Foundation
import Testing
@testable import PIMApp

/// The filter's folded texts, kept end to end in byte buffers: every row is found by what it
/// contains, wherever its bytes fall among the buffers.
@Suite struct FoldedTextsTests {
    @Test func rowsAreFoundAcrossBuffers() {
        var texts = FoldedTexts()
        var expected: [Int] = []
        // Enough rows to fill several buffers, and one text longer than a buffer.
        for n in 0..<3_000 {
            let text =
                n == 1_500
                ? String(repeating: "x", count: FoldedTexts.chunkSize + 10) + " admin"
                : "role \(n) " + (n % 7 == 0 ? "global administrator" : "reader") + " directory eligible"
            if n % 7 == 0 || n == 1_500 { expected.append(n) }
            texts.append(text)
        }
        #expect(texts.count == 3_000)
        #expect(texts.rows(containing: "admin") == expected)
        #expect(texts.rows(containing: "role 2999 reader") == [2_999])
        #expect(texts.rows(containing: "nothing like this").isEmpty)
        #expect(texts.rows(containing: "").count == 3_000)
    }

    @Test func aNeedleLongerThanARowMatchesNothingInIt() {
        var texts = FoldedTexts()
        texts.append("ab")
        texts.append("")
        texts.append("abc")
        #expect(texts.rows(containing: "abc") == [2])
        #expect(texts.rows(containing: "b") == [0, 2])
    }

    /// Words narrow like fzf's: every word must be in the row, in any order, so a user types what they
    /// remember ("contributor prod-payments") without knowing the columns in between.
    @Test func everyWordMustBeInTheRowInAnyOrder() {
        var texts = FoldedTexts()
        texts.append("contributor azure prod-payments subscription tier 1 eligible")
        texts.append("contributor azure dev-sandbox subscription tier 1 active")
        texts.append("owner azure prod-payments subscription tier 0 eligible")
        #expect(texts.rows(containing: "contributor prod-payments") == [0])
        #expect(texts.rows(containing: "prod-payments contributor") == [0])
        #expect(texts.rows(containing: "prod-payments") == [0, 2])
        #expect(texts.rows(containing: "contributor  active") == [1], "runs of spaces are one separator")
        #expect(texts.rows(containing: "contributor owner").isEmpty)
    }
}
