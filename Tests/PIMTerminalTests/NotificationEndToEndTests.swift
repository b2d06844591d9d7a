import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `pim --demo` in a terminal that shows OSC 777 (WezTerm): the ten-minute warning of one of
/// my activations reaches the terminal as a desktop notification besides the bell, unless the
/// configuration turns notifications off.
@Suite("pim sends desktop notifications to the terminal")
struct NotificationEndToEndTests {
    static let sequence = "\u{1B}]777;notify;Activation ends soon;"

    /// A demo tenant where the requester's activation ending soonest ends in nine minutes.
    static func homeWithAnActivationEndingSoon() throws -> PimHome {
        let home = PimHome()
        try #require(try home.run(["--demo", "roles"]) == 0)
        let url = URL(fileURLWithPath: home.demoTenant)
        var tenant = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var assignments = try #require(tenant["assignments"] as? [[String: Any]])
        let users = try #require(tenant["users"] as? [[String: Any]])
        // The demo's default persona, the requester.
        let ada = try #require(
            users.first { $0["userPrincipalName"] as? String == "ada@contoso.com" }?["id"] as? String)
        let now = Date().timeIntervalSinceReferenceDate
        func end(_ index: Int) -> Double { (assignments[index]["end"] as? Double) ?? 0 }
        let soonest = try #require(
            assignments.indices.filter {
                assignments[$0]["assignmentType"] as? String == "Activated" && end($0) > now
                    && (assignments[$0]["grant"] as? [String: Any])?["principalId"] as? String == ada
            }.min { end($0) < end($1) })
        assignments[soonest]["end"] = now + 9 * 60
        tenant["assignments"] = assignments
        try JSONSerialization.data(withJSONObject: tenant).write(to: url)
        return home
    }

    @Test("the ten-minute warning is a notification after the bell, written whole")
    func expiryWarningNotifies() throws {
        let home = try Self.homeWithAnActivationEndingSoon()
        let pim = try PimUnderTerminal(["--demo"], home: home, environment: ["TERM_PROGRAM": "WezTerm"])
        try #require(
            pim.waitFor(Self.sequence), "no notification: \(Array(pim.output.suffix(600)).visible)")
        #expect(pim.waitFor("extend it in pim (e).\u{1B}\\"))
        let start = try #require(pim.output.firstRange(of: Array(Self.sequence.utf8))).lowerBound
        #expect(pim.output[..<start].contains(0x07), "the bell stays")
        pim.pty.type("q")
        #expect(pim.waitForExit() == 0)
    }

    @Test("notifications false in the configuration: the bell only")
    func configurationTurnsThemOff() throws {
        let home = try Self.homeWithAnActivationEndingSoon()
        try FileManager.default.createDirectory(atPath: home.root + "/config/pim", withIntermediateDirectories: true)
        try Data(#"{"notifications": false}"#.utf8).write(
            to: URL(fileURLWithPath: home.root + "/config/pim/config.json"))
        let pim = try PimUnderTerminal(["--demo"], home: home, environment: ["TERM_PROGRAM": "WezTerm"])
        try #require(pim.waitFor("press e to extend it"), "\(Array(pim.output.suffix(600)).visible)")
        // A frame drawn after the warning (help): a notification, posted before it, went out with or
        // before that frame, so the output up to the exit holds it if one was sent.
        pim.pty.type("?")
        try #require(pim.waitFor("? or Esc closes"))
        pim.pty.type("?q")
        #expect(pim.waitForExit() == 0)
        #expect(pim.output.contains(0x07))
        #expect(pim.output.firstRange(of: Array("\u{1B}]777".utf8)) == nil)
    }
}
