import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// Approvals (dialog, marks, 409) and the clock (countdowns, expiry warnings, refresh interval).
@Suite struct ApprovalAndTickTests {
    func approvals() -> UpdateTester {
        var state = Fixture.loaded()
        _ = update(&state, .key("2"))
        return UpdateTester(state)
    }

    @Test func enterOpensTheRequestAThenEnterApproves() {
        var t = approvals()
        let item = t.state.approvals[0]
        t.key(.enter) { $0.dialog = ApprovalDialog(items: [item]) }
        t.key("a") { $0.dialog?.decision = .approve }
        t.key(.enter) { $0.dialog?.error = "A justification is required: say why you approve." }
        t.type("Known change")
        #expect(t.state.dialog?.error == nil)
        t.key(.enter, effects: [.decide([item], .approve, justification: "Known change")]) {
            $0.dialog?.isSubmitting = true
            $0.dialog?.awaiting = [item.id]
        }
        t.send(.decisionFinished(requestId: item.id, .approve, nil), effects: [.loadDashboard(.everything)]) {
            $0.dialog = nil
            $0.flash = $0.flashed("Approved 1 request.", .success)
            $0.isLoading = true
        }
        t.send(.dashboardLoaded(.success(Fixture.dashboard))) { $0.isLoading = false }
        t.finish()
    }

    @Test func escGoesBackFromTheJustificationThenCloses() {
        var t = approvals()
        let item = t.state.approvals[0]
        t.key("d") { $0.dialog = ApprovalDialog(items: [item], decision: .deny) }
        t.key(.escape) { $0.dialog?.decision = nil }
        t.key(.escape) { $0.dialog = nil }
    }

    @Test func spaceMarksSeveralForOneDecisionAndA409BecomesAlreadyDecided() {
        var t = approvals()
        let items = Array(t.state.approvals.prefix(2))
        t.key(" ") {
            $0.lists[.approvals]?.marked = ["req-202"]
            $0.lists[.approvals]?.selection = 1
            $0.lists[.approvals]?.selectedID = "req-201"
        }
        t.key(" ") {
            $0.lists[.approvals]?.marked = ["req-202", "req-201"]
            $0.lists[.approvals]?.selection = 2
            $0.lists[.approvals]?.selectedID = Fixture.azureApprovalItem.id
        }
        t.key("d") { $0.dialog = ApprovalDialog(items: items, decision: .deny) }
        t.type("Not in a change window")
        t.key(.enter, effects: [.decide(items, .deny, justification: "Not in a change window")]) {
            $0.dialog?.isSubmitting = true
            $0.dialog?.awaiting = ["req-202", "req-201"]
        }
        t.send(.decisionFinished(requestId: "req-202", .deny, nil)) {
            $0.dialog?.awaiting = ["req-201"]
            $0.dialog?.outcomes["req-202"] = .decided
        }
        let conflict = PIMError(.alreadyDecided, "This request was already decided by someone else.", httpStatus: 409)
        t.send(.decisionFinished(requestId: "req-201", .deny, conflict), effects: [.loadDashboard(.everything)]) {
            $0.dialog = nil
            $0.lists[.approvals]?.marked = []
            $0.flash = $0.flashed(
                "Denied 1 request. Security Administrator was already decided or cancelled.", .success)
            $0.isLoading = true
        }
        t.send(.dashboardLoaded(.success(Fixture.dashboard))) { $0.isLoading = false }
        t.finish()
    }

    @Test func aLone409SaysAlreadyDecidedAndRefreshes() {
        var t = approvals()
        let item = t.state.approvals[1]
        t.state.dialog = ApprovalDialog(items: [item], decision: .approve)
        t.state.dialog?.isSubmitting = true
        t.state.dialog?.awaiting = [item.id]
        t.send(
            .decisionFinished(requestId: item.id, .approve, PIMError(.alreadyDecided, "Decided.")),
            effects: [.loadDashboard(.everything)]
        ) {
            $0.dialog = nil
            $0.flash = $0.flashed("Already decided or cancelled: the list is refreshed.", .warning)
            $0.isLoading = true
        }
    }

    /// "Already decided by someone else" misled when the requester had cancelled, or when the same
    /// approver had decided in another window: the service's reading of what happened is shown.
    @Test func aRequestThatStoppedWaitingIsNamedForWhatBecameOfIt() {
        var t = approvals()
        let item = t.state.approvals[1]
        t.state.dialog = ApprovalDialog(items: [item], decision: .approve)
        t.state.dialog?.isSubmitting = true
        t.state.dialog?.awaiting = [item.id]
        var cancelled = PIMError(
            .alreadyDecided, "Request \(item.id) was already cancelled by the requester: nothing is left to decide.")
        cancelled.outcome = "cancelled by the requester"
        t.send(.decisionFinished(requestId: item.id, .approve, cancelled), effects: [.loadDashboard(.everything)]) {
            $0.dialog = nil
            $0.flash = $0.flashed("Already cancelled by the requester: the list is refreshed.", .warning)
            $0.isLoading = true
        }

        var two = approvals()
        let pair = Array(two.state.approvals.prefix(2))
        two.state.dialog = ApprovalDialog(items: pair, decision: .deny)
        two.state.dialog?.isSubmitting = true
        two.state.dialog?.awaiting = Set(pair.map(\.id))
        var mine = PIMError(.alreadyDecided, "decided")
        mine.outcome = "approved by you at 18:44 UTC"
        let first = two.state.approvals[0].id, second = two.state.approvals[1].id
        let name = two.state.approvals[1].request.target.displayName
        two.send(.decisionFinished(requestId: first, .deny, nil)) {
            $0.dialog?.awaiting = [second]
            $0.dialog?.outcomes[first] = .decided
        }
        two.send(.decisionFinished(requestId: second, .deny, mine), effects: [.loadDashboard(.everything)]) {
            $0.dialog = nil
            $0.lists[.approvals]?.marked = []
            $0.flash = $0.flashed("Denied 1 request. \(name) was already approved by you at 18:44 UTC.", .success)
            $0.isLoading = true
        }
    }

