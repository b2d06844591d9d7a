/// One line of editable text with a cursor (a character index), and the readline keys.
public struct TextField: Hashable, Sendable {
    public var text: String
    /// Position in characters, `0...text.count`.
    public var cursor: Int

    public init(_ text: String = "", cursor: Int? = nil) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
    }

    /// Inserts at the cursor. A combining mark (typed alone by Indic, Thai or Tibetan keyboards, or a
    /// dead key) joins the character before it, so the text may gain no character: the cursor is
    /// counted again from the text rather than moved by one.
    public mutating func insert(_ c: Character) {
        clampCursor()
        let index = text.index(text.startIndex, offsetBy: cursor)
        let before = String(text[..<index]) + String(c)
        text = before + String(text[index...])
        cursor = min(before.count, text.count)
    }

    /// The cursor is public and text can change under it: keep it a valid position.
    private mutating func clampCursor() {
        cursor = min(max(0, cursor), text.count)
    }

    public mutating func apply(_ edit: TextEdit) {
        clampCursor()
        switch edit {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        case .backspace:
            guard cursor > 0 else { return }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .clearLine:
            // Ctrl-U clears the whole field (product.md), wherever the cursor is.
            text = ""
            cursor = 0
        case .deleteWord:
            // Ctrl-W: spaces before the cursor, then the word before them.
            let chars = Array(text)
            var start = cursor
            while start > 0 && chars[start - 1] == " " { start -= 1 }
            while start > 0 && chars[start - 1] != " " { start -= 1 }
            text = String(chars[0..<start] + chars[cursor...])
            cursor = start
        }
    }
}
