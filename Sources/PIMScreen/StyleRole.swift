/// What a cell means, not how it looks: PIMTerminal maps roles to colours (or to bold/reverse
/// under NO_COLOR), as k9s maps its skin slots.
public enum StyleRole: String, Hashable, Sendable, CaseIterable {
    case normal, title, tabActive, tabInactive, header, selectedRow, marked, dim
    case urgencyPlenty, urgencySoon, urgencyImminent, expired
    case error, warning, success, info
    case keyName, keyHint, border, dialog, input, inputFocused, cursor, tier0, pending

    /// One letter per role for the style maps of golden files.
    public var letter: Character {
        switch self {
        case .normal: "."
        case .title: "T"
        case .tabActive: "A"
        case .tabInactive: "a"
        case .header: "H"
        case .selectedRow: "S"
        case .marked: "M"
        case .dim: "d"
        case .urgencyPlenty: "p"
        case .urgencySoon: "s"
        case .urgencyImminent: "i"
        case .expired: "x"
        case .error: "E"
        case .warning: "W"
        case .success: "O"
        case .info: "n"
        case .keyName: "K"
        case .keyHint: "k"
        case .border: "B"
        case .dialog: "D"
        case .input: "I"
        case .inputFocused: "F"
        case .cursor: "C"
        case .tier0: "0"
        case .pending: "P"
        }
    }
}
