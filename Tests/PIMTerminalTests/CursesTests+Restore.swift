import CNCursesW
import Foundation
@_spi(Fuzzing) @testable import PIMTerminal
import Testing

extension CursesTests {
    @Test("the alternate screen is entered at the start and left at the end")
    func alternateScreen() throws {
        let terminal = try CursesTerminal()
        terminal.backend.draw(Self.textScreen(["Global Reader"]))
        let start = try terminal.pty.output()
        #expect(start.contains("\u{1B}[?1049h"), "smcup missing: \(start.visible)")
        terminal.close()
        let end = try terminal.pty.output()
        #expect(end.contains("\u{1B}[?1049l"), "rmcup missing: \(end.visible)")
    }

    @Test("ending curses puts back the terminal's modes, cursor, keypad and mouse reporting as found")
    func restoreOnEnd() throws {
        let terminal = try CursesTerminal(mouse: true)
        let found = terminal.modesFound
        let before = try terminal.pty.output()
        terminal.backend.draw(Self.styledScreen())
        _ = terminal.press("j")
        // While pim runs: no canonical input, no echo, no flow control.
        let running = terminal.pty.modes
        #expect(running.c_lflag & tcflag_t(ICANON) == 0)
        #expect(running.c_lflag & tcflag_t(ECHO) == 0)
        _ = try terminal.pty.output()
        terminal.close()
        let bytes = try terminal.pty.output()
        let restored = terminal.pty.modes
        #expect(restored.c_lflag & tcflag_t(ICANON) != 0 && restored.c_lflag & tcflag_t(ECHO) != 0)
        #expect(restored.c_iflag & tcflag_t(IXON) != 0, "flow control left off")
        #expect(TerminalModes(restored) == TerminalModes(found))
        #expect(bytes.contains("\u{1B}[?1049l"), "alternate screen not left: \(bytes.visible)")
        #expect(bytes.contains("\u{1B}[?25h"), "cursor not shown again: \(bytes.visible)")
        #expect(bytes.contains("\u{1B}[?1l\u{1B}>"), "keypad mode not left: \(bytes.visible)")
        #expect(bytes.contains("\u{1B}[?1006;1000l"), "mouse reporting not switched off: \(bytes.visible)")
        // Attributes reset: the shell's prompt does not come back reversed or coloured.
        let left = SGR.renditionLeft(by: before + bytes)
        #expect(left.isEmpty, "still on after the end: \(left.sorted())")
    }

    @Test(
        "a terminal that cannot address the cursor (TERM=dumb) is refused, its modes untouched",
        arguments: ["dumb", "no-such-terminal"])
    func refusesUnusableTerminal(term: String) throws {
        let pty = try PseudoTerminal()
        let found = TerminalModes(pty.modes)
        let output = try #require(fdopen(fcntl(pty.slave, F_DUPFD_CLOEXEC, 0), "w"))
        let input = try #require(fdopen(fcntl(pty.slave, F_DUPFD_CLOEXEC, 0), "r"))
        defer {
            fclose(output)
            fclose(input)
        }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        let backend = NCursesBackend(noColor: false, mouse: true, term: term, output: output, input: input)
        #expect(backend == nil)
        #expect(TerminalModes(pty.modes) == found)
    }

    @Test("ending twice (the loop's end, then deinit) writes nothing more")
    func endIsIdempotent() throws {
        let terminal = try CursesTerminal()
        terminal.backend.draw(Self.textScreen(["x"]))
        terminal.backend.end()
        _ = try terminal.pty.output()
        terminal.backend.end()
        terminal.close()
        #expect(try terminal.pty.output().isEmpty)
    }

    @Test("curses can start again after an end (a second screen in the same process)")
    func restartAfterEnd() throws {
        for round in 1...3 {
            let terminal = try CursesTerminal()
            terminal.backend.draw(Self.textScreen(["round \(round)"]))
            #expect(try terminal.pty.output().contains("round \(round)"))
            #expect(terminal.press("k") == .event(.key(.character("k"))))
            terminal.close()
        }
    }
}

/// The parts of `termios` that decide how a shell behaves after pim (flags and control characters).
struct TerminalModes: Equatable, CustomStringConvertible {
    var input: tcflag_t
    var output: tcflag_t
    var control: tcflag_t
    var local: tcflag_t
    var characters: [cc_t]

    init(_ modes: termios) {
        input = modes.c_iflag
        output = modes.c_oflag
        control = modes.c_cflag
        local = modes.c_lflag
        characters = withUnsafeBytes(of: modes.c_cc) { Array($0) }
    }

    var description: String {
        String(format: "iflag %o oflag %o cflag %o lflag %o", input, output, control, local)
    }
}
