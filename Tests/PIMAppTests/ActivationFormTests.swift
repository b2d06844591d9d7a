import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// My roles: the activation form, marks, deactivate, extend, cancel.
@Suite struct ActivationFormTests {
    /// The fixture with the selection on `target`.
    func selecting(_ target: ElevationTarget, config: AppConfig = AppConfig()) -> UpdateTester {
        var state = Fixture.loaded(config: config)
        let index = state.roles.firstIndex { $0.target == target }!
        _ = update(&state, .click(.row(index)))
        return UpdateTester(state)
    }

    @Test func enterOpensTheFormWithTheDefaultDurationCappedByThePolicy() {
        var t = selecting(
            Fixture.globalAdmin, config: AppConfig(defaultDuration: .hours(8), ticketSystem: "ServiceNow"))
        t.key(.enter) {
            $0.form = ActivationForm(
                targets: [Fixture.globalAdmin], policies: [Fixture.globalAdmin.id: Fixture.strict],
                draft: ActivationDraft(ticketSystem: "ServiceNow", durationText: "2h"))
        }
        #expect(t.state.form?.maxDuration == .hours(2))
        #expect(
            t.state.form?.problems(rules: DraftRules(), now: Fixture.now).map(\.message) == [
                "A justification is required: say why you need this access.",
                "A ticket number is required by this role's policy: enter the change or incident number.",
            ])
    }

    @Test func typingTabAndReadlineKeysEditTheFocusedField() {
        var t = selecting(Fixture.sysadmin)
        t.key("a") {
            $0.form = ActivationForm(
                targets: [Fixture.sysadmin],
                policies: [Fixture.sysadmin.id: Fixture.dashboard.policies[Fixture.sysadmin.id]!],
                draft: ActivationDraft(durationText: "1h"))
        }
        t.type("patch the night")
        t.key(.control("w")) { $0.form?[.justification] = TextField("patch the ") }
        t.key(.left) { $0.form?[.justification].cursor = 9 }
        t.key(.home) { $0.form?[.justification].cursor = 0 }
        t.key(.character("P")) { $0.form?[.justification] = TextField("Ppatch the ", cursor: 1) }
        t.key(.delete) { $0.form?[.justification] = TextField("P the ", cursor: 1).replacing("Patch the ", cursor: 1) }
        t.key(.end) { $0.form?[.justification].cursor = 10 }
        t.key(.backspace) { $0.form?[.justification] = TextField("Patch the") }
        t.key(.tab) { $0.form?.focus = .ticketNumber }
        t.type("CHG-7")
        t.key(.backTab) { $0.form?.focus = .justification }
        t.key(.control("u")) { $0.form?[.justification] = TextField("") }
        // Shift-Tab from the first field wraps to the last one, Start (Enter on it sends too).
        t.key(.backTab) { $0.form?.focus = .start }
        t.key(.enter, effects: []) {
            $0.form?.error = "Not sent: fix what is marked ✗, then send again."
            $0.form?.focus = .justification
        }
    }

    @Test func controlUClearsTheWholeFieldWhereverTheCursorIs() {
        var t = selecting(Fixture.sysadmin)
        _ = update(&t.state, .key("a"))
        t.type("abc")
        t.key(.home) { $0.form?[.justification].cursor = 0 }
        t.key(.control("u")) { $0.form?[.justification] = TextField("") }
    }

    @Test func enterOnTheLastFieldSendsAndTheResultCloses() {
        var t = selecting(Fixture.sysadmin)
        _ = update(&t.state, .key("a"))
        t.type("Patch night")
        t.key(.tab) { $0.form?.focus = .ticketNumber }
        t.key(.tab) { $0.form?.focus = .ticketSystem }
        t.key(.tab) { $0.form?.focus = .duration }
        t.key(.control("u")) { $0.form?[.duration] = TextField("") }
        t.type("30m")
        let request = ActivationRequest(
            target: Fixture.sysadmin, justification: "Patch night", ticket: nil, duration: .minutes(30))
        let key = Set([Fixture.sysadmin.id])
        t.key(.enter, effects: [.activate([request])]) {
            $0.form?.isSubmitting = true
            $0.form?.awaiting = [Fixture.sysadmin.id]
            $0.drafts[key] = $0.form!.draft
        }
        t.key("x")  // typing is ignored while sending
        let granted = ElevationRequest(
            id: "req-9", target: Fixture.sysadmin, action: .selfActivate, status: .provisioned,
            principal: Fixture.ada, createdAt: Fixture.now, duration: .minutes(30))
        t.send(
            .activationFinished(Fixture.sysadmin.id, .success(ActivationResult(request: granted))),
            effects: [.loadDashboard(.everything)]
        ) {
            $0.form?.isSubmitting = false
            $0.form?.awaiting = []
            $0.form?.outcomes[Fixture.sysadmin.id] = .active(until: Fixture.now.addingTimeInterval(1800))
            $0.drafts[key] = nil
            $0.flash = $0.flashed("Activated.", .success)
            $0.isLoading = true
        }
        #expect(t.state.form?.isDone == true)
        t.key(.enter) { $0.form = nil }
        t.send(.dashboardLoaded(.success(Fixture.dashboard))) { $0.isLoading = false }
        t.finish()
    }

    @Test func aRefusalKeepsTheTextAndShowsTheReason() {
        var t = selecting(Fixture.exchangeAdmin)
        _ = update(&t.state, .key("a"))
        t.type("Mailbox move")
        _ = update(&t.state, .key(.tab))
        t.type("CHG-1")
        _ = update(&t.state, .key(.tab))
        t.type("ServiceNow")
        let request = ActivationRequest(
            target: Fixture.exchangeAdmin, justification: "Mailbox move",
            ticket: TicketInfo(number: "CHG-1", system: "ServiceNow"), duration: .hours(1))
        let key = Set([Fixture.exchangeAdmin.id])
        // Tier 0, but product.md's Ctrl-S sends at once (the confirmation is opt-in).
        t.key(.control("s"), effects: [.activate([request])]) {
            $0.form?.isSubmitting = true
            $0.form?.awaiting = [Fixture.exchangeAdmin.id]
            $0.drafts[key] = $0.form!.draft
        }
        let refusal = PIMError(
            .refused, "The service refused the activation: the ticket is not valid.", failedRules: [.ticketing])
        t.send(.activationFinished(Fixture.exchangeAdmin.id, .failure(refusal)), effects: [.loadDashboard(.everything)])
        {
            $0.form?.isSubmitting = false
            $0.form?.awaiting = []
            let reason =
                """
                The service refused the activation: the ticket is not valid. Ticket: fill in Ticket number and Ticket \
                system.
                """
            $0.form?.outcomes[Fixture.exchangeAdmin.id] = .refused(reason)
            $0.form?.error = reason
            $0.isLoading = true
        }
        #expect(t.state.form?.draft.justification == "Mailbox move")
        #expect(t.state.form?.isDone == false)
        // Esc keeps the draft; opening the form again brings the text back.
        t.key(.escape) { $0.form = nil }
        t.send(.dashboardLoaded(.success(Fixture.dashboard))) { $0.isLoading = false }
        _ = update(&t.state, .key("a"))
        #expect(
            t.state.form?.draft
                == ActivationDraft(
                    justification: "Mailbox move", ticketNumber: "CHG-1",
                    ticketSystem: "ServiceNow", durationText: "1h"))
        t.finish()
    }

    @Test func spaceMarksRowsAndOneFormActivatesAllMarked() {
        var t = selecting(Fixture.globalAdmin)
        let ga = Fixture.globalAdmin.id.description, sys = Fixture.sysadmin.id.description
        t.key(" ") {
            $0.lists[.myRoles]?.marked = [ga]
            $0.lists[.myRoles]?.selection = 7
            $0.lists[.myRoles]?.selectedID = sys
        }
        t.key(" ") {
            $0.lists[.myRoles]?.marked = [ga, sys]
            $0.lists[.myRoles]?.selection = 8
            $0.lists[.myRoles]?.selectedID = Fixture.keyVaultAdmin.id.description
        }
        t.key(.enter) {
            $0.form = ActivationForm(
                targets: [Fixture.globalAdmin, Fixture.sysadmin],
                policies: [
                    Fixture.globalAdmin.id: Fixture.strict,
                    Fixture.sysadmin.id: Fixture.dashboard.policies[Fixture.sysadmin.id]!,
                ],
                draft: ActivationDraft(durationText: "1h"))
        }
        #expect(t.state.form?.maxDuration == .hours(2))
    }

    @Test func ctrlPAsksTheServiceForAPreflight() {
        var t = selecting(Fixture.exchangeAdmin)
        _ = update(&t.state, .key("a"))
        t.type("Move")
        _ = update(&t.state, .key(.tab))
        t.type("CHG-1")
        _ = update(&t.state, .key(.tab))
        t.type("SN")
        let request = ActivationRequest(
            target: Fixture.exchangeAdmin, justification: "Move", ticket: TicketInfo(number: "CHG-1", system: "SN"),
            duration: .hours(1), validationOnly: true)
        t.key(.control("p"), effects: [.preflight(request)]) {
            $0.form?.preflight[Fixture.exchangeAdmin.id] = .checking
            $0.form?.preflightChecked[Fixture.exchangeAdmin.id] =
                "your eligibility, the justification, ticket CHG-1 (SN), 1h against the maximum of 4h"
        }
        // The service's policy may be stricter than the one the form knows.
        t.send(
            .preflightFinished(
                Fixture.exchangeAdmin.id, .success(PreflightReport(failedRules: [.justification, .ticketing])))
        ) {
            $0.form?.preflight[Fixture.exchangeAdmin.id] = .failed([
                "Justification: say why you need this access.", "Ticket: fill in Ticket number and Ticket system.",
            ])
        }
        // The answer was about the old text: typing clears it.
        t.key("W") {
            $0.form?[.ticketSystem] = TextField("SNW")
            $0.form?.preflight = [:]
            $0.form?.preflightChecked = [:]
        }
        t.finish()
    }

    @Test func dDeactivatesAnActivatedRole() {
        var t = selecting(Fixture.globalReader)
        t.key("d") { $0.confirmation = .deactivate(Fixture.readerActive) }
        t.key("y", effects: [.deactivate(Fixture.readerActive)]) {
            $0.confirmation = nil
            $0.busy[Fixture.globalReader.id] = "deactivating"
            $0.flash = $0.flashed("Deactivating Global Reader…", .info)
        }
        let answer = ElevationRequest(
            id: "r", target: Fixture.globalReader, action: .selfDeactivate, status: .revoked, principal: Fixture.ada)
        t.send(.deactivateFinished(Fixture.globalReader.id, .success(answer)), effects: [.loadDashboard(.everything)]) {
            $0.busy = [:]
            $0.flash = $0.flashed("Global Reader is deactivated.", .success)
            $0.isLoading = true
        }
        t.send(.dashboardLoaded(.success(Fixture.dashboard))) { $0.isLoading = false }
        t.finish()
    }

    @Test func dRefusesWithinFiveMinutesOfTheStart() {
        var dashboard = Fixture.dashboard
        dashboard.active[0].start = Fixture.now.addingTimeInterval(-60)
        var state = AppState(now: Fixture.now)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        var t = UpdateTester(state)
        t.key("d") {
            $0.flash = $0.flashed(
                "Global Reader started under 5 minutes ago: the service allows deactivating it in 4m 00s.", .warning)
        }
    }

    @Test func cCancelsThePendingRequest() {
        var t = selecting(Fixture.securityReader)
        t.key("c") { $0.confirmation = .cancel(Fixture.securityReaderRequest) }
        t.key("y", effects: [.cancel(Fixture.securityReaderRequest)]) {
            $0.confirmation = nil
            $0.busy[Fixture.securityReader.id] = "cancelling"
            $0.flash = $0.flashed("Cancelling the request for Security Reader…", .info)
        }
        t.send(
            .cancelFinished(Fixture.securityReader.id, requestId: "req-ada-1", nil),
            effects: [.loadDashboard(.everything)]
        ) {
            $0.busy = [:]
            $0.flash = $0.flashed("The request for Security Reader is cancelled.", .success)
            $0.isLoading = true
        }
        t.send(.dashboardLoaded(.success(Fixture.dashboard))) { $0.isLoading = false }
        t.finish()
    }

    @Test func eExtendsAnActiveRoleThroughTheForm() {
        var t = selecting(Fixture.globalReader)
        t.key("e") {
            $0.form = ActivationForm(
                mode: .extend(Fixture.readerActive), targets: [Fixture.globalReader],
                policies: [Fixture.globalReader.id: Fixture.plain], draft: ActivationDraft(durationText: "1h"))
        }
        t.type("More time")
        let request = ActivationRequest(
            target: Fixture.globalReader, justification: "More time", ticket: nil, duration: .hours(1))
        t.key(.control("s"), effects: [.extend(Fixture.readerActive, request)]) {
            $0.form?.isSubmitting = true
            $0.form?.awaiting = [Fixture.globalReader.id]
            $0.drafts[[Fixture.globalReader.id]] = $0.form!.draft
        }
        let answer = ElevationRequest(
            id: "x", target: Fixture.globalReader, action: .selfExtend, status: .provisioned,
            principal: Fixture.ada, end: Fixture.at(1))
        t.send(
            .extendFinished(Fixture.globalReader.id, .success(ActivationResult(request: answer))),
            effects: [.loadDashboard(.everything)]
        ) {
            $0.form?.isSubmitting = false
            $0.form?.awaiting = []
            $0.form?.outcomes[Fixture.globalReader.id] = .active(until: Fixture.at(1))
            $0.drafts = [:]
            $0.flash = $0.flashed("Extended.", .success)
            $0.isLoading = true
        }
        t.send(.dashboardLoaded(.success(Fixture.dashboard))) { $0.isLoading = false }
        t.finish()
    }

    @Test func theTier0ConfirmationIsAskedOnlyWhenConfigured() {
        var t = selecting(Fixture.exchangeAdmin, config: AppConfig(confirmTier0: true))
        _ = update(&t.state, .key("a"))
        t.type("Mailbox move")
        _ = update(&t.state, .key(.tab))
        t.type("CHG-1")
        _ = update(&t.state, .key(.tab))
        t.type("ServiceNow")
        let request = ActivationRequest(
            target: Fixture.exchangeAdmin, justification: "Mailbox move",
            ticket: TicketInfo(number: "CHG-1", system: "ServiceNow"), duration: .hours(1))
        t.key(.control("s"), effects: []) { $0.form?.confirmingTier0 = true }
        t.key("n") { $0.form?.confirmingTier0 = false }
        t.key(.control("s"), effects: []) { $0.form?.confirmingTier0 = true }
        t.key("y", effects: [.activate([request])]) {
            $0.form?.confirmingTier0 = false
            $0.form?.isSubmitting = true
            $0.form?.awaiting = [Fixture.exchangeAdmin.id]
            $0.drafts[[Fixture.exchangeAdmin.id]] = $0.form!.draft
        }
    }

    @Test func enterOnTheLastFieldSendsATier0ActivationAtOnceByDefault() {
        var t = selecting(Fixture.globalAdmin)
        _ = update(&t.state, .key("a"))
        t.type("Break glass drill")
        _ = update(&t.state, .key(.tab))
        t.type("INC-1")
        _ = update(&t.state, .key(.tab))
        t.type("ServiceNow")
        _ = update(&t.state, .key(.tab))
        let request = ActivationRequest(
            target: Fixture.globalAdmin, justification: "Break glass drill",
            ticket: TicketInfo(number: "INC-1", system: "ServiceNow"), duration: .hours(1))
        t.key(.enter, effects: [.activate([request])]) {
            $0.form?.isSubmitting = true
            $0.form?.awaiting = [Fixture.globalAdmin.id]
            $0.drafts[[Fixture.globalAdmin.id]] = $0.form!.draft
        }
    }

    /// Ada's "Reports Reader": assigned by an administrator until a date, and a permanent one.
    static let reportsReader = ElevationTarget(
        id: .role("4a5d8f65-41da-4de4-8968-e035b65339cf"), displayName: "Reports Reader")
    static let securityReaderPermanent = ElevationTarget(
        id: .role("88d8e3e3-8f55-4a1e-953a-9b9898b8876b"), displayName: "Directory Readers")
    static let timeBound = ActiveAssignment(
        id: "a-reports", target: reportsReader, principal: Fixture.ada,
        start: Fixture.at(-24 * 20), end: Fixture.at(24 * 9), assignmentType: .assigned)
    static let permanent = ActiveAssignment(
        id: "a-dirreaders", target: securityReaderPermanent, principal: Fixture.ada,
        start: Fixture.at(-24 * 20), end: nil, assignmentType: .assigned)

    func withAssignments(selecting target: ElevationTarget) -> AppState {
        var dashboard = Fixture.dashboard
        dashboard.active += [Self.timeBound, Self.permanent]
        var state = AppState(now: Fixture.now, width: 80, height: 24)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        let index = state.roles.firstIndex { $0.target == target }!
        _ = update(&state, .click(.row(index)))
        return state
    }

    @Test func eExtendsATimeBoundAssignment() {
        var state = withAssignments(selecting: Self.reportsReader)
        #expect(state.selectedRole?.canExtend == true)
        #expect(state.selectedRole?.canDeactivate == false)
        _ = update(&state, .key("e"))
        #expect(state.form?.mode == .extend(Self.timeBound))
        #expect(state.form?.targets == [Self.reportsReader])
        _ = update(&state, .key(.control("u")))
        for c in "Quarterly reports" { _ = update(&state, .key(.character(c))) }
        let effects = update(&state, .key(.control("s")))
        let request = ActivationRequest(
            target: Self.reportsReader, justification: "Quarterly reports", ticket: nil, duration: .hours(1))
        #expect(effects == [.extend(Self.timeBound, request)])
    }

    @Test func ePermanentAssignmentIsRefusedWithTheReason() {
        var state = withAssignments(selecting: Self.securityReaderPermanent)
        #expect(state.selectedRole?.canExtend == false)
        let effects = update(&state, .key("e"))
        #expect(effects.isEmpty)
        #expect(state.form == nil)
        #expect(state.flash?.text == "Directory Readers is assigned to you permanently: there is nothing to extend.")
    }
}

extension TextField {
    /// The same field with other text (test helper).
    func replacing(_ text: String, cursor: Int) -> TextField { TextField(text, cursor: cursor) }
}
