import CNCursesW
import PIMApp

/// What one `wget_wch` result means.
@_spi(Fuzzing) public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resize
    case mouse
}

/// Turns `wget_wch` results into keys. Pure, so the table is tested without a terminal and fuzzed
/// (PIMFuzz's `keys` target reaches it through `@_spi(Fuzzing)`).
@_spi(Fuzzing) public enum KeyDecoder {
    /// The statuses `wget_wch` answers with, and the first function-key code (`KEY_MIN`).
    public static let statusOK = OK
    public static let statusFunctionKey = KEY_CODE_YES
    public static let firstFunctionKeyCode = KEY_MIN
    /// Codes curses is taught (`define_key`) for the bracketed-paste markers `ESC [200~` and `ESC [201~`.
    public static let pasteBeginCode = KEY_MAX + 1
    public static let pasteEndCode = KEY_MAX + 2

    /// `status` is what `wget_wch` returned (`OK` or `KEY_CODE_YES`), `code` the character or key code.
    public static func decode(status: Int32, code: UInt32) -> TerminalEvent? {
        if status == KEY_CODE_YES { return decodeFunctionKey(Int32(bitPattern: code)) }
        guard status == OK else { return nil }
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 0: return nil
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(96 + code)))))
        case 28...31: return nil
        default:
            // C1 controls (and any other control code) are no text anyone types.
            guard let scalar = Unicode.Scalar(code), scalar.properties.generalCategory != .control else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    static func decodeFunctionKey(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        case pasteBeginCode: return .key(.pasteBegin)
        case pasteEndCode: return .key(.pasteEnd)
        case (KEY_F0 + 1)...(KEY_F0 + 24): return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }
}
