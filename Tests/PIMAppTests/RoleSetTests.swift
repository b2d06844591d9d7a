import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// Role sets of the configuration (`roleSets`, `pim activate @name` on the command line) in the full
/// screen: `@` in My roles marks a set's rows, and one Enter opens one form for all of them.
@Suite struct RoleSetTests {
    static let config = AppConfig(
        tenantLabel: "contoso.example (demo)",
        roleSets: [
            "oncall": ["exchange admin", "group:itops-sysadmin-prod-noapproval", "Global Reader", "Nope"],
            "review": ["Global Administrator", "Security Reader"],
        ])

    @Test func atMarksTheRowsOfASetAndEnterOpensOneFormForThem() {
        var state = Fixture.loaded(config: Self.config)
        _ = update(&state, .key("@"))
        #expect(state.markedRoles.map(\.target.id) == [Fixture.exchangeAdmin.id, Fixture.sysadmin.id])
        let text = state.flash?.text ?? ""
        #expect(
            text.hasPrefix(
                "@oncall: marked Exchange Administrator, itops-sysadmin-prod-noapproval; Enter activates them."),
            "\(text)")
        #expect(text.contains("Not marked: Global Reader (active)."), "\(text)")
        #expect(text.contains("No row matches \"Nope\"."), "\(text)")
        #expect(state.flash?.level == .warning)
        _ = update(&state, .key(.enter))
        #expect(state.form?.targets.map(\.id) == [Fixture.exchangeAdmin.id, Fixture.sysadmin.id])
    }

    @Test func atAgainMarksTheNextSet() {
        var state = Fixture.loaded(config: Self.config)
        _ = update(&state, .key("@"))
        _ = update(&state, .key("@"))
        #expect(state.markedRoles.map(\.target.id) == [Fixture.globalAdmin.id])
        #expect(
            state.flash?.text.hasPrefix(
                "@review: marked Global Administrator; Enter activates them. Not marked: Security Reader (pending).")
                == true, "\(state.flash?.text ?? "")")
        _ = update(&state, .key("@"))
        #expect(state.markedRoles.count == 2)
    }

    @Test func withoutRoleSetsAtSaysWhereToDefineThem() {
        var state = Fixture.loaded()
        _ = update(&state, .key("@"))
        #expect(state.markedRoles.isEmpty)
        #expect(state.flash?.text.contains("roleSets") == true)
    }
}
