import Foundation
import Testing

/// Roles held at administrative units with the built binary against the simulated tenant (`--demo`):
/// listed with the unit's name, activated with `--scope` and the unit's name, refused (nothing sent)
/// when the name matches no unit the role is held at.
@Suite struct AdministrativeUnitDemoTests {
    let sandbox = Sandbox()
    static let parisOffice = "/administrativeUnits/5f0d9b2a-7c41-4e8a-9b13-2a6c8e4d1f01"

    func pim(_ arguments: [String]) throws -> PimBinary.Result {
        try PimBinary.run(["--demo"] + arguments, in: sandbox)
    }

    @Test func aUnitNamedWithScopeIsTheScopeSentAndAnUnknownOneSendsNothing() throws {
        let roles = try pim(["roles", "-o", "json"])
        let rows = try #require(roles.json as? [[String: Any]], "\(roles)")
        let password = rows.filter { $0["name"] as? String == "Password Administrator" }
        #expect(Set(password.compactMap { $0["scopeName"] as? String }) == ["Paris Office", "Berlin Office"])
        #expect(password.contains { $0["scope"] as? String == Self.parisOffice })

        let ambiguous = try pim(["activate", "Password Administrator", "-j", "Password resets"])
        #expect(ambiguous.code == 2, "\(ambiguous)")
        #expect(ambiguous.stderr.contains("Paris Office") && ambiguous.stderr.contains("Berlin Office"))

        let unknown = try pim(["activate", "Password Administrator", "--scope", "Lyon Office", "-j", "Password resets"])
        #expect(unknown.code == 4, "\(unknown)")
        #expect(unknown.stderr.contains("not at Lyon Office"), "\(unknown)")

        let sent = try pim([
            "activate", "Password Administrator", "--scope", "paris office", "-j", "Password resets", "-d", "1h",
            "-o", "json",
        ])
        #expect(sent.code == 0, "\(sent)")
        let requests = try pim(["requests", "-o", "json"])
        let mine = try #require(requests.json as? [[String: Any]], "\(requests)")
        let scopes = mine.filter { $0["name"] as? String == "Password Administrator" }.compactMap {
            $0["scope"] as? String
        }
        #expect(scopes == [Self.parisOffice], "\(mine)")
    }
}
