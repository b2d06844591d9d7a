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

    /// A row given as pieces is found as the pieces joined by single spaces would be: a word inside one
    /// piece, words in different pieces, a piece that repeats across rows, an empty piece.
    @Test func piecesMatchAsTheirJoinedText() {
        let rows: [[String]] = [
            ["add member to role completed", "global administrator", "success", "", "65afdfba-7912"],
            ["add member to role completed", "reader", "failure", "ada admin", "8c4e"],
            ["remove member", "global administrator", "success", "", ""],
        ]
        var pieces = FoldedTexts()
        var whole = FoldedTexts()
        for row in rows {
            pieces.append(pieces: row)
            whole.append(row.joined(separator: " "))
        }
        for needle in [
            "completed", "global", "admin", "administrator success", "success global", "ed glob", "65afdfba",
            "reader ada", "member", "remove administrator", "zzz", "8c4e completed",
        ] {
            #expect(pieces.rows(containing: needle) == whole.rows(containing: needle), "\(needle)")
        }
        #expect(pieces.rows(containing: "admin") == [0, 1, 2])
    }

    /// A needle word that keeps a space (one followed by a combining mark is not split off) is looked
    /// for across pieces, as it would be in the joined text.
    @Test func aWordWithASpaceInsideIsFoundWherePiecesMeet() {
        var texts = FoldedTexts()
        texts.append(pieces: ["reader", "\u{301}x"])
        texts.append(pieces: ["reader", "x"])
        #expect(texts.rows(containing: "r \u{301}x") == [0])
    }

    /// Two panes built from the same rows are equal (a state compares its search keys), and differ
    /// when one row differs.
    @Test func equalRowsMakeEqualTexts() {
        var a = FoldedTexts()
        var b = FoldedTexts()
        for n in 0..<5_000 {
            a.append(pieces: ["role", "id \(n)"])
            b.append(pieces: ["role", "id \(n)"])
        }
        a.finishAppending()
        #expect(a == b && a.hashValue == b.hashValue)
        b.append(pieces: ["role"])
        #expect(a != b)
    }
}
