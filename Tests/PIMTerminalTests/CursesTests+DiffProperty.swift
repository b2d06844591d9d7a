import CNCursesW
import Foundation
import PIMDomain
import PIMScreen
@_spi(Fuzzing) @testable import PIMTerminal
import Testing

extension CursesTests {
    /// A small deterministic generator (the same frames on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("frame after frame of shifting wide and narrow text, curses holds exactly the screen's cells")
    func diffKeepsCursesInStep() throws {
        let terminal = try CursesTerminal(columns: 40, rows: 8)
        defer { terminal.close() }
        let alphabet = ["a", "b", "Z", " ", "é", "日", "本", "🎉", "한", "e\u{301}", "Ω", "─", "│", "…"]
        let roles: [StyleRole] = [.normal, .selectedRow, .header, .urgencyImminent]
        var generator = Generator(state: 42)
        var screen = Screen(width: 40, height: 8)
        for frame in 0..<150 {
            for _ in 0..<(1 + generator.next(4)) {
                let text = (0..<(1 + generator.next(8))).map { _ in alphabet[generator.next(alphabet.count)] }.joined()
                screen.put(
                    DisplayText(untrusted: text), x: generator.next(40), y: generator.next(8),
                    style: roles[generator.next(roles.count)])
            }
            terminal.backend.draw(screen)
            let mismatches = Self.mismatches(terminal, screen)
            #expect(
                mismatches.isEmpty, "frame \(frame): \(mismatches.prefix(3))\n\(screen.lines().joined(separator: "\n"))"
            )
            if !mismatches.isEmpty { break }
        }
        _ = try terminal.pty.output()
    }

    /// Cells whose character in curses differs from the screen's (leading cells only).
    static func mismatches(_ terminal: CursesTerminal, _ screen: Screen) -> [String] {
        var found: [String] = []
        for y in 0..<screen.height {
            for x in 0..<screen.width where !screen[x, y].isTrailing {
                // Characters compare canonically: "é" and "e" + U+0301 look the same on a terminal.
                let expected = screen[x, y].text.first!
                let actual = text(terminal, x: x, y: y).first
                if actual != expected {
                    found.append("(\(x),\(y)) \(expected) ≠ \(actual.map(String.init) ?? "nothing")")
                }
            }
        }
        return found
    }
}
