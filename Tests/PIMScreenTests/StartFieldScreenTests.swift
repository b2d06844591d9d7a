import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

@testable import PIMScreen

/// The activation form's Start field on a role held at an administrative unit: the form names the
/// unit, a typed start is confirmed with its instant and the wait, and a bad one is marked in one sentence.
@Suite struct StartFieldScreenTests {
    static func form(start: String) -> AppState {
        var state = Fixture.loaded()
        _ = update(&state, .click(.row(state.roles.firstIndex { $0.target == Fixture.exchangeAdmin }!)))
        _ = update(&state, .key("a"))
        for c in "Mailbox migration" { _ = update(&state, .key(.character(c))) }
        _ = update(&state, .key(.backTab))
        for c in start { _ = update(&state, .key(.character(c))) }
        return state
    }

    @Test func aTypedStartIsConfirmedWithItsInstantAndTheScopeIsNamed() {
        let lines = render(Self.form(start: "+3h10m")).lines()
        #expect(lines.contains { $0.contains("For: Exchange Administrator (role, AU Europe, Tier 0)") }, "\(lines)")
        #expect(lines.contains { $0.contains("Start          +3h10m") }, "\(lines)")
        #expect(
            lines.contains { $0.contains("✓ Starts 2026-11-23 15:10Z, in 3h 10m: a scheduled activation") },
            "\(lines)")
        // A Tier 0 role that starts later is not said to activate at once.
        let text = lines.joined(separator: " ")
        #expect(text.contains("schedules it to start 2026-11-23 15:10Z."), "\(lines)")
        #expect(!text.contains("at once"), "\(lines)")
    }

    @Test func aStartInThePastIsMarked() {
        let lines = render(Self.form(start: "2026-11-23T09:00:00Z")).lines()
        #expect(lines.contains { $0.contains("✗ The start time is in the past: leave it empty to start now.") })
    }

    @Test func golden() {
        GoldenScreen.check("form-start", Self.form(start: "+3h10m"))
    }
}
