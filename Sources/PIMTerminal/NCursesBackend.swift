import CNCursesW
import Foundation
import PIMApp
import PIMDomain
import PIMScreen

/// The one owner of curses: sets the terminal up, flushes screens (changed cells only), reads
/// keys, and puts the terminal back. Not thread-safe, like curses itself: one thread uses it.
final class NCursesBackend {
    enum Input: Equatable {
        case none
        case event(TerminalEvent)
        case click(x: Int, y: Int)
        /// The mouse wheel: -1 up, +1 down.
        case wheel(Int)
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: ColorPalette
    private var previous: Screen?
    private var ended = false
    /// Whether mouse reports are asked for (and acted on).
    private let mouse: Bool

    /// Starts curses on the given streams (nil: stdin/stdout) with `term` (nil: `$TERM`).
    /// Returns nil when the terminal cannot be used (unknown TERM); nothing is printed then.
    private let output: UnsafeMutablePointer<FILE>?

    init?(
        noColor: Bool, mouse: Bool, palette names: [String: String] = [:], term: String? = nil,
        output: UnsafeMutablePointer<FILE>? = nil,
        input: UnsafeMutablePointer<FILE>? = nil, inputIsTerminal: Bool = true
    ) {
        let made: OpaquePointer? =
            term.map { name in name.withCString { newterm($0, output, input) } }
            ?? newterm(nil, output, input)
        guard let made else { return nil }
        // A terminal without cursor addressing (TERM=dumb, a printing terminal) gets a screenful
        // of spaces and line feeds per frame from curses: refuse it like an unknown one.
        guard Self.canAddressCursor() else {
            endwin()
            delscreen(made)
            return nil
        }
        screen = made
        self.output = output
        self.mouse = mouse
        // What a fatal signal writes to put this terminal back, asked of terminfo now (a handler cannot).
        cnc_prepare_restore()
        // On the real terminal, stderr would write over the interface: keep it until the end.
        if output == nil { cnc_capture_stderr() }
        window = cnc_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        wtimeout(window, 40)
        if inputIsTerminal { Self.disableFlowControl(fileDescriptor: input.map(fileno) ?? STDIN_FILENO) }
        let colors = !noColor && has_colors()
        palette = ColorPalette(noColor: !colors, names: names)
        if colors {
            start_color()
            use_default_colors()
            palette.install()
        }
        Self.enableBracketedPaste(output: output)
        if mouse {
            // Every event, not just the ones pim acts on: curses answers an event outside the mask by
            // reading the next input with no timeout, which froze the loop (no ticks, redraws or
            // signal handling) after a release, a wheel turn or another button until a key came.
            mousemask(cnc_all_mouse_events(), nil)
            mouseinterval(0)
        }
    }

    /// Bracketed paste: the terminal wraps pasted text in `ESC [200~` … `ESC [201~`, which curses is
    /// taught to report as two keys, so a pasted line break or letter is never taken for Enter or a
    /// command. Terminals without the mode ignore the request and paste as typing.
    static let bracketedPasteOn = "\u{1B}[?2004h", bracketedPasteOff = "\u{1B}[?2004l"
    static let renditionOff = "\u{1B}[0m"

    private static func enableBracketedPaste(output: UnsafeMutablePointer<FILE>?) {
        _ = define_key("\u{1B}[200~", KeyDecoder.pasteBeginCode)
        _ = define_key("\u{1B}[201~", KeyDecoder.pasteEndCode)
        write(bracketedPasteOn, to: output)
    }

    /// Straight to the terminal's descriptor (curses flushes its own buffer with `write` too).
    private static func write(_ sequence: String, to output: UnsafeMutablePointer<FILE>?) {
        let descriptor = output.map(fileno) ?? STDOUT_FILENO
        _ = sequence.withCString { Glibc.write(descriptor, $0, strlen($0)) }
    }

