import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `pim --demo` in its own terminal: resizing the window redraws at the new size, and a
/// click on a pane's tab switches to it.
@Suite("pim follows the terminal: resize and mouse")
struct InteractionTests {
    @Test("resizing the window redraws everything inside the new size")
    func resizeRedraws() throws {
        let pim = try PimUnderTerminal(["--demo"], columns: 120, rows: 40)
        try #require(pim.waitFor("Global Administrator"))
        let before = pim.output.count
        // The kernel tells pim with SIGWINCH, as a terminal emulator's resize does.
        pim.pty.resize(columns: 70, rows: 20)
        // The redraw starts by clearing the screen; frames already on their way may still be
        // of the old size, so only what follows the clear counts.
        let clear = "\u{1B}[H\u{1B}[2J"
        let cleared = pim.waitFor(clear, after: before)
        try #require(cleared, "no full redraw after the resize")
        let start = before + Array(pim.output[before...]).firstRange(of: Array(clear.utf8))!.lowerBound
        #expect(pim.waitFor("My roles", after: start), "the redraw has no tabs")
        _ = pim.waitForMoreOutput(timeout: .milliseconds(500))
        let after = Array(pim.output[start...])
        for (row, column) in CursorMoves.positions(in: after) {
            #expect(row <= 20 && column <= 70, "drew at row \(row), column \(column) of a 70×20 terminal")
        }
        pim.pty.type("q")
        #expect(pim.waitForExit() == 0)
    }

    @Test("shrinking the window to almost nothing and back neither crashes nor loses the screen")
    func tinySizes() throws {
        let pim = try PimUnderTerminal(["--demo"], columns: 100, rows: 30)
        try #require(pim.waitFor("Global Administrator"))
        // At each size: the activation form, help, Approvals, My roles.
        for (columns, rows) in [(1, 1), (2, 1), (10, 3), (20, 5), (40, 8), (5, 40), (200, 2), (0, 0)] {
            pim.pty.resize(columns: columns, rows: rows)
            for key in ["\r", "?", "2", "1"] {
                pim.pty.type(key)
                _ = pim.waitForMoreOutput(timeout: .milliseconds(100))
            }
            _ = pim.waitForExit(timeout: .milliseconds(1))
            let alive = pim.exitStatus == nil
            #expect(alive, "pim ended at \(columns)×\(rows)")
            if !alive { return }
        }
        let before = pim.output.count
        pim.pty.resize(columns: 100, rows: 30)
        #expect(pim.waitFor("My roles", after: before), "no redraw back at 100×30")
        pim.pty.type("q")
        #expect(pim.waitForExit() == 0)
    }

    @Test("a click on a pane's tab switches to that pane")
    func clickOnTab() throws {
        let pim = try PimUnderTerminal(["--demo"], columns: 100, rows: 30)
        try #require(pim.waitFor("Global Administrator"))
        let before = pim.output.count
        // Row 2 (1-based) holds the tabs: " 1 My roles (21)   2 Approvals (0) …"; column 22 is on "Approvals".
        pim.pty.type("\u{1B}[<0;22;2M")
        pim.pty.type("\u{1B}[<0;22;2m")
        let switched = pim.waitFor("No request waits for your decision.", after: before, timeout: .seconds(5))
        #expect(switched, "the click did not open Approvals: \(Array(pim.output[before...]).visible)")
        pim.pty.type("q")
        #expect(pim.waitForExit() == 0)
    }
}

/// Cursor positioning (`ESC [ row ; column H`) in a byte stream, 1-based.
enum CursorMoves {
    static func positions(in bytes: [UInt8]) -> [(Int, Int)] {
        var found: [(Int, Int)] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == 0x1B, bytes[index + 1] == UInt8(ascii: "[") else { index += 1; continue }
            var end = index + 2
            while end < bytes.count, (0x30...0x3F).contains(bytes[end]) { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "H") {
                let parts = String(decoding: bytes[(index + 2)..<end], as: UTF8.self).split(
                    separator: ";", omittingEmptySubsequences: false)
                let row = parts.first.flatMap { Int($0) } ?? 1
                let column = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
                found.append((row, column))
            }
            index = end
        }
        return found
    }
}
