import CNCursesW
import Foundation
import PIMApp
@_spi(Fuzzing) @testable import PIMTerminal
import Testing

extension CursesTests {
    @Test("bracketed paste is switched on while pim runs and off when it ends")
    func bracketedPasteModeFollowsTheInterface() throws {
        let terminal = try CursesTerminal()
        terminal.backend.draw(Self.textScreen(["Global Reader"]))
        let start = try terminal.pty.output()
        #expect(start.contains("\u{1B}[?2004h"), "bracketed paste not requested: \(start.visible)")
        terminal.close()
        let end = try terminal.pty.output()
        #expect(end.contains("\u{1B}[?2004l"), "bracketed paste left on for the shell: \(end.visible)")
    }

    @Test("pasted bytes arrive between paste markers, a pasted line break as Enter inside them")
    func pastedTextArrivesBetweenMarkers() throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        let inputs = terminal.inputs(for: "\u{1B}[200~q\ra\u{1B}[201~")
        #expect(
            inputs == [
                .event(.key(.pasteBegin)), .event(.key(.character("q"))), .event(.key(.enter)),
                .event(.key(.character("a"))), .event(.key(.pasteEnd)),
            ], "\(inputs)")
    }
}