    /// True when the current terminal description can move the cursor anywhere (`cup`).
    private static func canAddressCursor() -> Bool {
        guard let cup = "cup".withCString({ tigetstr($0) }) else { return false }
        return Int(bitPattern: cup) != -1 && cup.pointee != 0
    }

    /// Ctrl-S must reach the form (it sends), not stop the terminal's output (XON/XOFF).
    /// Changes the terminal curses reads keys from, not whatever happens to be on fd 0.
    private static func disableFlowControl(fileDescriptor: Int32) {
        var modes = termios()
        guard tcgetattr(fileDescriptor, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(fileDescriptor, TCSANOW, &modes)
        def_prog_mode()
    }

    var size: (width: Int, height: Int) { (Int(cnc_maxx(window)), Int(cnc_maxy(window))) }

    /// Forgets what is on the terminal so the next draw writes every cell (after a resize).
    func invalidate() {
        previous = nil
        clearok(window, true)
    }

    /// Writes the cells that differ from the last frame, then updates the terminal once.
    func draw(_ next: Screen) {
        if previous == nil { werase(window) }
        for change in ScreenDiff.changes(from: previous, to: next) {
            let expected = change.x + 1 < next.width && next[change.x + 1, change.y].isTrailing ? 2 : 1
            put(change.cell.text, x: change.x, y: change.y, role: change.cell.style, expectedWidth: expected)
        }
        previous = next
        wnoutrefresh(window)
        doupdate()
    }

    private func put(_ text: String, x: Int, y: Int, role: StyleRole, expectedWidth: Int) {
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        var actual = wide.isEmpty ? 0 : Int(wcswidth(wide, wide.count))
        if actual < 0 || actual > expectedWidth || !Self.isInert(text) {
            // The C library disagrees with our width table, or the text would act on the terminal:
            // draw something of the width we planned.
            wide = Array(repeating: wchar_t(0x3F), count: expectedWidth)
            actual = expectedWidth
        }
        let attributes = palette.attributes(role)
        let pair = palette.pairNumber(role)
        wide.append(0)
        _ = cnc_put_cell(window, Int32(y), Int32(x), wide, attributes, pair)
        if actual >= 0, actual < expectedWidth {
            let pad: [wchar_t] = Array(repeating: 0x20, count: expectedWidth - max(actual, 0)) + [0]
            _ = cnc_put(window, Int32(y), Int32(x + max(actual, 0)), pad, attributes, pair)
        }
    }

    /// Cells normally hold sanitised text (`Screen.put` takes `DisplayText`), but a cell set
    /// directly could hold anything: curses passes bidi controls and zero-width characters to the
    /// terminal as they are, so such a cell is drawn as "?" instead.
    static func isInert(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return true }
        return Sanitizer.isClean(text)
    }

    /// Waits up to 40 ms for one key, resize, click or wheel turn; with `waiting` false, takes only one already there.
    func read(waiting: Bool = true) -> Input {
        guard let (status, code) = readCode(timeout: waiting ? 40 : 0) else { return .none }
        if status == KeyDecoder.statusOK, code == 27 { return readEscapeSequence() }
        return input(status: status, code: code)
    }

    /// What one `wget_wch` answer means, the mouse read out.
    private func input(status: Int32, code: UInt32) -> Input {
        guard let event = KeyDecoder.decode(status: status, code: code) else { return .none }
        if event == .mouse {
            var x: Int32 = 0, y: Int32 = 0, buttons: mmask_t = 0
            guard mouse, cnc_getmouse(&x, &y, &buttons) == OK else {
                // Curses matched the start of a report (`kmous`) it was not asked to read: the rest
                // of the report is still waiting and must not arrive as digits and letters.
                discardRestOfMouseReport()
                return .none
            }
            if buttons & (cnc_button1_pressed() | cnc_button1_clicked()) != 0 { return .click(x: Int(x), y: Int(y)) }
            if buttons & cnc_button4_pressed() != 0 { return .wheel(-1) }
            if buttons & cnc_button5_pressed() != 0 { return .wheel(1) }
            return .none
        }
        return .event(event)
    }

