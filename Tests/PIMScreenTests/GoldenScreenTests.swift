import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import PIMScreen
import Testing

/// Every pane, the form (empty, with errors, pending approval result), the approval dialog, the
/// help, an error status line, wide characters and injected escape sequences, Azure rows, their form
/// and dialog, at 80×24 and 132×40.
@Suite struct GoldenScreenTests {
    func selecting(_ target: ElevationTarget, in state: inout AppState) {
        let index = state.roles.firstIndex { $0.target == target }!
        _ = update(&state, .click(.row(index)))
    }

    func typing(_ text: String, into state: inout AppState) {
        for c in text { _ = update(&state, .key(.character(c))) }
    }

    @Test func myRoles() {
        GoldenScreen.check("my-roles", Fixture.loaded(), styles: true)
    }

    @Test func approvals() {
        var state = Fixture.loaded()
        _ = update(&state, .key("2"))
        GoldenScreen.check("approvals", state, styles: true)
    }

    @Test func history() {
        var state = Fixture.loaded()
        _ = update(&state, .key("3"))
        GoldenScreen.check("history", state)
    }

    /// A denied request of mine: the detail strip says who denied it, when and why.
    @Test func historyDeniedDetail() {
        var state = AppState(config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(Fixture.dashboardWithDenial)))
        _ = update(&state, .key("3"))
        let row = state.list(.history).visible.firstIndex { state.history[$0].requestId == "req-ada-9" }!
        _ = update(&state, .click(.row(row)))
        GoldenScreen.check("history-denied-detail", state)
    }

    /// The approver's `m` view: the requests Ben decided, with his reasons.
    @Test func myDecisions() {
        var state = Fixture.loaded()
        state.me = Fixture.ben
        _ = update(&state, .key("3"))
        _ = update(&state, .key("m"))
        _ = update(&state, .myDecisionsLoaded(.success(Fixture.bensDecisions)))
        GoldenScreen.check("history-my-decisions", state)
    }

    @Test func elevations() {
        var state = Fixture.loaded()
        _ = update(&state, .key("4"))
        GoldenScreen.check("elevations", state, styles: true)
    }

    @Test func elevationsFilteredByUser() {
        var state = Fixture.loaded()
        _ = update(&state, .key("4"))
        _ = update(&state, .key("/"))
        typing("ben", into: &state)
        GoldenScreen.check("elevations-filter", state)
    }

    @Test func formEmpty() {
        var state = Fixture.loaded()
        selecting(Fixture.globalAdmin, in: &state)
        _ = update(&state, .key(.enter))
        GoldenScreen.check("form-empty", state)
    }

    @Test func formWithErrors() {
        var state = Fixture.loaded()
        selecting(Fixture.exchangeAdmin, in: &state)
        _ = update(&state, .key("a"))
        typing("Mailbox migration", into: &state)
        _ = update(&state, .key(.tab))
        typing("CHG-42", into: &state)
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.control("u")))
        typing("9h", into: &state)
        _ = update(&state, .key(.control("s")))
        GoldenScreen.check("form-errors", state)
    }

    @Test func formPendingApprovalResult() {
        var state = Fixture.loaded()
        selecting(Fixture.securityReader, in: &state)
        // A pending role cannot be activated again: use Global Administrator, which needs approval.
        selecting(Fixture.globalAdmin, in: &state)
        _ = update(&state, .key(.enter))
        typing("Emergency access review", into: &state)
        _ = update(&state, .key(.tab))
        typing("INC-4711", into: &state)
        _ = update(&state, .key(.tab))
        typing("ServiceNow", into: &state)
        _ = update(&state, .key(.control("s")))
        let pending = ElevationRequest(
            id: "req-7f3a", target: Fixture.globalAdmin, action: .selfActivate, status: .pendingApproval,
            principal: Fixture.ada, createdAt: Fixture.now, duration: .hours(1))
        _ = update(&state, .activationFinished(Fixture.globalAdmin.id, .success(ActivationResult(request: pending))))
        GoldenScreen.check("form-pending", state)
    }

    /// Three marked rows: every target is named, over as many lines as it takes.
    @Test func formForSeveralTargets() {
        var state = Fixture.loaded()
        for target in [Fixture.globalAdmin, Fixture.exchangeAdmin, Fixture.sysadmin] {
            selecting(target, in: &state)
            _ = update(&state, .key(" "))
        }
        _ = update(&state, .key(.enter))
        #expect(state.form?.targets.count == 3)
        GoldenScreen.check("form-several", state)
        let rows = render(state).lines().joined(separator: "\n")
        // A role held at an administrative unit says at which.
        #expect(rows.contains("For 3 targets: Exchange Administrator at AU Europe, Global Administrator,"))
        #expect(rows.contains("itops-sysadmin-prod-noapproval"))
    }

    @Test func formTier0Confirmation() {
        var state = Fixture.loaded(config: AppConfig(tenantLabel: "contoso.example (demo)", confirmTier0: true))
        selecting(Fixture.globalAdmin, in: &state)
        _ = update(&state, .key(.enter))
        typing("Break glass drill", into: &state)
        _ = update(&state, .key(.tab))
        typing("INC-1", into: &state)
        _ = update(&state, .key(.tab))
        typing("ServiceNow", into: &state)
        _ = update(&state, .key(.control("s")))
        GoldenScreen.check("form-tier0", state)
    }

    @Test func approvalDialog() {
        var state = Fixture.loaded()
        _ = update(&state, .key("2"))
        _ = update(&state, .key("j"))
        _ = update(&state, .key(.enter))
        GoldenScreen.check("approval-dialog", state)
    }

    @Test func approvalDecisionWithJustification() {
        var state = Fixture.loaded()
        _ = update(&state, .key("2"))
        _ = update(&state, .key(" "))
        _ = update(&state, .key(" "))
        _ = update(&state, .key("d"))
        typing("Outside the change window", into: &state)
        GoldenScreen.check("approval-deny-marked", state)
    }

    /// An Azure row's detail strip: its scope, the scope's kind, the ARM scope id and how it is held.
    @Test func azureRowDetails() {
        var state = Fixture.loaded()
        selecting(Fixture.vmContributorAppRg, in: &state)
        GoldenScreen.check("my-roles-azure", state)
    }

    /// The form for an Azure role names its scope and checks the role's policy at that scope.
    @Test func azureForm() {
        var state = Fixture.loaded()
        selecting(Fixture.contributorPayments, in: &state)
        _ = update(&state, .key(.enter))
        typing("Deploy the payment API", into: &state)
        GoldenScreen.check("form-azure", state)
    }

    @Test func azureApprovalDialog() {
        var state = Fixture.loaded()
        _ = update(&state, .key("2"))
        _ = update(&state, .key("G"))
        _ = update(&state, .key(.enter))
        GoldenScreen.check("approval-dialog-azure", state)
    }

    /// Without an Azure Resource Manager token the rest is whole, and the status line says why once.
    @Test func azureUnavailableNotice() {
        var dashboard = Fixture.dashboard
        dashboard.eligibilities.removeAll { $0.target.kind == .azureRole }
        dashboard.active.removeAll { $0.target.kind == .azureRole }
        dashboard.myRequests.removeAll { $0.target.kind == .azureRole }
        dashboard.approvals.removeAll { $0.request.target.kind == .azureRole }
        dashboard.elevations.removeAll { $0.target.kind == .azureRole }
        dashboard.azureUnavailable = PIMError(
            .signInRequired, "No Azure Resource Manager token could be had", step: .getAzureAccess(.noToken))
        var state = AppState(config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        GoldenScreen.check("azure-unavailable", state, styles: true)
    }

    @Test func help() {
        var state = Fixture.loaded()
        _ = update(&state, .key("?"))
        GoldenScreen.check("help", state)
    }

    /// At 80×24 the keys need two pages of readable columns: PgDn shows the second, and wraps around.
    @Test func helpPages() {
        var state = Fixture.loaded()
        _ = update(&state, .key("?"))
        _ = update(&state, .key(.pageDown))
        GoldenScreen.check("help-page-2", state)
    }

    /// Every key shows on some page, with its description whole (no "…" in a key's help) at 80×24.
    @Test func everyPageOfHelpReadsWhole() {
        var state = Fixture.loaded(width: 80, height: 24)
        _ = update(&state, .key("?"))
        let first = render(state).lines().joined(separator: "\n")
        #expect(first.contains("page 1/2"), "\(first)")
        _ = update(&state, .key(.pageDown))
        let second = render(state).lines().joined(separator: "\n")
        #expect(second.contains("page 2/2"))
        #expect(second.contains("wheel"), "the last entry is on the last page")
        _ = update(&state, .key(.pageDown))
        #expect(render(state).lines().joined(separator: "\n") == first, "PgDn after the last page shows the first")
        for page in [first, second] {
            for row in page.split(separator: "\n").dropFirst(2).dropLast(2) {
                #expect(!row.dropFirst(3).dropLast(3).contains("…"), "\(row)")
            }
        }
    }

    /// Nothing of the pane behind shows beside the help box (at 120×35 cut names ended in "…" there).
    @Test(arguments: [(120, 35), (80, 24), (132, 40), (100, 30)])
    func helpCoversThePaneBehindIt(width: Int, height: Int) {
        var state = Fixture.loaded(width: width, height: height)
        _ = update(&state, .key("?"))
        let rows = render(state).lines()
        for row in rows[2..<(height - 2)] {
            let characters = Array(row)
            #expect(characters.last == " ", "\(row)")
            #expect(characters.first == " ", "\(row)")
        }
    }

    @Test func errorStatusLine() {
        var state = Fixture.loaded()
        _ = update(&state, .key("r"))
        _ = update(
            &state,
            .dashboardLoaded(
                .failure(
                    PIMError(.network, "The network is unreachable or timed out: check the connection, then press r.")))
        )
        _ = update(&state, .tick(Fixture.now.addingTimeInterval(30)))
        GoldenScreen.check("error-status", state, styles: true)
    }

    @Test func expiryWarning() {
        var state = Fixture.loaded()
        _ = update(&state, .tick(Fixture.now))
        GoldenScreen.check("expiry-warning", state, styles: true)
    }

    @Test func wideCharactersStayAligned() {
        var dashboard = Fixture.dashboard
        let wide = [
            ElevationTarget(id: .role("cjk"), displayName: "日本語の管理者ロール"),
            ElevationTarget(id: .group("emoji"), displayName: "on-call 🎉 rota 👍🏽"),
            ElevationTarget(id: .group("mixed"), displayName: "Équipe réseau ✔️ 한국어"),
        ]
        dashboard.eligibilities += wide.map(Fixture.eligibility)
        dashboard.approvals[0].request.justification = "緊急対応のため 🚑 (incident 42)"
        var state = AppState(config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        GoldenScreen.check("wide-characters", state)
        _ = update(&state, .key("2"))
        GoldenScreen.check("wide-characters-approvals", state)
    }

    @Test func injectedEscapeSequencesAreShownInert() {
        var dashboard = Fixture.dashboard
        let evil = ElevationTarget(
            id: .role("evil"),
            displayName: "Reader\u{1B}[2J\u{1B}]52;c;cGF5bG9hZA==\u{07}\u{1B}[31mRED\u{9B}1m\u{202E}txt")
        dashboard.eligibilities.insert(Fixture.eligibility(evil), at: 0)
        dashboard.approvals[0].request.justification = "ok\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\ \r\n\tdone"
        var state = AppState(config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        selecting(evil, in: &state)
        GoldenScreen.check("injected-escape", state)
        _ = update(&state, .key("2"))
        _ = update(&state, .key("j"))
        _ = update(&state, .key(.enter))
        GoldenScreen.check("injected-escape-dialog", state)
        for size in [(80, 24), (132, 40)] {
            var sized = state
            _ = update(&sized, .resize(width: size.0, height: size.1))
            let cells = render(sized).cells
            #expect(
                !cells.contains {
                    $0.text.unicodeScalars.contains {
                        $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
                    }
                })
        }
    }
}
