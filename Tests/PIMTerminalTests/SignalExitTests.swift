import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `pim --demo` in a pseudo-terminal of its own: each way of stopping it leaves the
/// terminal as it was found (modes, alternate screen, cursor) and exits with the code product.md
/// and shells expect (128 + signal).
@Suite("pim stops cleanly on q, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, every fatal signal and a closed terminal")
struct SignalExitTests {
    /// Starts `pim --demo` and waits for its first frame.
    static func started() throws -> PimUnderTerminal {
        let pim = try PimUnderTerminal(["--demo"])
        let up = pim.waitFor("My roles")
        try #require(up, "pim did not draw its first frame: \(pim.output.visible)")
        return pim
    }

    /// What a clean exit leaves: the tty modes found at the start and the alternate screen left.
    static func expectRestored(_ pim: PimUnderTerminal, _ how: String) {
        let found = pim.modesFound
        let restored = pim.pty.modes
        #expect(
            TerminalModes(restored) == TerminalModes(found),
            "\(how): modes \(TerminalModes(restored)), found \(TerminalModes(found))")
        #expect(
            restored.c_lflag & tcflag_t(ICANON) != 0 && restored.c_lflag & tcflag_t(ECHO) != 0,
            "\(how): icanon/echo off")
        let tail = pim.output
        let leftAlternate = tail.contains("\u{1B}[?1049l")
        #expect(leftAlternate, "\(how): alternate screen not left")
        if let left = tail.lastRange(of: Array("\u{1B}[?1049h".utf8)),
            let right = tail.lastRange(of: Array("\u{1B}[?1049l".utf8))
        {
            #expect(
                left.lowerBound < right.lowerBound, "\(how): the alternate screen was entered again after leaving it")
        }
        let cursorShown = tail.contains("\u{1B}[?25h")
        #expect(cursorShown, "\(how): cursor not shown again")
        // Application keypad and cursor-key modes (xterm's smkx, `ESC [?1h ESC =`) are switched off again.
        for (on, off) in [("\u{1B}[?1h", "\u{1B}[?1l"), ("\u{1B}=", "\u{1B}>")] {
            if let set = tail.lastRange(of: Array(on.utf8)) {
                let reset = tail.lastRange(of: Array(off.utf8))
                #expect(
                    reset.map { $0.lowerBound > set.lowerBound } == true, "\(how): \(Array(on.utf8).visible) left on")
            }
        }
        let left = SGR.renditionLeft(by: tail)
        #expect(left.isEmpty, "\(how): attributes left on: \(left.sorted())")
    }

    @Test("q quits with 0 and restores the terminal")
    func quit() throws {
        let pim = try Self.started()
        pim.pty.type("q")
        let code = pim.waitForExit()
        #expect(code == 0, "output: \(Array(pim.output.suffix(400)).visible)")
        Self.expectRestored(pim, "q")
    }

    @Test("Ctrl-C typed in the terminal exits 130 and restores the terminal")
    func controlC() throws {
        let pim = try Self.started()
        pim.pty.type("\u{3}")
        #expect(pim.waitForExit() == 130)
        Self.expectRestored(pim, "Ctrl-C")
    }

    @Test("SIGTERM exits 143 and restores the terminal")
    func sigterm() throws {
        let pim = try Self.started()
        kill(pim.pid, SIGTERM)
        #expect(pim.waitForExit() == 143)
        Self.expectRestored(pim, "SIGTERM")
    }

    @Test("SIGHUP exits 129 and restores the terminal")
    func sighup() throws {
        let pim = try Self.started()
        kill(pim.pid, SIGHUP)
        #expect(pim.waitForExit() == 129)
        Self.expectRestored(pim, "SIGHUP")
    }

    @Test("SIGINT (kill -INT) exits 130 and restores the terminal")
    func sigint() throws {
        let pim = try Self.started()
        kill(pim.pid, SIGINT)
        #expect(pim.waitForExit() == 130)
        Self.expectRestored(pim, "SIGINT")
    }

    @Test(
        "a crash (the signals of a Swift trap or a bad access) restores the terminal before dying",
        arguments: [SIGILL, SIGTRAP, SIGSEGV, SIGABRT, SIGBUS, SIGFPE])
    func crashRestores(signal: Int32) throws {
        let pim = try Self.started()
        kill(pim.pid, signal)
        #expect(pim.waitForExit() == nil)
        #expect(pim.terminatingSignal == signal, "pim ended with status \(String(describing: pim.terminatingSignal))")
        Self.expectRestored(pim, "signal \(signal)")
    }

    @Test(
        "signals whose default is to end the process restore the terminal, then end it with that signal",
        arguments: [SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGSYS])
    func fatalSignalsRestore(signal: Int32) throws {
        let pim = try Self.started()
        kill(pim.pid, signal)
        #expect(pim.waitForExit() == nil)
        #expect(pim.terminatingSignal == signal, "pim ended with status \(String(describing: pim.exitStatus))")
        Self.expectRestored(pim, "signal \(signal)")
    }

    @Test("SIGQUIT quits like q: exit 0, terminal restored, no backtrace")
    func sigquit() throws {
        let pim = try Self.started()
        kill(pim.pid, SIGQUIT)
        let code = pim.waitForExit()
        #expect(code == 0, "status \(String(describing: pim.exitStatus)): \(Array(pim.output.suffix(400)).visible)")
        Self.expectRestored(pim, "SIGQUIT")
        let text = String(decoding: pim.output, as: UTF8.self)
        #expect(!text.contains("Backtrace") && !text.contains("Thread 0"), "a backtrace was printed")
    }

    @Test("SIGQUIT with unsent text in the form asks first, like q")
    func sigquitAsksAboutUnsentText() throws {
        let pim = try Self.started()
        try #require(pim.waitFor("refreshed"))
        pim.pty.type("/Global Reader\r")
        try #require(pim.waitFor("Global Reader"))
        pim.pty.type("a")
        try #require(pim.waitFor("Justification"))
        let typed = pim.output.count
        pim.pty.type("Q")
        // One letter, drawn on its own: once it shows, the field holds text.
        try #require(pim.waitFor("Q", after: typed))
        let mark = pim.output.count
        kill(pim.pid, SIGQUIT)
        #expect(pim.waitFor("Quit anyway", after: mark))
        pim.pty.type("y")
        #expect(pim.waitForExit() == 0)
        Self.expectRestored(pim, "SIGQUIT with unsent text")
    }

    @Test(
        "a terminal type curses cannot drive: exit 1 with a sentence naming TERM, terminal untouched",
        arguments: ["dumb", "no-such-terminal"])
    func unusableTerminal(term: String) throws {
        let pim = try PimUnderTerminal(["--demo"], environment: ["TERM": term])
        let code = pim.waitForExit()
        #expect(code == 1)
        let text = String(decoding: pim.output, as: UTF8.self)
        #expect(text.contains("TERM=\(term)"), "\(text)")
        #expect(!pim.output.contains("\u{1B}[?1049h"), "the alternate screen was entered")
        #expect(TerminalModes(pim.pty.modes) == TerminalModes(pim.modesFound))
    }

    @Test(
        "SIGTERM during startup (before, while and just after curses starts) leaves the terminal as found",
        arguments: ["", "\u{1B}[?1049h", "\u{1B}[?1006;1000h", "My roles"])
    func sigtermDuringStartup(after marker: String) throws {
        let pim = try PimUnderTerminal(["--demo"])
        if !marker.isEmpty { try #require(pim.waitFor(marker), "never saw \(Array(marker.utf8).visible)") }
        kill(pim.pid, SIGTERM)
        let code = pim.waitForExit()
        // Before pim handles signals the default action ends it (nothing was changed yet); after, 143.
        #expect(code == 143 || pim.terminatingSignal == SIGTERM, "exit \(String(describing: code))")
        #expect(TerminalModes(pim.pty.modes) == TerminalModes(pim.modesFound))
        let output = pim.output
        if let entered = output.lastRange(of: Array("\u{1B}[?1049h".utf8)) {
            let left = output.lastRange(of: Array("\u{1B}[?1049l".utf8))
            #expect(left.map { $0.lowerBound > entered.lowerBound } == true, "the alternate screen was left on")
        }
    }

    @Test("closing the terminal window exits 129 promptly instead of spinning or hanging")
    func hangUp() throws {
        let pim = try Self.started()
        pim.pty.hangUp()
        #expect(pim.waitForExit() == 129)
    }

    @Test("after a click, its release and a wheel turn the clock keeps ticking on screen (no stuck read)")
    func clockTicksAfterMouse() throws {
        let pim = try Self.started()
        // Click a row, release, turn the wheel, click with the right button: then nothing more is typed.
        pim.pty.type("\u{1B}[<0;10;5M")
        pim.pty.type("\u{1B}[<0;10;5m")
        pim.pty.type("\u{1B}[<65;10;5M")
        pim.pty.type("\u{1B}[<2;10;5M\u{1B}[<2;10;5m")
        // The title clock and the countdowns redraw every second: redraws must still be coming
        // more than two seconds later (the click's own redraws come at once).
        let typed = ContinuousClock.now
        while ContinuousClock.now - typed < .seconds(2) {
            let redrawn = pim.waitForMoreOutput(timeout: .seconds(3))
            #expect(redrawn, "no redraw \(ContinuousClock.now - typed) after the mouse events: the key loop is stuck")
            if !redrawn { break }
        }
        kill(pim.pid, SIGTERM)
        #expect(pim.waitForExit(timeout: .seconds(5)) == 143)
        Self.expectRestored(pim, "SIGTERM after a click")
    }
}
