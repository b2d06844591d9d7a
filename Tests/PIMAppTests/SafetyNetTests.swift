import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// Keys that lose something ask first: unsent text, a running elevation, a request that waited for
/// approval. Marks gather only rows that can be activated, and a refusal names the rows.
@Suite struct SafetyNetTests {
    // Rows of the fixture's My roles: 0 Global Reader (active), 1 User Administrator (active),
    // 2 Virtual Machine Contributor (Azure, active), 3 and 4 Contributor (Azure), 5 Exchange Administrator,
    // 6 Global Administrator, 7 itops-sysadmin-prod-noapproval, 8 Key Vault Administrator (Azure),
    // 9 Owner (Azure), 10 pag_Tier0.breakglass, 11 Security Reader (pending).
    func selecting(_ row: Int, in state: AppState = Fixture.loaded()) -> AppState {
        var state = state
        _ = update(&state, .click(.row(row)))
        return state
    }

    // MARK: Unsent text (item 5)

    @Test func closingTheApprovalDialogKeepsTheTypedReasonAndQuitAsks() {
        var state = Fixture.loaded()
        _ = update(&state, .key("2"))
        _ = update(&state, .key(.enter))
        _ = update(&state, .key("d"))
        for c in "Not during the freeze" { _ = update(&state, .key(.character(c))) }
        _ = update(&state, .key(.escape))  // back to the details
        _ = update(&state, .key("q"))  // closes the dialog
        #expect(state.dialog == nil)
        #expect(update(&state, .key("q")).isEmpty, "a typed reason is not lost without a question")
        #expect(state.confirmingQuit)
        _ = update(&state, .key("n"))
        // Opening the same request again brings the reason back.
        _ = update(&state, .key(.enter))
        _ = update(&state, .key("d"))
        #expect(state.dialog?.justification.text == "Not during the freeze")
    }

    @Test func draftsAreSavedAndRestoredAcrossAStart() throws {
        var state = selecting(6)
        _ = update(&state, .key(.enter))
        for c in "Break-glass test" { _ = update(&state, .key(.character(c))) }
        _ = update(&state, .key("2"))  // typed into the form, not a pane switch
        var saved = state.savedDrafts
        #expect(saved.activations.map(\.draft.justification) == ["Break-glass test2"])
        // Through JSON, as the file holds it.
        saved = try JSONDecoder().decode(SavedDrafts.self, from: JSONEncoder().encode(saved))

        var next = AppState(config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now)
        next.restore(saved)
        #expect(next.hasUnsentText)
        _ = update(&next, .start)
        _ = update(&next, .dashboardLoaded(.success(Fixture.dashboard)))
        next = selecting(6, in: next)
        _ = update(&next, .key(.enter))
        #expect(next.form?[.justification].text == "Break-glass test2")
    }

    @Test func aSentFormLeavesNoSavedDraft() {
        var state = selecting(7)
        _ = update(&state, .key(.enter))
        for c in "Patch night" { _ = update(&state, .key(.character(c))) }
        _ = update(&state, .key(.control("s")))
        let answer = ElevationRequest(
            id: "r1", target: Fixture.sysadmin, action: .selfActivate, status: .provisioned,
            principal: Fixture.ada)
        _ = update(&state, .activationFinished(Fixture.sysadmin.id, .success(ActivationResult(request: answer))))
        #expect(state.savedDrafts.activations.isEmpty)
    }

    // MARK: Marks (item 6)

    @Test func spaceRefusesARowThatCannotBeActivatedAndNamesIt() {
        var state = selecting(0)
        _ = update(&state, .key(" "))
        #expect(state.list(.myRoles).marked.isEmpty, "an active row is not marked")
        #expect(
            state.flash?.text
                == "Global Reader cannot be marked: it is already active. Marks gather roles to activate together.")
        state = selecting(11, in: state)
        _ = update(&state, .key(" "))
        #expect(state.list(.myRoles).marked.isEmpty, "a pending row is not marked")
        #expect(
            state.flash?.text
                == """
                Security Reader cannot be marked: its request waits for approval. Marks gather roles to activate \
                together.
                """
        )
    }

    @Test func enterNamesMarkedRowsThatCannotBeActivatedAndTheMessageGoesWithTheMark() {
        var state = selecting(6)
        _ = update(&state, .key(" "))
        _ = update(&state, .key(" "))
        #expect(state.list(.myRoles).marked == [Fixture.globalAdmin.id.description, Fixture.sysadmin.id.description])
        // Meanwhile Global Administrator was activated elsewhere (the command line, the portal).
        var dashboard = Fixture.dashboard
        dashboard.active.append(
            ActiveAssignment(
                id: "a-ga", target: Fixture.globalAdmin, principal: Fixture.ada,
                start: Fixture.at(-0.1), end: Fixture.at(1)))
        _ = update(&state, .command(.refresh))
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        _ = update(&state, .key(.enter))
        #expect(state.form == nil)
        #expect(
            state.flash?.text
                == """
                Marked but not activatable: Global Administrator (already active). Unmark it with Space, then \
                press Enter.
                """
        )
        let row = state.roles.firstIndex { $0.target == Fixture.globalAdmin }!
        state = selecting(row, in: state)
        _ = update(&state, .key(" "))
        #expect(state.list(.myRoles).marked == [Fixture.sysadmin.id.description])
        #expect(state.flash == nil, "the refusal is about a mark that is gone")
        _ = update(&state, .key(.enter))
        #expect(state.form?.targets == [Fixture.sysadmin])
    }

    // MARK: Deactivate and cancel ask first (item 11)

    @Test func dAsksBeforeDeactivatingAndOnlyYSends() {
        var state = selecting(0)
        #expect(update(&state, .key("d")).isEmpty, "d alone sends nothing")
        #expect(state.busy.isEmpty)
        #expect(update(&state, .key("n")).isEmpty)
        #expect(update(&state, .key("d")).isEmpty)
        #expect(update(&state, .key(.escape)).isEmpty)
        #expect(update(&state, .key("d")).isEmpty)
        #expect(update(&state, .key("y")) == [.deactivate(Fixture.readerActive)])
        #expect(state.busy[Fixture.globalReader.id] == "deactivating")
    }

    @Test func cAsksBeforeCancellingAndOnlyYSends() {
        var state = selecting(11)
        #expect(update(&state, .key("c")).isEmpty, "c alone sends nothing")
        #expect(update(&state, .key(.enter)).isEmpty, "Enter is no")
        #expect(update(&state, .key("c")).isEmpty)
        #expect(update(&state, .key("y")) == [.cancel(Fixture.securityReaderRequest)])
    }
}
