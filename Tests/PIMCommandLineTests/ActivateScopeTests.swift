import Foundation
import PIMDomain
import PIMTestSupport
import Testing

@testable import PIMCommandLine

/// `pim activate … --scope` naming an administrative unit: by id, by name (any case) or a unique
/// prefix of it; several units is a usage error listing them, a unit not held is refused; neither sends.
@Suite struct ActivateScopeTests {
    static let paris = "/administrativeUnits/au-paris"
    static let parisAnnex = "/administrativeUnits/au-paris-annex"
    static let berlin = "/administrativeUnits/au-berlin"

    /// Helpdesk Administrator held tenant-wide and at three units.
    static func service() -> FakeService {
        FakeService(now: testNow) { state in
            let role = "729827e3-9c14-49f7-bb1b-9608f156bbb8"
            let scopes: [(String, String?)] = [
                ("/", nil), (paris, "Paris Office"), (parisAnnex, "Paris Annex"), (berlin, "Berlin Office"),
            ]
            for (index, (scope, name)) in scopes.enumerated() {
                let target = ElevationTarget(
                    id: .role(role, scope: scope), displayName: "Helpdesk Administrator", scopeName: name)
                state.eligibilities.append(Eligibility(id: "hd-\(index)", target: target, principalId: state.me.id))
                state.policies[target.id] = ActivationPolicy(maxDuration: .hours(8), requiresJustification: true)
            }
        }
    }

    func activate(_ scope: String, _ service: FakeService) async -> RunResult {
        await run(["activate", "Helpdesk Administrator", "-j", "Password resets", "--scope", scope], service: service)
    }

    @Test func aUnitByNameInAnyCaseOrByIdIsTheScopeSent() async {
        for scope in ["Paris Office", "paris office", Self.paris, "Berlin", "Directory"] {
            let service = Self.service()
            let result = await activate(scope, service)
            #expect(result.code == 0, "\(scope): \(result.stderr)")
            let expected = ["Paris Office": Self.paris, "paris office": Self.paris, "Berlin": Self.berlin][scope]
            #expect(
                service.read { $0.sent }.map(\.target.id.scope) == [expected ?? (scope == "Directory" ? "/" : scope)])
        }
    }

    @Test func aNameThatStartsSeveralUnitsIsAUsageErrorListingThemAndSendsNothing() async {
        let service = Self.service()
        let result = await activate("Paris", service)
        #expect(result.code == 2)
        #expect(result.stderr.contains("--scope \"Paris\" matches 2 scopes of your roles:"), "\(result.stderr)")
        #expect(result.stderr.contains("Paris Annex (\(Self.parisAnnex))"))
        #expect(result.stderr.contains("Paris Office (\(Self.paris))"))
        #expect(service.read { $0.sent }.isEmpty)
    }

    @Test func aUnitTheRoleIsNotHeldAtIsRefusedNamingTheScopesHeldAndSendsNothing() async {
        let service = Self.service()
        let result = await activate("Lyon Office", service)
        #expect(result.code == 4)
        #expect(
            result.stderr.contains("You are eligible for \"Helpdesk Administrator\" at Directory, "), "\(result.stderr)"
        )
        for name in ["Paris Office", "Paris Annex", "Berlin Office"] { #expect(result.stderr.contains(name)) }
        #expect(result.stderr.contains(", not at Lyon Office: use one of those with --scope, or leave it out."))
        #expect(service.read { $0.sent }.isEmpty)
    }

    @Test func withoutScopeTheRoleHeldAtSeveralScopesIsAmbiguous() async {
        let service = Self.service()
        let result = await run(["activate", "Helpdesk Administrator", "-j", "x"], service: service)
        #expect(result.code == 2)
        #expect(result.stderr.contains("Pick one with --scope SCOPE or give its id."), "\(result.stderr)")
        #expect(result.stderr.contains("Paris Office"))
        #expect(service.read { $0.sent }.isEmpty)
    }
}
