import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// The activation form's Start field: read as `--start` is, checked while typing, sent as the
/// schedule's start, and kept with the draft when the service refuses.
@Suite struct ActivationFormStartTests {
    /// The form open on `target` with a justification typed and the keyboard on Start.
    func formOnStart(
        _ target: ElevationTarget = Fixture.sysadmin, config: AppConfig = AppConfig(), dashboard: Dashboard? = nil
    ) -> AppState {
        var state = AppState(config: config, now: Fixture.now, width: 80, height: 24)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(dashboard ?? Fixture.dashboard)))
        _ = update(&state, .click(.row(state.roles.firstIndex { $0.target == target }!)))
        _ = update(&state, .key("a"))
        for character in "Patch night" { _ = update(&state, .key(.character(character))) }
        _ = update(&state, .key(.backTab))
        return state
    }

    func type(_ text: String, into state: inout AppState) {
        for character in text { _ = update(&state, .key(.character(character))) }
    }

    @Test func shiftTabFromTheJustificationReachesStartAndAnEmptyStartMeansNow() {
        var state = formOnStart()
        #expect(state.form?.focus == .start)
        let effects = update(&state, .key(.control("s")))
        guard case .activate(let requests) = effects.first else {
            Issue.record("nothing sent: \(effects)")
            return
        }
        #expect(requests.map(\.start) == [nil])
    }

    @Test func aStartFromNowIsSentAsTheSchedulesStart() {
        var state = formOnStart()
        type("+2h", into: &state)
        #expect(state.form?.problems(rules: DraftRules(), now: state.now).isEmpty == true)
        let effects = update(&state, .key(.enter))
        guard case .activate(let requests) = effects.first else {
            Issue.record("Enter on Start did not send: \(effects)")
            return
        }
        #expect(requests.first?.start == Fixture.at(2))
    }

    @Test func aPreflightAsksAboutTheStartItWouldSend() {
        var state = formOnStart()
        type("+2h", into: &state)
        guard case .preflight(let request) = update(&state, .key(.control("p"))).first else {
            Issue.record("no pre-flight sent")
            return
        }
        #expect(request.start == Fixture.at(2))
        #expect(request.validationOnly)
        #expect(state.form?.preflightChecked[Fixture.sysadmin.id]?.contains("the later start") == true)
    }

    @Test func aClockTimeIsReadInTheUsersTimeZone() {
        // Paris is UTC+1 in November: 14:30 there is 13:30Z, later today.
        var state = formOnStart(config: AppConfig(timeZone: TimeZone(identifier: "Europe/Paris")!))
        type("14:30", into: &state)
        guard case .activate(let requests) = update(&state, .key(.control("s"))).first else {
            Issue.record("nothing sent")
            return
        }
        #expect(requests.first?.start == Fixture.at(1.5))
    }

    @Test func anUnreadableStartIsMarkedInOneSentenceAndNothingIsSent() {
        var state = formOnStart()
        type("soon", into: &state)
        let problems = state.form?.problems(for: .start, rules: DraftRules(), now: state.now) ?? []
        #expect(
            problems.map(\.message) == [
                "The start \"soon\" is not a time pim can read: write it like +2h, 14:30 or 2026-12-08T09:00."
            ])
        _ = update(&state, .key(.home))
        _ = update(&state, .key(.backTab))  // away from Start, so sending must bring the keyboard back
        #expect(update(&state, .key(.control("s"))).isEmpty)
        #expect(state.form?.focus == .start)
        #expect(state.form?.error == "Not sent: fix what is marked ✗, then send again.")
    }

    @Test func aStartInThePastIsRefusedWithTheCommandLinesRule() {
        var state = formOnStart()
        type("2026-11-23T11:00:00Z", into: &state)
        let problems = state.form?.problems(for: .start, rules: DraftRules(), now: state.now) ?? []
        #expect(problems.map(\.reason) == [.inThePast])
        #expect(update(&state, .key(.control("s"))).isEmpty)
    }

    @Test func aStartAtOrAfterTheEligibilityEndsIsRefusedNamingTheEnd() {
        var dashboard = Fixture.dashboard
        let index = dashboard.eligibilities.firstIndex { $0.target == Fixture.sysadmin }!
        dashboard.eligibilities[index] = Eligibility(
            id: "e-sys", target: Fixture.sysadmin, principalId: Fixture.ada.id, end: Fixture.at(1))
        var state = formOnStart(dashboard: dashboard)
        type("+2h", into: &state)
        let problems = state.form?.problems(for: .start, rules: DraftRules(), now: state.now) ?? []
        #expect(
            problems.map(\.message) == [
                """
                Your eligibility for itops-sysadmin-prod-noapproval ends Mon 23 Nov 13:00, before the asked start: \
                choose an earlier start.
                """
            ])
        #expect(update(&state, .key(.control("s"))).isEmpty)
        // An earlier start is accepted.
        for _ in 0..<3 { _ = update(&state, .key(.backspace)) }
        type("+30m", into: &state)
        #expect(state.form?.problems(rules: DraftRules(), now: state.now).isEmpty == true)
    }

    @Test func aRefusedActivationKeepsTheStartInTheFormAndTheDraft() {
        var state = formOnStart()
        type("+2h", into: &state)
        _ = update(&state, .key(.control("s")))
        let refusal = PIMError(.refused, "The service refused the activation.")
        _ = update(&state, .activationFinished(Fixture.sysadmin.id, .failure(refusal)))
        #expect(state.form?[.start].text == "+2h")
        _ = update(&state, .key(.escape))
        #expect(state.form == nil)
        #expect(state.drafts[[Fixture.sysadmin.id]]?.startText == "+2h")
        #expect(state.savedDrafts.activations.first?.draft.startText == "+2h")
        _ = update(&state, .key("a"))
        #expect(state.form?[.start].text == "+2h")
    }

    @Test func aGrantedActivationThatStartsLaterIsReportedAsScheduledAndTheRowShowsIt() {
        var state = formOnStart()
        type("+3h", into: &state)
        _ = update(&state, .key(.control("s")))
        let granted = ElevationRequest(
            id: "req-later", target: Fixture.sysadmin, action: .selfActivate, status: .granted,
            principal: Fixture.ada, createdAt: Fixture.now, justification: "Patch night", start: Fixture.at(3),
            duration: .hours(1))
        _ = update(&state, .activationFinished(Fixture.sysadmin.id, .success(ActivationResult(request: granted))))
        #expect(state.form?.outcomes[Fixture.sysadmin.id] == .scheduled(start: Fixture.at(3), until: Fixture.at(4)))
        #expect(state.flash?.text == "Scheduled.")
        var dashboard = Fixture.dashboard
        dashboard.myRequests.append(granted)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        let row = state.roles.first { $0.target == Fixture.sysadmin }
        #expect(row?.state == .scheduled)
        #expect(row?.scheduledStart == Fixture.at(3))
    }

    @Test func anExtensionHasNoStartField() {
        var state = Fixture.loaded()
        _ = update(&state, .click(.row(state.roles.firstIndex { $0.target == Fixture.globalReader }!)))
        _ = update(&state, .key("e"))
        #expect(state.form?.isExtension == true)
        #expect(state.form?.shownFields.contains(.start) == false)
        _ = update(&state, .key(.backTab))
        #expect(state.form?.focus == .duration)
    }
}
