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

/// What the mouse did, read from a report curses did not decode itself.
@_spi(Fuzzing) public enum MouseReport: Equatable, Sendable {
    /// The first button went down at this cell (0-based).
    case press(x: Int, y: Int)
    /// The wheel turned: -1 up (away from the user), +1 down.
    case wheel(Int)
    /// A release, a drag, another button: nothing pim acts on.
    case other
}

/// The bytes after an `ESC` that curses did not turn into a key. A terminal sends whole sequences
/// (CSI `ESC [ … final`, SS3 `ESC O x`, mouse reports); one curses does not know must be dropped
/// whole, never read as `[`, digits and letters, since `1`–`4` switch panes and letters act.
/// Pure: fed one `wget_wch` character at a time, so it is tested and fuzzed without a terminal.
@_spi(Fuzzing) public struct EscapeSequence: Sendable {
    public enum Step: Equatable, Sendable {
        /// Part of the sequence: feed the next character.
        case more
        /// `ESC` was a key of its own (Esc); the character starts the next input.
        case escapeThen(UInt32)
        /// A whole sequence pim has no use for: nothing happened.
        case dropped
        /// The sequence broke off at a character that cannot belong to it: it is dropped, and the
        /// character is read on its own.
        case droppedBefore(UInt32)
        /// A mouse report (SGR `ESC [ < b ; x ; y M/m` or X10 `ESC [ M b x y`).
        case mouse(MouseReport)
    }

    /// Longer sequences are not sent by any terminal: the rest is read as input again.
    public static let maximumLength = 64

    private enum Phase: Sendable { case start, csi, ss3, x10 }
    private var phase = Phase.start
    private var parameters: [UInt8] = []
    private var x10: [UInt32] = []
    private var length = 0

    public init() {}

    /// True before anything after the `ESC` has been fed.
    public var isAtStart: Bool { phase == .start }

    public mutating func feed(_ code: UInt32) -> Step {
        length += 1
        switch phase {
        case .start:
            switch code {
            case 0x5B: phase = .csi; return .more
            case 0x4F: phase = .ss3; return .more
            default: return .escapeThen(code)
            }
        case .ss3:
            return (0x20...0x7E).contains(code) ? .dropped : .droppedBefore(code)
        case .x10:
            x10.append(code)
            guard x10.count == 3 else { return .more }
            return .mouse(
                Self.mouse(button: Int(x10[0]) - 32, x: Int(x10[1]) - 33, y: Int(x10[2]) - 33, released: false))
        case .csi:
            switch code {
            case 0x20...0x3F:
                // Parameters and intermediates.
                guard length < Self.maximumLength else { return .dropped }
                parameters.append(UInt8(code))
                return .more
            case 0x40...0x7E:
                if code == 0x4D, parameters.isEmpty { phase = .x10; return .more }
                if (code == 0x4D || code == 0x6D), parameters.first == 0x3C {
                    return .mouse(sgrMouse(released: code == 0x6D))
                }
                return .dropped
            default:
                return .droppedBefore(code)
            }
        }
    }

    /// `< b ; x ; y` with 1-based cells.
    private func sgrMouse(released: Bool) -> MouseReport {
        let fields = String(decoding: parameters.dropFirst(), as: UTF8.self).split(
            separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, let button = Int(fields[0]), let x = Int(fields[1]), let y = Int(fields[2]) else {
            return .other
        }
        return Self.mouse(button: button, x: x - 1, y: y - 1, released: released)
    }

    private static func mouse(button: Int, x: Int, y: Int, released: Bool) -> MouseReport {
        guard button >= 0, x >= 0, y >= 0, !released, button & 32 == 0 else { return .other }
        if button & 64 != 0 {
            switch button & 3 {
            case 0: return .wheel(-1)
            case 1: return .wheel(1)
            default: return .other
            }
        }
        return button & 0xC3 == 0 ? .press(x: x, y: y) : .other
    }
}