    /// After an unread `kmous`: an SGR report's `b;x;yM` or an X10 report's three bytes.
    private func discardRestOfMouseReport() {
        guard let start = Self.mouseReportStart else { return }
        if start.hasSuffix("<") {
            for _ in 0..<EscapeSequence.maximumLength {
                guard let (status, code) = readCode(timeout: 0) else { return }
                if status == KeyDecoder.statusOK, code == 0x4D || code == 0x6D { return }
                guard status == KeyDecoder.statusOK, (0x30...0x3B).contains(code) else {
                    pushedBack.append((status, code))
                    return
                }
            }
        } else {
            for _ in 0..<3 { guard readCode(timeout: 0) != nil else { return } }
        }
    }

    /// The terminal's `kmous`: what curses takes for the start of a mouse report.
    private static var mouseReportStart: String? {
        guard let value = "kmous".withCString({ tigetstr($0) }), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }

    /// Characters put back after an `ESC` that turned out to be a key of its own.
    private var pushedBack: [(status: Int32, code: UInt32)] = []

    /// Keys already read from the terminal and held back: the next read returns one without waiting,
    /// though the terminal itself has nothing more to read.
    var hasHeldInput: Bool { !pushedBack.isEmpty }

    private func readCode(timeout: Int32) -> (Int32, UInt32)? {
        if !pushedBack.isEmpty { return pushedBack.removeFirst() }
        var code: wint_t = 0
        if timeout != 40 { wtimeout(window, timeout) }
        defer { if timeout != 40 { wtimeout(window, 40) } }
        let status = wget_wch(window, &code)
        guard status != ERR else { return nil }
        return (status, UInt32(code))
    }

    /// After an `ESC` curses did not make a key of: a lone Esc, Esc before another key, or a
    /// sequence curses does not know (a mouse report in another encoding, a focus report, a key of
    /// another keyboard protocol), which is dropped whole or read as the mouse it reports.
    private func readEscapeSequence() -> Input {
        var sequence = EscapeSequence()
        while true {
            // Curses has waited its escape delay: what belongs to the sequence is already there. The
            // rest of a sequence split in transit (ssh) gets a short wait.
            guard let (status, code) = readCode(timeout: sequence.isAtStart ? 0 : 25) else {
                return sequence.isAtStart ? .event(.key(.escape)) : .none
            }
            guard status == KeyDecoder.statusOK else {
                pushedBack.append((status, code))
                return sequence.isAtStart ? .event(.key(.escape)) : .none
            }
            switch sequence.feed(code) {
            case .more:
                continue
            case .escapeThen(let next):
                pushedBack.append((status, next))
                return .event(.key(.escape))
            case .dropped:
                return .none
            case .droppedBefore(let next):
                pushedBack.append((status, next))
                return .none
            case .mouse(let report):
                guard mouse else { return .none }
                switch report {
                case .press(let x, let y): return .click(x: x, y: y)
                case .wheel(let lines): return .wheel(lines)
                case .other: return .none
                }
            }
        }
    }

    func bell() { beep() }

    /// Reads back row `y` as text (tests).
    func row(_ y: Int) -> String {
        var buffer = [wchar_t](repeating: 0, count: size.width + 1)
        _ = mvwinnwstr(window, Int32(y), 0, &buffer, Int32(size.width))
        return String(
            String.UnicodeScalarView(buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
    }

    /// Leaves curses: the terminal's modes, screen and cursor as they were found.
    func end() {
        guard !ended else { return }
        ended = true
        endwin()
        // Attributes off as well, as the fatal-signal path does: endwin resets only those curses knows it
        // set, and a frame cut short by a quit can leave one (dim) on in the user's shell.
        Self.write(Self.bracketedPasteOff + Self.renditionOff, to: output)
        if output == nil { cnc_release_stderr() }
        delscreen(screen)
    }

    deinit { end() }
}
