import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// Keys every pane shares: moving, switching panes, filtering, refresh, help, quit, clicks, resize.
@Suite struct NavigationTests {
    let reader = Fixture.globalReader.id.description
    let userAdmin = Fixture.userAdmin.id.description

    @Test func startLoadsTheDashboard() {
        var t = UpdateTester(AppState(now: Fixture.now))
        t.send(.start, effects: [.loadDashboard(.everything)]) {
            $0.isLoading = true
            $0.lastLoadStarted = Fixture.now
        }
        t.send(.dashboardLoaded(.success(Fixture.dashboard))) {
            $0.isLoading = false
            $0.hasLoaded = true
            $0.lastRefresh = Fixture.now
            $0.me = Fixture.ada
            $0.roles = Fixture.dashboard.roleEntries
            $0.approvals = Fixture.approvalItems.reversed() + [Fixture.azureApprovalItem]
            $0.history = HistoryRow.merge(requests: Fixture.dashboard.myRequests, events: Fixture.dashboard.history)
            let elevations = Fixture.dashboard.elevations
            $0.elevations = [
                "a-useradmin", "a-ben-ex", "a-reader", "a-ben-grp", Fixture.hanaContributorData.id, "a-hana-hd",
            ].map { id in elevations.first { $0.id == id }! }
            for pane in Pane.allCases {
                let count = $0.rowCount(pane)
                $0.lists[pane]?.visible = Array(0..<count)
            }
            $0.lists[.myRoles]?.selectedID = reader
            $0.lists[.approvals]?.selectedID = "req-202"
            $0.lists[.history]?.selectedID = $0.history[0].id
            $0.lists[.elevations]?.selectedID = "a-useradmin"
            // What later refreshes compare with, for desktop notifications (none on the first load).
            $0.approvalsSeen = Set($0.approvals.map(\.id))
            $0.myRequestsAwaitingDecision = Set(
                Fixture.dashboard.myRequests.filter { $0.status == .pendingApproval }.map(\.id))
        }
        t.finish()
    }

