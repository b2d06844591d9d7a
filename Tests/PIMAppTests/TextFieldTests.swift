import Foundation
import PIMApp
import Testing

/// The readline keys of every text field, table-driven: (text, cursor) → edit → (text, cursor).
@Suite struct TextFieldTests {
    @Test(arguments: [
        ("hello world", 5, TextEdit.left, "hello world", 4),
        ("hello world", 5, .right, "hello world", 6),
        ("hello world", 11, .right, "hello world", 11),
        ("hello world", 0, .left, "hello world", 0),
        ("hello world", 5, .home, "hello world", 0),
        ("hello world", 5, .end, "hello world", 11),
        ("hello world", 5, .backspace, "hell world", 4),
        ("hello world", 0, .backspace, "hello world", 0),
        ("hello world", 5, .delete, "helloworld", 5),
        ("hello world", 11, .delete, "hello world", 11),
        ("hello world", 6, .clearLine, "", 0),
        ("hello world", 0, .clearLine, "", 0),
        ("hello world", 11, .clearLine, "", 0),
        ("hello world", 11, .deleteWord, "hello ", 6),
        ("hello world  ", 13, .deleteWord, "hello ", 6),
        ("hello world", 5, .deleteWord, " world", 0),
        ("日本 語", 4, .backspace, "日本 ", 3),
    ])
    func edits(text: String, cursor: Int, edit: TextEdit, expected: String, expectedCursor: Int) {
        var field = TextField(text, cursor: cursor)
        field.apply(edit)
        #expect(field.text == expected)
        #expect(field.cursor == expectedCursor)
    }

    @Test func insertsAtTheCursor() {
        var field = TextField("ac", cursor: 1)
        field.insert("b")
        #expect(field == TextField("abc", cursor: 2))
    }
}

/// Found by the `keys` fuzz target: a combining mark typed on its own joins the character before
/// it, so the text gains no character; the cursor used to move on anyway, and the next Backspace
/// removed at an index past the end (a crash).
struct CombiningMarkTests {
    @Test func aCombiningMarkJoinsThePreviousCharacterAndTheCursorStaysValid() {
        var field = TextField("MO")
        field.insert("\u{0F80}")  // Tibetan vowel sign: combines with "O"
        #expect(field.text == "MO\u{0F80}")
        #expect(field.text.count == 2)
        #expect(field.cursor == 2)
        field.apply(.backspace)
        #expect(field.text == "M")
        #expect(field.cursor == 1)
    }

    @Test func aCursorSetPastTheEndIsClampedBeforeEditing() {
        var field = TextField("ab")
        field.cursor = 7
        field.apply(.backspace)
        #expect(field.text == "a")
        field.cursor = 9
        field.apply(.deleteWord)
        #expect(field.text == "")
        field.cursor = 4
        field.insert("x")
        #expect(field.text == "x" && field.cursor == 1)
    }
}

/// Typing at the end of a long field costs the same for every key.
@Suite struct TextFieldSpeedTests {
    /// 80,000 keys: seconds per key grew with the text before (20,000 took 2.9 s, so 80,000 would take
    /// about 46 s); now the whole run is far under the bound, even in a debug build on a busy machine.
    @Test func typing80000CharactersAtTheEndStaysLinear() {
        var field = TextField()
        let clock = ContinuousClock()
        let took = clock.measure { for _ in 0..<80_000 { field.insert("z") } }
        #expect(took < .seconds(8), "80,000 keys took \(took)")
        #expect(field.text.count == 80_000 && field.cursor == 80_000)
        field.apply(.backspace)
        #expect(field.text.count == 79_999 && field.cursor == 79_999)
    }
}
