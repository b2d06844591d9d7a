import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// product.md: `--no-color` and `NO_COLOR` mean no colours; the configuration's `colors` object
/// recolours style slots. Checked on the bytes the built pim writes to its terminal: without
/// colours, bold and reverse remain and colour escapes do not.
@Suite("pim's colours: default, NO_COLOR, --no-color, the configured palette")
struct ColorOptionTests {
    /// The SGR parameters pim used for its first screens with data, then quits.
    static func parameters(
        _ arguments: [String], environment: [String: String] = [:],
        home: PimHome = PimHome()
    ) throws -> Set<Int> {
        let pim = try PimUnderTerminal(arguments, home: home, environment: environment)
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

    /// The configuration's colour object reaches the interface through `FullScreenOptions.palette`.
    @Test("\"colors\": {\"header\": \"magenta\"} in the configuration recolours the table headers")
    func paletteFromConfiguration() throws {
        let home = PimHome()
        try FileManager.default.createDirectory(atPath: home.root + "/config/pim", withIntermediateDirectories: true)
        try #"{"colors": {"header": "magenta"}}"#.write(
            toFile: home.root + "/config/pim/config.json", atomically: true, encoding: .utf8)
        let parameters = try Self.parameters(["--demo"], home: home)
        #expect(parameters.contains(35), "\(parameters.sorted())")
    }

    @Test("--no-color: no colour escapes")
    func noColorFlag() throws {
        let parameters = try Self.parameters(["--demo", "--no-color"])
        #expect(parameters.intersection(SGR.colourParameters).isEmpty, "\(parameters.sorted())")
        #expect(parameters.contains(7), "\(parameters.sorted())")
    }
}
