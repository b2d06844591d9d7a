import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `pim --demo` in a pseudo-terminal: a justification of 3,000 characters pasted into the
/// form (bracketed paste, as a terminal sends it) is on screen within seconds. It took minutes: each
/// key redrew the form, and drawing the field measured every suffix of its text.
@Suite struct PasteSpeedTests {
    @Test func aPasteOf3000CharactersAppearsPromptly() throws {
        let pim = try PimUnderTerminal(["--demo"])
        try #require(pim.waitFor("refreshed"), "no first frame: \(pim.output.visible)")
        pim.pty.type("/Global Reader\r")
        try #require(pim.waitFor("Global Reader"))
        pim.pty.type("a")
        try #require(pim.waitFor("Justification"))
        let mark = pim.output.count
        let text = String(String(repeating: "Restore mail flow after the connector change. ", count: 70).prefix(3_000))
        let started = ContinuousClock.now
        // Tab after the paste moves to the next field, whose label is then drawn in the focus style:
        // keys are handled in order, so that label shows once every pasted character is in.
        pim.pty.type("\u{1B}[200~" + text + "\u{1B}[201~\t")
        let shown = pim.waitFor("Ticket number", after: mark, timeout: .seconds(15))
        let took = ContinuousClock.now - started
        #expect(shown, "the end of the paste never showed")
        #expect(took < .seconds(10), "the paste took \(took) to show")
        kill(pim.pid, SIGTERM)
        #expect(pim.waitForExit() == 143)
    }
}
