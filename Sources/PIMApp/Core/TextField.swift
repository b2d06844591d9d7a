/// One line of editable text with a cursor (a character index), and the readline keys.
///
/// The number of characters is kept beside the text and updated by every edit: counting a
/// String's characters walks all of it, and doing that (or rebuilding the text) for each key made
/// pasting a long justification quadratic. Typing or pasting at the end costs the same however long
/// the text is; an edit in the middle costs one pass over the text.
public struct TextField: Hashable, Sendable {
    public private(set) var text: String
    /// Position in characters, `0...count`.
    public var cursor: Int
    /// Characters in `text`.
    public private(set) var count: Int

    public init(_ text: String = "", cursor: Int? = nil) {
        self.text = text
        count = text.count
        self.cursor = min(max(0, cursor ?? count), count)
    }

    /// Inserts at the cursor. A combining mark (typed alone by Indic, Thai or Tibetan keyboards, or a
    /// dead key) joins the character before it, so the text may gain no character: the cursor is
    /// counted again from the text rather than moved by one.
    public mutating func insert(_ c: Character) {
        clampCursor()
        if cursor == count {
            let end = text.endIndex
            text.append(c)
            // Joined to the character before it: the last character now starts before the old end.
            if text.index(before: text.endIndex) >= end { count += 1 }
            cursor = count
            return
        }
        let index = text.index(text.startIndex, offsetBy: cursor)
        let before = String(text[..<index]) + String(c)
        text.insert(c, at: index)
        count = text.count
        cursor = min(before.count, count)
    }

    /// The cursor is public and text can change under it: keep it a valid position.
    private mutating func clampCursor() {
        cursor = min(max(0, cursor), count)
    }

    public mutating func apply(_ edit: TextEdit) {
        clampCursor()
        switch edit {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = count
        case .backspace:
            guard cursor > 0 else { return }
            if cursor == count {
                text.removeLast()
            } else {
                text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
            }
            count -= 1
            cursor -= 1
        case .delete:
            guard cursor < count else { return }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
            count -= 1
        case .clearLine:
            // Ctrl-U clears the whole field (product.md), wherever the cursor is.
            text = ""
            count = 0
            cursor = 0
        case .deleteWord:
            // Ctrl-W: spaces before the cursor, then the word before them.
            let chars = Array(text)
            var start = cursor
            while start > 0 && chars[start - 1] == " " { start -= 1 }
            while start > 0 && chars[start - 1] != " " { start -= 1 }
            text = String(chars[0..<start] + chars[cursor...])
            count = text.count
            cursor = start
        }
    }
}
