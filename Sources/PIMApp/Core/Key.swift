/// A key press as the terminal decoded it. The update function looks keys up in `KeyMap`;
/// nothing outside PIMTerminal knows about curses key codes.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (space included).
    case character(Character)
    /// A control chord: `.control("u")` is Ctrl-U.
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)
    /// The terminal's bracketed-paste markers: what comes between them was pasted, not typed.
    case pasteBegin, pasteEnd

    /// The name shown in hints and in the help: `↑`, `PgDn`, `Ctrl-U`, `Shift-Tab`, `Space`.
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-\(String(c).uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .function(let n): "F\(n)"
        case .pasteBegin: "paste"
        case .pasteEnd: "end of paste"
        }
    }

    /// The character a text field would insert for this key, if any.
    public var insertable: Character? {
        if case .character(let c) = self { return c }
        return nil
    }
}

extension Key: ExpressibleByExtendedGraphemeClusterLiteral {
    /// `"j"` in tests and tables reads as `.character("j")`.
    public init(extendedGraphemeClusterLiteral value: Character) { self = .character(value) }
}