    @Test func approvalsAreOldestFirstAndElevationsSoonestFirst() {
        let state = Fixture.loaded()
        #expect(state.approvals.map(\.id) == ["req-202", "req-201", Fixture.azureApprovalItem.id])
        #expect(
            state.elevations.map(\.id) == [
                "a-useradmin", "a-ben-ex", "a-reader", "a-ben-grp", Fixture.hanaContributorData.id, "a-hana-hd",
            ])
        #expect(state.history.first?.date == Fixture.vmContributorRequest.createdAt)
    }

    @Test func arrowsAndVimKeysMoveTheSelection() {
        var t = UpdateTester(Fixture.loaded())
        t.key(.down) {
            $0.lists[.myRoles]?.selection = 1; $0.lists[.myRoles]?.selectedID = self.userAdmin
        }
        t.key("j") {
            $0.lists[.myRoles]?.selection = 2
            $0.lists[.myRoles]?.selectedID = Fixture.vmContributorAppRg.id.description
        }
        t.key("k") {
            $0.lists[.myRoles]?.selection = 1; $0.lists[.myRoles]?.selectedID = self.userAdmin
        }
        t.key(.up) {
            $0.lists[.myRoles]?.selection = 0; $0.lists[.myRoles]?.selectedID = self.reader
        }
        t.key(.up)  // stays on the first row
        t.key("G") {
            $0.lists[.myRoles]?.selection = 11; $0.lists[.myRoles]?.selectedID = Fixture.securityReader.id.description
        }
        t.key("g") {
            $0.lists[.myRoles]?.selection = 0; $0.lists[.myRoles]?.selectedID = self.reader
        }
        t.key(.end) {
            $0.lists[.myRoles]?.selection = 11; $0.lists[.myRoles]?.selectedID = Fixture.securityReader.id.description
        }
        t.key(.home) {
            $0.lists[.myRoles]?.selection = 0; $0.lists[.myRoles]?.selectedID = self.reader
        }
    }

    @Test func pagesScrollLongTables() {
        var dashboard = Fixture.dashboard
        dashboard.eligibilities = (0..<100).map {
            Fixture.eligibility(ElevationTarget(id: .role("r\($0)"), displayName: String(format: "Role %03d", $0)))
        }
        dashboard.active = []
        var state = AppState(now: Fixture.now, width: 80, height: 24)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        let page = state.pageRows
        #expect(page == 13)
        _ = update(&state, .key(.pageDown))
        #expect(state.list(.myRoles).selection == page)
        #expect(state.list(.myRoles).offset == 1)
        _ = update(&state, .key("G"))
        #expect(state.list(.myRoles).selection == 99)
        #expect(state.list(.myRoles).offset == 100 - page)
        _ = update(&state, .key(.pageUp))
        #expect(state.list(.myRoles).selection == 99 - page)
        #expect(state.list(.myRoles).offset == 99 - page)
        _ = update(&state, .resize(width: 132, height: 40))
        #expect(state.pageRows == 26)
        #expect(state.list(.myRoles).offset == 74)
    }

    @Test func numberKeysTabAndShiftTabSwitchPanes() {
        var t = UpdateTester(Fixture.loaded())
        t.key("2") { $0.pane = .approvals }
        t.key("4") { $0.pane = .elevations }
        t.key(.tab) { $0.pane = .reviews }
        t.key(.tab) { $0.pane = .myRoles }
        t.key(.backTab) { $0.pane = .reviews }
        t.key(.backTab) { $0.pane = .elevations }
        t.key(.backTab) { $0.pane = .history }
        t.key("5") { $0.pane = .reviews }
        t.key("1") { $0.pane = .myRoles }
        t.key("3") { $0.pane = .history }
    }

    @Test func slashFiltersAsYouTypeEnterKeepsEscClears() {
        var t = UpdateTester(Fixture.loaded())
        t.key("4") { $0.pane = .elevations }
        t.key("/") { $0.lists[.elevations]?.isFiltering = true }
        t.type("ben")
        #expect(t.state.list(.elevations).visible == [1, 3])
        #expect(t.state.selectedElevation?.id == "a-ben-ex")
        t.key(.backspace) {
            $0.lists[.elevations]?.filter = TextField("be")
            $0.lists[.elevations]?.visible = [1, 3]
        }
        t.key(.enter) { $0.lists[.elevations]?.isFiltering = false }
        // Keys act on the rows again, inside the filtered list.
        t.key("j") {
            $0.lists[.elevations]?.selection = 1; $0.lists[.elevations]?.selectedID = "a-ben-grp"
        }
        t.key("/") { $0.lists[.elevations]?.isFiltering = true }
        t.key(.escape) {
            $0.lists[.elevations]?.isFiltering = false
            $0.lists[.elevations]?.filter = TextField()
            $0.lists[.elevations]?.visible = [0, 1, 2, 3, 4, 5]
            $0.lists[.elevations]?.selection = 3
        }
    }

    @Test func filterMatchesRoleAndGroupNames() {
        var state = Fixture.loaded()
        _ = update(&state, .key("/"))
        for c in "itops" { _ = update(&state, .key(.character(c))) }
        #expect(
            state.list(.myRoles).visible.map { state.roles[$0].target.displayName } == [
                "itops-sysadmin-prod-noapproval"
            ])
        #expect(state.selectedRole?.target == Fixture.sysadmin)
    }

    @Test func rRefreshesAndQueuesBehindARunningRefresh() {
        var t = UpdateTester(Fixture.loaded())
        t.key("r", effects: [.loadDashboard(.everything)]) { $0.isLoading = true }
        t.key("r") { $0.refreshQueued = true }
        t.send(
            .dashboardLoaded(
                .failure(PIMError(.network, "The network is unreachable: check the connection, then press r."))),
            effects: [.loadDashboard(.everything)]
        ) {
            $0.refreshQueued = false
            $0.lastError = "The network is unreachable: check the connection, then press r."
            // A failure's flash keeps its parts for the status line (here, the whole text and no step).
            $0.flash = $0.flashed("The network is unreachable: check the connection, then press r.", .error)
            $0.flash?.sentence = ErrorSentence(
                event: "The network is unreachable: check the connection, then press r.",
                step: "")
        }
        t.send(.dashboardLoaded(.success(Fixture.dashboard))) {
            $0.isLoading = false
            $0.lastError = nil
        }
        t.finish()
    }

    @Test func questionMarkTogglesTheHelp() {
        var t = UpdateTester(Fixture.loaded())
        t.key("?") { $0.showHelp = true }
        t.key("j")  // the help has the keyboard
        t.key(.escape) { $0.showHelp = false }
        t.key("?") { $0.showHelp = true }
        t.key("?") { $0.showHelp = false }
    }

    @Test func qQuitsAtOnceWithoutUnsentText() {
        var t = UpdateTester(Fixture.loaded())
        t.key("q", effects: [.quit])
    }

    @Test func qAsksFirstWhenAKeptDraftHoldsUnsentText() {
        var state = Fixture.loaded()
        _ = update(&state, .click(.row(5)))  // Exchange Administrator, eligible
        _ = update(&state, .key("a"))
        var t = UpdateTester(state)
        t.type("why q")  // inside the form, q is text
        #expect(t.state.form?[.justification].text == "why q")
        let key = Set([Fixture.exchangeAdmin.id])
        t.key(.escape) {
            $0.drafts[key] = $0.form!.draft
            $0.form = nil
        }
        t.key("q") { $0.confirmingQuit = true }
        t.key(.escape) { $0.confirmingQuit = false }
        t.key("q") { $0.confirmingQuit = true }
        t.key("y", effects: [.quit])
    }

    @Test func quitConfirmationYesQuitsNoStays() {
        var state = Fixture.loaded()
        state.dialog = ApprovalDialog(items: Fixture.approvalItems, decision: .approve)
        state.dialog?.justification = TextField("fine")
        state.confirmingQuit = true
        var t = UpdateTester(state)
        t.key("n") { $0.confirmingQuit = false }
        t.send(.command(.quit)) { $0.confirmingQuit = true }
        t.key("y", effects: [.quit])
    }

    @Test func clicksSelectAPaneOrARow() {
        var t = UpdateTester(Fixture.loaded())
        t.send(.click(.row(6))) {
            $0.lists[.myRoles]?.selection = 6; $0.lists[.myRoles]?.selectedID = Fixture.globalAdmin.id.description
        }
        t.send(.click(.pane(.history))) { $0.pane = .history }
    }

    @Test func aDisabledKeySaysWhy() {
        var t = UpdateTester(Fixture.loaded())
        t.key("a") {
            $0.flash = $0.flashed("Global Reader is already active: press e to extend it.", .warning)
        }
        t.key("c") { $0.flash = $0.flashed("This row has no pending request to cancel.", .warning) }
    }

    @Test func hintsAndHelpComeFromTheKeyMap() {
        let state = Fixture.loaded()
        let hints = KeyMap.hints(for: state).compactMap(\.hint)
        #expect(hints == ["mark", "deactivate", "extend", "filter", "refresh", "help", "quit"])
        // Every key of product.md is bound.
        let keys = Set(KeyMap.bindings.flatMap(\.keys))
        let required: [Key] = [
            "1", "2", "3", "4", .tab, .backTab, .up, .down, "j", "k", .pageUp, .pageDown, "g", "G",
            "/", .enter, .escape, "r", "?", "q", "a", " ", "d", "e", "c", .control("u"), .control("w"),
            .left, .right, .home, .end, .backspace, .control("s"),
        ]
        #expect(required.allSatisfy { keys.contains($0) })
    }
}

