import CNCursesW
import Foundation
import PIMApp
@_spi(Fuzzing) @testable import PIMTerminal
import Testing

extension CursesTests {
    /// What an xterm sends for each key product.md names once curses has put it in keypad
    /// (application) mode, and the key pim must see.
    static let xtermKeys: [(bytes: String, name: String, expected: Key)] = [
        ("\u{1B}OA", "Up", .up), ("\u{1B}OB", "Down", .down), ("\u{1B}OC", "Right", .right),
        ("\u{1B}OD", "Left", .left),
        ("\u{1B}[5~", "PgUp", .pageUp), ("\u{1B}[6~", "PgDn", .pageDown),
        ("\u{1B}OH", "Home", .home), ("\u{1B}OF", "End", .end),
        ("\t", "Tab", .tab), ("\u{1B}[Z", "Shift-Tab", .backTab),
        ("\r", "Enter", .enter), ("\u{1B}OM", "keypad Enter", .enter),
        ("\u{7F}", "Backspace (^?)", .backspace), ("\u{8}", "Backspace (^H)", .backspace),
        ("\u{1B}[3~", "Delete", .delete),
        ("\u{15}", "Ctrl-U", .control("u")), ("\u{17}", "Ctrl-W", .control("w")),
        ("\u{13}", "Ctrl-S", .control("s")),
        ("q", "q", .character("q")), ("j", "j", .character("j")), ("/", "/", .character("/")),
        ("?", "?", .character("?")), (" ", "Space", .character(" ")), ("1", "1", .character("1")),
        ("é", "é", .character("é")), ("日", "日", .character("日")), ("🎉", "🎉", .character("🎉")),
        ("\u{1B}OP", "F1", .function(1)), ("\u{1B}[15~", "F5", .function(5)), ("\u{1B}[24~", "F12", .function(12)),
    ]

