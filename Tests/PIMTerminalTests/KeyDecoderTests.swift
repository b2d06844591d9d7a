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
        (KEY_BTAB, .key(.backTab)), (KEY_BACKSPACE, .key(.backspace)), (KEY_DC, .key(.delete)),
        (KEY_ENTER, .key(.enter)),
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

/// What follows an `ESC` curses did not make a key of, fed one character at a time.
@Suite("EscapeSequence")
struct EscapeSequenceTests {
    static func feed(_ text: String) -> [EscapeSequence.Step] {
        var sequence = EscapeSequence()
        var steps: [EscapeSequence.Step] = []
        for scalar in text.unicodeScalars {
            let step = sequence.feed(scalar.value)
            steps.append(step)
            if step != .more { break }
        }
        return steps
    }

    @Test("an SGR mouse report is one event: a press, a wheel turn, or nothing")
    func sgrMouse() {
        #expect(Self.feed("[<0;12;6M").last == .mouse(.press(x: 11, y: 5)))
        #expect(Self.feed("[<0;12;6m").last == .mouse(.other))
        #expect(Self.feed("[<64;1;1M").last == .mouse(.wheel(-1)))
        #expect(Self.feed("[<65;1;1M").last == .mouse(.wheel(1)))
        #expect(Self.feed("[<32;5;5M").last == .mouse(.other))
        #expect(Self.feed("[<0;99999999999999999999;1M").last == .mouse(.other))
        #expect(Self.feed("[<0;12;6M").dropLast().allSatisfy { $0 == .more })
    }

    @Test("an X10 mouse report takes its three bytes with it")
    func x10Mouse() {
        #expect(Self.feed("[M !!") == [.more, .more, .more, .more, .mouse(.press(x: 0, y: 0))])
        #expect(Self.feed("[M`!!").last == .mouse(.wheel(-1)))
    }

    @Test("unknown sequences are dropped whole; a broken one hands back the character that broke it")
    func unknown() {
        #expect(Self.feed("[97;5u").last == .dropped)
        #expect(Self.feed("[I").last == .dropped)
        #expect(Self.feed("Oz").last == .dropped)
        #expect(Self.feed("[12\u{1B}").last == .droppedBefore(27))
        #expect(Self.feed("q") == [.escapeThen(0x71)])
        #expect(Self.feed(String(repeating: "1", count: 200)).count == 1)
        let long = Self.feed("[" + String(repeating: "1", count: 200))
        #expect(long.last == .dropped && long.count == EscapeSequence.maximumLength)
    }
}
