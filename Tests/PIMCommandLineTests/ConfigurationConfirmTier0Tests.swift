import Foundation
@testable import PIMCommandLine
import Testing

/// `confirmTier0` in the configuration file turns on the interface's y/n step for Tier 0 targets.
@Suite struct ConfigurationConfirmTier0Tests {
    @Test func readsTrueAndDefaultsToFalse() throws {
        let on = try Configuration.parse(Data(#"{"confirmTier0": true}"#.utf8), path: "c.json").0
        #expect(on.confirmTier0)
        #expect(try !Configuration.parse(Data("{}".utf8), path: "c.json").0.confirmTier0)
    }

    @Test func refusesANonBoolean() {
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(Data(#"{"confirmTier0": "yes"}"#.utf8), path: "c.json")
        }
    }
}
