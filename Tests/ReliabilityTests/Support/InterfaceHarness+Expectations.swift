import Foundation
import PIMApp
import Testing

/// What every row of the interface fault matrix checks on the screen.
extension InterfaceHarness {
    /// The last refresh shows every row again and no message is left over.
    func expectRecovered(rows: Int = 25, sourceLocation: SourceLocation = #_sourceLocation) async {
        let state = await self.state
        #expect(state.roles.count == rows, sourceLocation: sourceLocation)
        #expect(state.lastError == nil, sourceLocation: sourceLocation)
        #expect(state.sectionFailures.isEmpty, sourceLocation: sourceLocation)
        #expect(state.flash?.level != .error, "left over: \(state.flash?.text ?? "")", sourceLocation: sourceLocation)
        let line = await messageLine()
        #expect(!line.contains("✗") && !line.contains("Graph"), "left over: \(line)", sourceLocation: sourceLocation)
    }

    /// The status line shows the message's beginning and, on screen, the advice (`advice`) whole:
    /// a long message is shortened in the middle, never at the step to take.
    func expectStatus(_ advice: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        let message = await statusMessage() ?? ""
        var line = await messageLine()
        if line.hasPrefix("✗ ") { line.removeFirst(2) }
        #expect(message.contains(advice), "message: \(message)", sourceLocation: sourceLocation)
        #expect(
            line.contains(advice), "the step to take is cut from the status line: \(line)",
            sourceLocation: sourceLocation)
        #expect(line.hasPrefix(String(message.prefix(12))), "status line: \(line)", sourceLocation: sourceLocation)
    }

    /// The user reads the message for a moment, then presses `r` with the fault gone.
    func refreshAfterTheFault() async {
        tenant.faultsOff()
        await tick(2)
        await press("r")
    }
}