    @Test("every key of product.md arrives as that key, from the bytes an xterm sends")
    func xtermKeysDecode() throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        for key in Self.xtermKeys {
            // One key, one input: nothing left over that would act as a second key.
            let inputs = terminal.inputs(for: key.bytes)
            #expect(inputs == [.event(.key(key.expected))], "\(key.name) (\(Array(key.bytes.utf8).visible))")
        }
    }

    @Test("a lone Esc arrives as Esc within the short escape delay, not glued to the next key")
    func escapeAlone() throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        let started = ContinuousClock.now
        #expect(terminal.press("\u{1B}") == .event(.key(.escape)))
        // set_escdelay(25): well under curses' default second that would make Esc feel broken.
        #expect(get_escdelay() <= 50)
        #expect(ContinuousClock.now - started < .milliseconds(900))
        #expect(terminal.press("j") == .event(.key(.character("j"))))
    }

    @Test(
        "keys arrive from whatever the terminal type says its keys send (tmux, xterm)",
        arguments: ["xterm-256color", "tmux-256color"])
    func terminfoKeysDecode(term: String) throws {
        let terminal = try CursesTerminal(term: term)
        defer { terminal.close() }
        let capabilities: [(String, Key)] = [
            ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right), ("kpp", .pageUp), ("knp", .pageDown),
            ("khome", .home), ("kend", .end), ("kcbt", .backTab), ("kbs", .backspace), ("kdch1", .delete),
            ("kf1", .function(1)), ("kf5", .function(5)),
        ]
        for (name, expected) in capabilities {
            guard let sequence = Self.terminfoString(name) else {
                Issue.record("\(term) has no \(name)")
                continue
            }
            #expect(
                terminal.inputs(for: sequence) == [.event(.key(expected))],
                "\(term) \(name) = \(Array(sequence.utf8).visible)")
        }
    }

    @Test(
        "stray bytes that are not UTF-8 (a Latin-1 terminal, line noise) are dropped; the next key is intact",
        arguments: [[0xFF], [0x80], [0xC3, 0x28], [0xE6, 0x97], [0xF0, 0x9F, 0x8E]] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        terminal.pty.type(bytes)
        for input in terminal.drainInputs() {
            // Whatever curses makes of it, it must not be a key that acts (Enter, Esc, a control chord, a pane digit).
            if case .event(.key(let key)) = input {
                switch key {
                case .character(let character):
                    #expect(!character.isASCII, "\(bytes) became \(character)")
                default:
                    Issue.record("\(bytes) became \(key)")
                }
            }
        }
        #expect(terminal.press("j") == .event(.key(.character("j"))))
    }

    @Test("the terminal is switched to keypad (application) mode, so arrows send what the table decodes")
    func keypadModeIsRequested() throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        _ = terminal.backend.read()
        let bytes = try terminal.pty.output()
        #expect(bytes.contains("\u{1B}[?1h\u{1B}="), "smkx missing in \(bytes.visible)")
    }

    @Test("Ctrl-S reaches pim: flow control is off on the terminal curses reads from")
    func flowControlOff() throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        #expect(terminal.pty.modes.c_iflag & tcflag_t(IXON) == 0)
        #expect(terminal.press("\u{13}") == .event(.key(.control("s"))))
        // Output still flows after it (XOFF would have stopped the terminal).
        terminal.backend.draw(Self.textScreen(["still drawing"]))
        #expect(try terminal.pty.output().contains("still drawing"))
    }

    @Test("F-keys are read whole, never as Esc followed by characters that are pim keys")
    func functionKeysAreWhole() throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        for n in 1...12 {
            guard let sequence = Self.terminfoString("kf\(n)") else { continue }
            #expect(terminal.inputs(for: sequence) == [.event(.key(.function(n)))], "F\(n)")
        }
    }

    @Test("resizing the terminal arrives as a resize with the new size")
    func resize() throws {
        let terminal = try CursesTerminal(columns: 80, rows: 24)
        defer { terminal.close() }
        #expect(terminal.backend.size.width == 80 && terminal.backend.size.height == 24)
        terminal.pty.resize(columns: 132, rows: 40)
        kill(getpid(), SIGWINCH)
        #expect(terminal.next() == .event(.resize))
        #expect(terminal.backend.size.width == 132 && terminal.backend.size.height == 40)
        terminal.pty.resize(columns: 60, rows: 20)
        kill(getpid(), SIGWINCH)
        #expect(terminal.next() == .event(.resize))
        #expect(terminal.backend.size.width == 60 && terminal.backend.size.height == 20)
        // The next frame is drawn whole at the new size.
        terminal.backend.invalidate()
        terminal.backend.draw(Self.textScreen(["after resize"], width: 60, height: 20))
        #expect(terminal.backend.row(0).hasPrefix("after resize"))
    }

    @Test("a mouse click is reported at its cell; mouse reporting is switched on")
    func mouseClick() throws {
        let terminal = try CursesTerminal(mouse: true)
        defer { terminal.close() }
        _ = terminal.backend.read()
        let setup = try terminal.pty.output()
        #expect(setup.contains("\u{1B}[?1006;1000h"), "mouse reporting not enabled: \(setup.visible)")
        // SGR mouse report: button 1 pressed at column 6, row 4 (1-based).
        #expect(terminal.press("\u{1B}[<0;6;4M") == .click(x: 5, y: 3))
        // The release that follows is no second click, and the next press is a click again.
        terminal.pty.type("\u{1B}[<0;6;4m")
        #expect(terminal.guardedRead() == (.none, false))
        #expect(terminal.press("\u{1B}[<0;80;24M") == .click(x: 79, y: 23))
    }

    @Test(
        "mouse events pim does not use (release, wheel, other buttons) never stall the key loop",
        arguments: [
            ("release", "\u{1B}[<0;6;4m"), ("right button", "\u{1B}[<2;6;4M"), ("middle button", "\u{1B}[<1;6;4M"),
        ])
    func unusedMouseEventsDoNotBlock(name: String, report: String) throws {
        let terminal = try CursesTerminal(mouse: true)
        defer { terminal.close() }
        terminal.pty.type(report)
        // The read must come back on its own (timeout): a blocked read freezes countdowns, redraws and signals.
        let (input, blocked) = terminal.guardedRead()
        #expect(!blocked, "\(name): reading the next input blocked until another key arrived")
        #expect(input == .none || blocked, "\(name) was taken for \(input)")
        _ = terminal.drainInputs()
        #expect(terminal.press("j") == .event(.key(.character("j"))))
    }

    @Test(
        "the mouse wheel arrives as a wheel turn, whatever encoding the terminal type makes curses expect",
        arguments: ["xterm-256color", "tmux-256color", "screen"])
    func wheel(term: String) throws {
        let terminal = try CursesTerminal(term: term, mouse: true)
        defer { terminal.close() }
        #expect(terminal.inputs(for: "\u{1B}[<64;6;4M") == [.wheel(-1)], "\(term): wheel up")
        #expect(terminal.inputs(for: "\u{1B}[<65;6;4M") == [.wheel(1)], "\(term): wheel down")
        #expect(terminal.inputs(for: "\u{1B}[<0;12;6M") == [.click(x: 11, y: 5)], "\(term): click")
        #expect(terminal.inputs(for: "\u{1B}[<0;12;6m") == [], "\(term): release")
    }

    /// Sequences a terminal may send that curses has no key for.
    static let unknownSequences: [(name: String, bytes: String, mouse: Bool)] = [
        ("an SGR mouse report with the mouse off", "\u{1B}[<0;12;6M", false),
        ("an SGR wheel report with the mouse off", "\u{1B}[<65;2;3M", false),
        ("focus in", "\u{1B}[I", true), ("focus out", "\u{1B}[O", true),
        ("a cursor position report", "\u{1B}[12;40R", true),
        ("a kitty keyboard-protocol key", "\u{1B}[97;5u", true),
        ("an xterm modifyOtherKeys key", "\u{1B}[27;5;106~", true),
        ("an unknown SS3 key", "\u{1B}Oz", true),
        ("a CSI with intermediates", "\u{1B}[1 q", true),
    ]

    @Test(
        "sequences curses does not know are dropped whole, never read as digits and letters that act",
        arguments: ["xterm-256color", "tmux-256color"], Array(unknownSequences.indices))
    func unknownSequencesDropped(term: String, index: Int) throws {
        let sequence = Self.unknownSequences[index]
        let terminal = try CursesTerminal(term: term, mouse: sequence.mouse)
        defer { terminal.close() }
        #expect(
            terminal.inputs(for: sequence.bytes) == [],
            "\(term): \(sequence.name) (\(Array(sequence.bytes.utf8).visible))")
        #expect(terminal.press("j") == .event(.key(.character("j"))))
    }

    @Test("Esc before another key is still Esc, then that key")
    func escapeThenKey() throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        #expect(terminal.inputs(for: "\u{1B}q") == [.event(.key(.escape)), .event(.key(.character("q")))])
        #expect(terminal.inputs(for: "\u{1B}\u{1B}OA") == [.event(.key(.escape)), .event(.key(.up))])
    }

    @Test("without mouse support the terminal is not asked to report the mouse")
    func mouseOff() throws {
        let terminal = try CursesTerminal(mouse: false)
        defer { terminal.close() }
        _ = terminal.backend.read()
        #expect(!(try terminal.pty.output().contains("\u{1B}[?1000h")))
    }

    /// A capability string of the current terminal, e.g. `khome`.
    static func terminfoString(_ name: String) -> String? {
        guard let value = name.withCString({ tigetstr($0) }), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }
}
