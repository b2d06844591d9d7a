import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// Pre-flight asks the service only about a draft that passes the form's own checks, and says what
/// it checked; `e` in Elevations acts on the selected row.
@Suite struct PreflightAndExtendTests {
    func selecting(_ target: ElevationTarget) -> AppState {
        var state = Fixture.loaded()
        let index = state.roles.firstIndex { $0.target == target }!
        _ = update(&state, .click(.row(index)))
        return state
    }

    func type(_ text: String, into state: inout AppState) {
        for c in text { _ = update(&state, .key(.character(c))) }
    }

    /// The Exchange Administrator form filled in, with `duration` typed into Duration.
    func filledForm(duration: String) -> AppState {
        var state = selecting(Fixture.exchangeAdmin)
        _ = update(&state, .key("a"))
        type("Mailbox migration", into: &state)
        _ = update(&state, .key(.tab))
        type("CHG-42", into: &state)
        _ = update(&state, .key(.tab))
        type("ServiceNow", into: &state)
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.control("u")))
        type(duration, into: &state)
        return state
    }

    @Test func preflightIsNotSentForADraftTheFormRefuses() {
        var state = filledForm(duration: "abc")
        #expect(state.form?.problems(rules: DraftRules(), now: state.now).map(\.field) == [.duration])
        let effects = update(&state, .key(.control("p")))
        #expect(effects.isEmpty, "a broken draft must not be sent, not even for a check")
        #expect(state.form?.preflight.isEmpty == true)
        #expect(
            state.form?.error
                == """
                Pre-flight not sent: fix what is marked ✗ first; the service is asked only about a draft the \
                form accepts.
                """
        )
        #expect(state.form?.focus == .duration)
    }

    @Test func preflightSendsTheDraftAsTypedAndSaysWhatWasChecked() {
        var state = filledForm(duration: "2h")
        let request = ActivationRequest(
            target: Fixture.exchangeAdmin, justification: "Mailbox migration",
            ticket: TicketInfo(number: "CHG-42", system: "ServiceNow"), duration: .hours(2),
            validationOnly: true)
        #expect(update(&state, .key(.control("p"))) == [.preflight(request)])
        _ = update(&state, .preflightFinished(Fixture.exchangeAdmin.id, .success(PreflightReport())))
        #expect(
            state.form?.preflight[Fixture.exchangeAdmin.id]
                == .passed(
                    checked:
                        "your eligibility, the justification, ticket CHG-42 (ServiceNow), 2h against the maximum of 4h")
        )
    }

    /// Elevations sorted by end: Ada's User Administrator (expiring, warned), Ben's Exchange
    /// Administrator, Ada's Global Reader.
    func elevationsAfterAWarning() -> AppState {
        var state = Fixture.loaded()
        _ = update(&state, .tick(Fixture.now))
        #expect(state.warnedTarget == Fixture.userAdmin.id)
        _ = update(&state, .key("4"))
        #expect(state.selectedElevation?.id == Fixture.userAdminActive.id)
        return state
    }

    @Test func eOnAnotherUsersElevationSaysWhyAndOpensNothing() {
        var state = elevationsAfterAWarning()
        _ = update(&state, .key("j"))
        #expect(state.selectedElevation?.principal == Fixture.ben)
        _ = update(&state, .key("e"))
        #expect(state.form == nil, "not the warned elevation, not anything")
        #expect(state.flash?.text == "Exchange Administrator is Ben Okafor's elevation: you can extend only your own.")
    }

    @Test func eOnMyOwnElevationExtendsThatRow() {
        var state = elevationsAfterAWarning()
        _ = update(&state, .key("j"))
        _ = update(&state, .key("j"))
        #expect(state.selectedElevation?.id == Fixture.readerActive.id)
        _ = update(&state, .key("e"))
        #expect(state.form?.mode == .extend(Fixture.readerActive))
        #expect(state.form?.targets == [Fixture.globalReader])
    }

    @Test func eOnMyOwnElevationWorksWithoutAWarning() {
        var state = Fixture.loaded()
        _ = update(&state, .key("4"))
        _ = update(&state, .key("j"))
        _ = update(&state, .key("j"))
        _ = update(&state, .key("e"))
        #expect(state.form?.mode == .extend(Fixture.readerActive))
    }
}
