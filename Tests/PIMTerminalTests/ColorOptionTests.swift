import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// product.md: `--no-color` and `NO_COLOR` mean no colours. Checked on the bytes the built pim
/// writes to its terminal: bold and reverse remain, colour escapes do not.
@Suite("pim without colours")
struct ColorOptionTests {
    /// The SGR parameters pim used for its first screens with data, then quits.
    static func parameters(_ arguments: [String], environment: [String: String] = [:]) throws -> Set<Int> {
        let pim = try PimUnderTerminal(arguments, environment: environment)
        try #require(pim.waitFor("Global Administrator"), "no roles shown: \(Array(pim.output.suffix(300)).visible)")
        pim.pty.type("q")
        #expect(pim.waitForExit() == 0)
        return SGR.parameters(in: pim.output)
    }

    @Test("by default the interface is coloured")
    func coloured() throws {
        let parameters = try Self.parameters(["--demo"])
        #expect(!parameters.intersection(SGR.colourParameters).isEmpty, "\(parameters.sorted())")
    }

    @Test("NO_COLOR in the environment: no colour escapes, reverse and bold still mark the selection and headers")
    func noColorEnvironment() throws {
        let parameters = try Self.parameters(["--demo"], environment: ["NO_COLOR": "1"])
        #expect(parameters.intersection(SGR.colourParameters).isEmpty, "\(parameters.sorted())")
        #expect(parameters.contains(7) && parameters.contains(1), "\(parameters.sorted())")
    }

    /// Known issue: the executable starts the interface with `FullScreen.run(service:)`, the
    /// deprecated entry without options, so `--no-color` (and the configuration's refresh interval,
    /// default duration, ticket settings and colours) never reach it; only NO_COLOR, which the
    /// terminal reads itself, works. When Wiring passes `FullScreenOptions` this test passes and
    /// `withKnownIssue` reports that: remove it then.
    @Test("--no-color: no colour escapes")
    func noColorFlag() throws {
        let parameters = try Self.parameters(["--demo", "--no-color"])
        withKnownIssue("Wiring.runFullScreen does not pass FullScreenOptions (noColor) to the interface") {
            #expect(parameters.intersection(SGR.colourParameters).isEmpty, "\(parameters.sorted())")
            #expect(parameters.contains(7), "\(parameters.sorted())")
        }
    }
}
