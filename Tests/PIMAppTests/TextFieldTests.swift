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