    @Test func ticksMoveTheClockAndExpireFlashes() {
        var state = Fixture.loaded()
        state.expiryWarnings = ["a-useradmin": .tenMinutes]
        state.flash = Flash("hello", level: .info, expires: Fixture.now.addingTimeInterval(6))
        var t = UpdateTester(state)
        t.send(.tick(Fixture.now.addingTimeInterval(5))) { $0.now = Fixture.now.addingTimeInterval(5) }
        t.send(.tick(Fixture.now.addingTimeInterval(6))) {
            $0.now = Fixture.now.addingTimeInterval(6)
            $0.flash = nil
        }
    }

    @Test func expiryWarnsAtTenAndTwoMinutesOnceEachWithABell() {
        // User Administrator ends at 12:08:20.
        var t = UpdateTester(Fixture.loaded(config: AppConfig(refreshInterval: 3600)))
        let tenMinutes = DesktopNotification(
            title: "Activation ends soon", body: "User Administrator ends in 8m 20s: extend it in pim (e).")
        t.send(.tick(Fixture.now), effects: [.bell, .notify(tenMinutes)]) {
            $0.expiryWarnings["a-useradmin"] = .tenMinutes
            $0.warnedTarget = Fixture.userAdmin.id
            $0.flash = $0.flashed("User Administrator ends in 8m 20s: press e to extend it.", .warning)
        }
        t.send(.tick(Fixture.now.addingTimeInterval(1))) { $0.now = Fixture.now.addingTimeInterval(1) }
        let late = Fixture.now.addingTimeInterval(6 * 60 + 30)
        let twoMinutes = DesktopNotification(
            title: "Activation ends soon", body: "User Administrator ends in 1m 50s: extend it in pim (e).")
        t.send(.tick(late), effects: [.bell, .notify(twoMinutes)]) {
            $0.now = late
            $0.expiryWarnings["a-useradmin"] = .twoMinutes
            $0.flash = Flash(
                "User Administrator ends in 1m 50s: press e to extend it.", level: .warning,
                expires: late.addingTimeInterval(6))
        }
        // From any pane, e opens the extension of the warned elevation.
        t.key("3") { $0.pane = .history }
        t.key("e") {
            $0.form = ActivationForm(
                mode: .extend(Fixture.userAdminActive), targets: [Fixture.userAdmin],
                policies: [Fixture.userAdmin.id: Fixture.plain], draft: ActivationDraft(durationText: "1h"))
        }
    }

    @Test func theRefreshIntervalReloadsFromTheService() {
        var state = Fixture.loaded(config: AppConfig(refreshInterval: 60))
        state.expiryWarnings = ["a-useradmin": .tenMinutes]
        var t = UpdateTester(state)
        t.send(.tick(Fixture.now.addingTimeInterval(59))) { $0.now = Fixture.now.addingTimeInterval(59) }
        t.send(.tick(Fixture.now.addingTimeInterval(60)), effects: [.loadDashboard(.everything)]) {
            $0.now = Fixture.now.addingTimeInterval(60)
            $0.isLoading = true
            $0.lastLoadStarted = Fixture.now.addingTimeInterval(60)
        }
        t.send(.tick(Fixture.now.addingTimeInterval(61))) { $0.now = Fixture.now.addingTimeInterval(61) }
        t.send(.dashboardLoaded(.success(Fixture.dashboard))) {
            $0.isLoading = false
            $0.lastRefresh = Fixture.now.addingTimeInterval(61)
        }
        t.finish()
    }

    @Test func partialFailuresShowInTheStatusLine() {
        var dashboard = Fixture.dashboard
        dashboard.failures = [
            .elevations: PIMError(.forbidden, "Listing the tenant's elevations needs a directory reader role.")
        ]
        var state = Fixture.loaded()
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        #expect(
            state.lastError
                == """
                Could not load the tenant's elevations: Listing the tenant's elevations needs a directory reader \
                role.
                """
        )
    }

    @Test func resizeChangesThePageSize() {
        var t = UpdateTester(Fixture.loaded())
        t.send(.resize(width: 132, height: 40)) {
            $0.width = 132; $0.height = 40
        }
        #expect(t.state.pageRows == 26)
    }
}
