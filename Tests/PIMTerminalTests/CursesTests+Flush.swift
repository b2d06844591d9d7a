import CNCursesW
import Foundation
import PIMDomain
import PIMScreen
@_spi(Fuzzing) @testable import PIMTerminal
import Testing

extension CursesTests {
    /// Text a requester can put in front of an approver (role names, justifications, tickets,
    /// error messages): each tries to make the terminal do something instead of showing it. The
    /// forbidden byte sequences are what would act (ESC ], a raw BEL, a C1 byte): the visible
    /// remainder such as "]52;" is allowed, it is how the sanitiser shows the attempt.
    static let hostileTexts: [(name: String, text: String, forbidden: [[UInt8]])] = [
        ("clear screen", "Reader\u{1B}[2J\u{1B}[H", [Array("\u{1B}[2J\u{1B}[H".utf8)]),
        (
            "cursor moves", "ok\u{1B}[10;1Hforged row\u{1B}[A\u{1B}[5D",
            [Array("\u{1B}[10;1H".utf8), Array("\u{1B}[A".utf8)]
        ),
        ("window title (OSC 0)", "x\u{1B}]0;pwned\u{7}y", [Array("\u{1B}]".utf8), [0x07]]),
        ("clipboard (OSC 52)", "x\u{1B}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{7}y", [Array("\u{1B}]".utf8), [0x07]]),
        (
            "hyperlink (OSC 8)", "\u{1B}]8;;https://evil.example/\u{1B}\\click\u{1B}]8;;\u{1B}\\",
            [Array("\u{1B}]".utf8), Array("\u{1B}\\".utf8)]
        ),
        ("bell", "ding\u{7}\u{7}", [[0x07]]),
        ("C1 CSI", "x\u{9B}2Jy\u{9B}31m", [[0x9B], [0xC2, 0x9B]]),
        ("C1 OSC and ST", "x\u{9D}0;t\u{9C}", [[0x9D], [0xC2, 0x9D], [0xC2, 0x9C]]),
        ("bidi override", "admin\u{202E}txt.exe", [Array("\u{202E}".utf8)]),
        ("bidi isolate", "a\u{2067}b\u{2069}", [Array("\u{2067}".utf8), Array("\u{2069}".utf8)]),
        (
            "zero width", "Glo\u{200B}bal\u{200D}Admin\u{FEFF}",
            [Array("\u{200B}".utf8), Array("\u{200D}".utf8), Array("\u{FEFF}".utf8)]
        ),
        ("DCS", "x\u{1B}P1$r0m\u{1B}\\", [Array("\u{1B}P".utf8)]),
        ("newline", "one\ntwo\rthree", [Array("one\ntwo".utf8), Array("two\rthree".utf8)]),
    ]

