import CNCursesW
import PIMApp
@_spi(Fuzzing) @testable import PIMTerminal
import Testing

/// The decoding table on its own: what each `wget_wch` answer becomes, without a terminal.
@Suite("KeyDecoder")
struct KeyDecoderTests {
    static let characters: [(code: UInt32, expected: TerminalEvent?)] = [
        (9, .key(.tab)), (10, .key(.enter)), (13, .key(.enter)), (27, .key(.escape)),
        (8, .key(.backspace)), (127, .key(.backspace)),
        (3, .key(.control("c"))), (19, .key(.control("s"))), (21, .key(.control("u"))), (23, .key(.control("w"))),
        (1, .key(.control("a"))), (5, .key(.control("e"))), (26, .key(.control("z"))),
        (0, nil), (28, nil), (29, nil), (30, nil), (31, nil),
        (32, .key(.character(" "))), (0x71, .key(.character("q"))), (0xE9, .key(.character("é"))),
        (0x65E5, .key(.character("日"))), (0x1F389, .key(.character("🎉"))),
        // Not Unicode scalars: surrogates and values past U+10FFFF are dropped, not crashed on.
        (0xD800, nil), (0x110000, nil), (UInt32.max, nil),
    ]

    @Test("characters and control chords", arguments: characters)
    func character(code: UInt32, expected: TerminalEvent?) {
        #expect(KeyDecoder.decode(status: OK, code: code) == expected)
    }

    static let functionKeys: [(code: Int32, expected: TerminalEvent?)] = [
        (KEY_UP, .key(.up)), (KEY_DOWN, .key(.down)), (KEY_LEFT, .key(.left)), (KEY_RIGHT, .key(.right)),
        (KEY_PPAGE, .key(.pageUp)), (KEY_NPAGE, .key(.pageDown)), (KEY_HOME, .key(.home)), (KEY_END, .key(.end)),
        (KEY_BTAB, .key(.backTab)), (KEY_BACKSPACE, .key(.backspace)), (KEY_DC, .key(.delete)), (KEY_ENTER, .key(.enter)),
        (KEY_RESIZE, .resize), (KEY_MOUSE, .mouse),
        (KEY_F0 + 1, .key(.function(1))), (KEY_F0 + 12, .key(.function(12))), (KEY_F0 + 24, .key(.function(24))),
        // Keys pim has no use for are dropped, not turned into something else.
        (KEY_F0 + 25, nil), (KEY_IC, nil), (KEY_SUSPEND, nil), (0, nil), (-1, nil),
    ]

    @Test("function keys", arguments: functionKeys)
    func functionKey(code: Int32, expected: TerminalEvent?) {
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(bitPattern: code)) == expected)
    }

    @Test("a timeout or error is no key")
    func errorIsNothing() {
        #expect(KeyDecoder.decode(status: ERR, code: 0x71) == nil)
        #expect(KeyDecoder.decode(status: ERR, code: UInt32(bitPattern: KEY_UP)) == nil)
    }

    @Test("every input byte value decodes without crashing, and printable ASCII as itself")
    func everyByte() {
        for code in UInt32(0)...0x3FF {
            let event = KeyDecoder.decode(status: OK, code: code)
            if (0x21...0x7E).contains(code) {
                #expect(event == .key(.character(Character(Unicode.Scalar(code)!))))
            }
            _ = KeyDecoder.decode(status: KEY_CODE_YES, code: code)
        }
    }
}
