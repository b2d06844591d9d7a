import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import PIMScreen
import Testing

/// What the user reads before something is sent or lost: the Tier 0 line of the form, the
/// question before deactivating or cancelling, and the count of marked rows.
@Suite struct ConfirmationScreenTests {
    func selecting(_ target: ElevationTarget, width: Int = 132, height: Int = 40) -> AppState {
        var state = Fixture.loaded(width: width, height: height)
        let index = state.roles.firstIndex { $0.target == target }!
        _ = update(&state, .click(.row(index)))
        return state
    }

    /// The screen's text as one string, rows joined by spaces and runs of spaces squeezed, so a
    /// sentence wrapped over rows reads whole.
    func text(_ state: AppState) -> String {
        render(state).lines().map { $0.replacingOccurrences(of: "│", with: " ") }.joined(separator: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    @Test func tier0LineOfARoleThatNeedsApprovalDoesNotSayItActivatesAtOnce() {
        var state = selecting(Fixture.globalAdmin)
        _ = update(&state, .key(.enter))
        let shown = text(state)
        #expect(!shown.contains("at once"), "Global Administrator needs approval here")
        #expect(
            shown.contains(
                """
                Global Administrator is Tier 0: it can take over the tenant. Sending asks an approver; access starts \
                only once one approves.
                """
            ))
    }

    @Test func tier0LineOfARoleWithoutApprovalSaysItActivatesAtOnce() {
        var state = Fixture.loaded(width: 132, height: 40)
        var dashboard = Fixture.dashboard
        dashboard.policies[Fixture.globalAdmin.id] = Fixture.plain
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        let index = state.roles.firstIndex { $0.target == Fixture.globalAdmin }!
        _ = update(&state, .click(.row(index)))
        _ = update(&state, .key(.enter))
        #expect(
            text(state).contains(
                "Global Administrator is Tier 0: it can take over the tenant. Sending activates it at once."))
    }

    @Test func deactivateQuestionNamesTheRoleAndWhatIsLost() {
        var state = selecting(Fixture.globalReader)
        _ = update(&state, .key("d"))
        #expect(
            text(state).contains(
                """
                Deactivate Global Reader? Its remaining 1h 00m ends now; using it again takes a new activation. y \
                deactivates, n keeps it.
                """
            ))
    }

    @Test func cancelQuestionNamesTheRequestAndTheWait() {
        var state = selecting(Fixture.securityReader)
        _ = update(&state, .key("c"))
        #expect(
            text(state).contains(
                """
                Cancel the request for Security Reader? It has waited 15m for an approver; a new request starts the \
                wait again. y cancels, n keeps it.
                """
            ))
    }

    @Test func statusLineCountsMarkedRows() {
        var state = selecting(Fixture.globalAdmin)
        _ = update(&state, .key(" "))
        _ = update(&state, .key(" "))
        state.flash = nil
        #expect(text(state).contains("2 marked: Enter activates them in one form · Space unmarks"))
    }
}