    @Test("drawn text reaches the terminal")
    func drawnTextAppears() throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        terminal.backend.draw(Self.textScreen(["My roles  Approvals  History", "Global Reader   eligible   8h"]))
        let bytes = try terminal.pty.output()
        #expect(bytes.contains("My roles  Approvals  History"))
        #expect(bytes.contains("Global Reader   eligible   8h"))
        #expect(terminal.backend.row(1).hasPrefix("Global Reader   eligible   8h"))
    }

    @Test(
        "service text with escape sequences, C1 controls, bidi and zero-width characters is written inert",
        arguments: Array(hostileTexts.indices))
    func hostileServiceText(index: Int) throws {
        let hostile = Self.hostileTexts[index]
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        // A clean frame of the same layout: what curses itself sends for it.
        terminal.backend.draw(Self.textScreen(["Name", "Justification: clean", "Ticket"]))
        let baseline = try terminal.pty.output()
        terminal.backend.invalidate()
        terminal.backend.draw(Self.textScreen(["Name", "Justification: \(hostile.text)", "Ticket"]))
        let bytes = try terminal.pty.output()
        for sequence in hostile.forbidden {
            let inBaseline = baseline.occurrences(of: sequence)
            #expect(
                bytes.occurrences(of: sequence) <= inBaseline,
                "\(hostile.name): \(sequence.visible) reached the terminal: \(bytes.visible)")
        }
        // Shown, made visible: the sanitiser's pictures are on the screen in its place.
        let shown = Sanitizer.sanitize(hostile.text)
        #expect(terminal.backend.row(1) == DisplayWidth.pad("Justification: \(shown)", to: 80), "\(hostile.name)")
        // Nothing moved: the rows around it are intact.
        #expect(terminal.backend.row(0).hasPrefix("Name "))
        #expect(terminal.backend.row(2).hasPrefix("Ticket "))
    }

    @Test(
        "cells that bypass the sanitiser still reach the terminal inert (defence in depth)",
        arguments: Array(hostileTexts.indices))
    func unsanitisedCellsAreInert(index: Int) throws {
        let hostile = Self.hostileTexts[index]
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        var screen = Self.textScreen(["Name", "", "Ticket"])
        let baselineScreen = screen
        terminal.backend.draw(baselineScreen)
        let baseline = try terminal.pty.output()
        terminal.backend.invalidate()
        // One scalar per cell, written straight into the grid as a careless view could.
        for (x, scalar) in hostile.text.unicodeScalars.enumerated() where x < 80 {
            screen[x, 1] = Cell(String(scalar))
        }
        screen[0, 1] = Cell(hostile.text)
        terminal.backend.draw(screen)
        let bytes = try terminal.pty.output()
        for sequence in hostile.forbidden {
            #expect(
                bytes.occurrences(of: sequence) <= baseline.occurrences(of: sequence),
                "\(hostile.name): \(sequence.visible) reached the terminal: \(bytes.visible)")
        }
        #expect(terminal.backend.row(0).hasPrefix("Name "))
        #expect(terminal.backend.row(2).hasPrefix("Ticket "))
        // Each cell that would have acted shows "?" in its place.
        for (x, scalar) in hostile.text.unicodeScalars.enumerated()
        where x > 0 && x < 80 && !Sanitizer.isClean(String(scalar)) {
            #expect(
                Self.text(terminal, x: x, y: 1).first == "?",
                "\(hostile.name): column \(x) holds \(Self.text(terminal, x: x, y: 1).prefix(1))")
        }
    }

    @Test("wide characters keep the following columns where the screen put them")
    func wideCharactersAligned() throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        var screen = Screen(width: 80, height: 24)
        // Columns: 日本語 0–5, | 6, é 7, 🎉 8–9, | 10, e+combining acute 11, | 12, 한국 13–16, | 17.
        screen.put(DisplayText(untrusted: "日本語|é🎉|e\u{301}|한국|end"), x: 0, y: 0)
        // A table: name column 12 wide, then the state column.
        let names = ["Global Reader", "全局读取者", "Администратор", "🛡️ Security", "Ωmega"]
        for (row, name) in names.enumerated() {
            screen.put(DisplayText(untrusted: name), x: 0, y: row + 2, width: 12)
            screen.put(DisplayText(untrusted: "|active"), x: 12, y: row + 2)
        }
        terminal.backend.draw(screen)
        let bytes = try terminal.pty.output()
        #expect(bytes.contains("日本語|é🎉|"))
        for column in [6, 10, 12, 17] {
            #expect(Self.text(terminal, x: column, y: 0).hasPrefix("|"), "column \(column): \(terminal.backend.row(0))")
        }
        #expect(Self.text(terminal, x: 18, y: 0).hasPrefix("end"))
        for row in names.indices {
            #expect(
                Self.text(terminal, x: 12, y: row + 2).hasPrefix("|active"),
                "row \(row): \(terminal.backend.row(row + 2))")
        }
    }

    @Test("a character the C library measures wider than the screen planned does not shift the row")
    func widthDisagreementKeepsColumns() throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        var screen = Self.textScreen(["ab|cd"])
        // A wide character in a one-column cell (no trailing half): the grid planned one column.
        screen[1, 0] = Cell("日")
        terminal.backend.draw(screen)
        _ = try terminal.pty.output()
        #expect(Self.text(terminal, x: 2, y: 0).hasPrefix("|cd"), "\(terminal.backend.row(0))")
    }

    @Test("the second frame writes only what changed; an unchanged frame writes nothing")
    func diffFlush() throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        var screen = Self.styledScreen()
        screen.put("Global Reader", x: 40, y: 5)
        screen.put("time left 59:59", x: 40, y: 6, style: .urgencyPlenty)
        terminal.backend.draw(screen)
        let first = try terminal.pty.output()
        screen.put("time left 59:58", x: 40, y: 6, style: .urgencyPlenty)
        terminal.backend.draw(screen)
        let second = try terminal.pty.output()
        #expect(second.contains("8"))
        #expect(!second.contains("Global Reader"))
        #expect(
            second.count * 10 < first.count, "first \(first.count) bytes, second \(second.count): \(second.visible)")
        #expect(second.count < 40, "a one-cell change wrote \(second.count) bytes: \(second.visible)")
        terminal.backend.draw(screen)
        let third = try terminal.pty.output()
        #expect(third.isEmpty, "an unchanged frame wrote \(third.visible)")
        #expect(Self.text(terminal, x: 40, y: 6).hasPrefix("time left 59:58"))
    }

    @Test("after a resize the whole frame is written again at the new size")
    func redrawAfterResize() throws {
        let terminal = try CursesTerminal(columns: 80, rows: 24)
        defer { terminal.close() }
        terminal.backend.draw(Self.textScreen(["Global Reader"]))
        _ = try terminal.pty.output()
        terminal.pty.resize(columns: 100, rows: 30)
        kill(getpid(), SIGWINCH)
        #expect(terminal.next() == .event(.resize))
        terminal.backend.invalidate()
        terminal.backend.draw(
            Self.textScreen(
                [
                    "Global Reader", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                    "", "", "", "", "", "", "", "", "", "", "", "", "", "last row",
                ],
                width: 100, height: 30))
        let bytes = try terminal.pty.output()
        #expect(bytes.contains("Global Reader"), "the unchanged text was not redrawn after the resize")
        #expect(bytes.contains("last row"))
        #expect(terminal.backend.row(29).hasPrefix("last row"))
    }

    /// The text curses holds from column `x` of row `y` to the end of the row.
    static func text(_ terminal: CursesTerminal, x: Int, y: Int) -> String {
        var buffer = [wchar_t](repeating: 0, count: 256)
        let window = cnc_stdscr()
        _ = mvwinnwstr(window, Int32(y), Int32(x), &buffer, 255)
        return String(
            String.UnicodeScalarView(buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
    }
}

extension Array where Element == UInt8 {
    func occurrences(of needle: [UInt8]) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