/// Ten thousand rows: loading, moving and filtering stay interactive.
@Suite struct LargeTableTests {
    @Test func filteringTenThousandRowsStaysFast() {
        var dashboard = Fixture.dashboard
        dashboard.eligibilities = (0..<10_000).map {
            Fixture.eligibility(ElevationTarget(id: .group("g\($0)"), displayName: "team-\($0 % 100)-group-\($0)"))
        }
        var state = AppState(now: Fixture.now)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = update(&state, .dashboardLoaded(.success(dashboard)))
            _ = update(&state, .key("/"))
            for c in "team-42-" { _ = update(&state, .key(.character(c))) }
            _ = update(&state, .key(.enter))
            _ = update(&state, .key("G"))
        }
        #expect(state.list(.myRoles).visible.count == 100)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }
}

/// The mouse wheel: it moves the selection of the pane in view, and nothing behind a form or dialog.
@Suite struct WheelTests {
    @Test func aNotchDownMovesTheSelectionThreeRowsAndUpComesBack() {
        var t = UpdateTester(Fixture.loaded())
        t.send(.wheel(1)) {
            $0.lists[.myRoles]?.selection = 3
            $0.lists[.myRoles]?.selectedID = Fixture.contributorPayments.id.description
        }
        t.send(.wheel(5)) {
            $0.lists[.myRoles]?.selection = 11; $0.lists[.myRoles]?.selectedID = Fixture.securityReader.id.description
        }
        t.send(.wheel(-1)) {
            $0.lists[.myRoles]?.selection = 8; $0.lists[.myRoles]?.selectedID = Fixture.keyVaultAdmin.id.description
        }
    }

    @Test func theWheelDoesNothingBehindTheFormOrTheHelp() {
        var state = Fixture.loaded()
        _ = update(&state, .click(.row(5)))  // Exchange Administrator, eligible
        _ = update(&state, .key(.enter))
        #expect(state.form != nil)
        var t = UpdateTester(state)
        t.send(.wheel(1))
        var help = Fixture.loaded()
        _ = update(&help, .key("?"))
        var h = UpdateTester(help)
        h.send(.wheel(1))
    }
}
