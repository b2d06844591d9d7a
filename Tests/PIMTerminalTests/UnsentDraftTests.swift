import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Unsent text is never lost without a question: Ctrl-C in a form with text asks like `q`, a second
/// Ctrl-C quits (130), and the draft is back in the form at the next start, kept in a private file.
@Suite struct UnsentDraftTests {
    /// Opens the activation form on Global Reader (an eligible role of the demo's ada).
    static func openForm(_ pim: PimUnderTerminal) throws {
        let start = pim.output.count
        pim.pty.type("/Global Reader\r")
        pim.pty.type("a")
        try #require(pim.waitFor("Justification", after: start), "no form: \(pim.output.visible)")
    }

    @Test func ctrlCAsksWhenAFormHoldsTextAndTheDraftSurvivesARestart() throws {
        let home = PimHome()
        let pim = try PimUnderTerminal(["--demo"], home: home)
        try #require(pim.waitFor("My roles"))
        try #require(pim.waitFor("refreshed"))
        try Self.openForm(pim)
        pim.pty.type("Keep-this-text")
        let typed = pim.output.count
        pim.pty.type("Z")
        // One letter, drawn on its own: once it shows, the field holds all the text.
        try #require(pim.waitFor("Z", after: typed))

        var start = pim.output.count
        pim.pty.type([0x03])
        #expect(pim.waitFor("Quit anyway", after: start), "Ctrl-C with unsent text must ask first")
        #expect(pim.exitStatus == nil)
        start = pim.output.count
        pim.pty.type([0x03])
        #expect(pim.waitForExit() == 130, "a second Ctrl-C quits")

        let file = home.root + "/state/pim/drafts-demo_ada.json"
        var info = stat()
        try #require(lstat(file, &info) == 0, "no drafts file at \(file)")
        #expect(info.st_mode & S_IFMT == S_IFREG)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Keep-this-textZ"))

        let again = try PimUnderTerminal(["--demo"], home: home)
        try #require(again.waitFor("refreshed"))
        try Self.openForm(again)
        #expect(again.waitFor("Keep-this-textZ"), "the draft is back in the form")
        again.pty.type([0x03])
        #expect(again.waitFor("Quit anyway"))
        again.pty.type("y")
        #expect(again.waitForExit() == 0)
    }

    @Test func ctrlCWithoutUnsentTextQuitsAtOnce() throws {
        let pim = try PimUnderTerminal(["--demo"])
        try #require(pim.waitFor("refreshed"))
        pim.pty.type([0x03])
        #expect(pim.waitForExit() == 130)
    }
}
