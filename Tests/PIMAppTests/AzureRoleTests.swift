import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import PIMTestSupport
import Testing

/// Azure roles in the full screen: the same form, checks, keys and panes as directory roles and
/// groups, with the scope named wherever one role name is not enough.
@Suite struct AzureRoleTests {
    func started(_ service: FakeService) async -> Runtime {
        let runtime = Runtime(state: AppState(now: Fixture.now), service: service)
        await runtime.send(.start)
        await runtime.runUntilIdle()
        return runtime
    }

    func keys(_ runtime: Runtime, _ keys: [Key]) async {
        for key in keys { await runtime.send(.key(key)) }
        await runtime.runUntilIdle()
    }

    func text(_ text: String) -> [Key] { text.map { .character($0) } }

    func selecting(_ target: ElevationTarget, in state: inout AppState) {
        let index = state.roles.firstIndex { $0.target == target }!
        _ = update(&state, .click(.row(index)))
    }

    func typing(_ text: String, into state: inout AppState) {
        for c in text { _ = update(&state, .key(.character(c))) }
    }

    static let noToken = PIMError(
        .signInRequired, "No Azure Resource Manager token could be had", step: .getAzureAccess(.noToken))

    @Test func activatingAnAzureRowSendsTheAzureTargetAndTheRowCountsDown() async {
        let service = FakeService(Fixture.dashboard, now: Fixture.now)
        let runtime = await started(service)
        let row = await runtime.state.roles.firstIndex { $0.target == Fixture.contributorPayments }!
        await runtime.send(.click(.row(row)))
        await keys(
            runtime,
            [.enter] + text("Deploy the payment API") + [.tab] + text("CHG-881") + [.tab] + text("ServiceNow")
                + [.tab, .control("u")] + text("2h") + [.enter])
        let sent = service.read { $0.sent }
        #expect(sent.map(\.target.id) == [Fixture.contributorPayments.id])
        #expect(sent.first?.target.id.kind == .azureRole)
        #expect(sent.first?.target.id.scope == Fixture.paymentsSubscription)
        #expect(sent.first?.justification == "Deploy the payment API")
        #expect(sent.first?.ticket == TicketInfo(number: "CHG-881", system: "ServiceNow"))
        #expect(sent.first?.duration == .hours(2))
        let state = await runtime.state
        #expect(state.form?.isDone == true)
        let activated = state.roles.first { $0.target == Fixture.contributorPayments }
        #expect(activated?.state == .active)
        let left = activated?.active?.remaining(at: state.now)
        #expect(left.map { Countdown.text(remaining: $0) } == "2h 00m")
    }

    @Test func theAzurePolicyIsCheckedBeforeAnythingIsSent() {
        var state = Fixture.loaded()
        selecting(Fixture.contributorPayments, in: &state)
        _ = update(&state, .key(.enter))
        typing("Deploy the payment API", into: &state)
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.control("u")))
        typing("9h", into: &state)
        let effects = update(&state, .key(.control("s")))
        #expect(effects.isEmpty)
        #expect(
            state.form?.problems(rules: DraftRules(), now: state.now).map(\.field) == [.ticketNumber, .duration])
        #expect(state.form?.maxDuration == .hours(8))
    }

    @Test func aRefusedAzureActivationKeepsTheTypedJustification() async {
        let service = FakeService(Fixture.dashboard, now: Fixture.now)
        service.state.withLock {
            $0.activationError = PIMError(
                .refused, "The request does not meet the role's policy", step: .satisfyRules([.ticketing]),
                graphCode: "RoleAssignmentRequestPolicyValidationFailed", httpStatus: 400, failedRules: [.ticketing])
        }
        let runtime = await started(service)
        let row = await runtime.state.roles.firstIndex { $0.target == Fixture.keyVaultAdmin }!
        await runtime.send(.click(.row(row)))
        await keys(runtime, [.enter] + text("Rotate the vault keys") + [.control("s")])
        var state = await runtime.state
        #expect(state.form?[.justification].text == "Rotate the vault keys")
        #expect(state.form?.error?.contains("Ticket: fill in Ticket number and Ticket system.") == true)
        await keys(runtime, [.escape])
        await keys(runtime, [.enter])
        state = await runtime.state
        #expect(state.form?.targets == [Fixture.keyVaultAdmin])
        #expect(state.form?[.justification].text == "Rotate the vault keys")
        #expect(service.read { $0.sent }.isEmpty)
    }

    @Test func deactivatingOrExtendingWithinFiveMinutesExplainsAndSendsNothing() {
        // Without an elevation near its end and without a refresh due, the clock changes only the time.
        var dashboard = Fixture.dashboard
        dashboard.active.removeAll { $0.id == Fixture.userAdminActive.id }
        var state = AppState(config: AppConfig(refreshInterval: 3600), now: Fixture.now)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        var t = UpdateTester(state)
        let row = t.state.roles.firstIndex { $0.target == Fixture.vmContributorAppRg }!
        t.send(.click(.row(row))) {
            $0.lists[.myRoles]?.selection = row
            $0.lists[.myRoles]?.selectedID = Fixture.vmContributorAppRg.id.description
        }
        t.key("d") {
            $0.flash = $0.flashed(
                """
                Virtual Machine Contributor — Prod-Payments / app-rg (resource group) started under 5 minutes ago: \
                the service allows deactivating it in 3m 00s.
                """,
                .warning)
        }
        t.key("e") {
            $0.flash = $0.flashed(
                """
                Virtual Machine Contributor — Prod-Payments / app-rg (resource group) started under 5 minutes ago: \
                extending ends it and activates it again, which the service allows in 3m 00s.
                """,
                .warning)
        }
        let later = Fixture.now.addingTimeInterval(181)
        t.send(.tick(later)) {
            $0.now = later
            $0.flash = nil
        }
        t.key("d") { $0.confirmation = .deactivate(Fixture.vmContributorActive) }
        t.key("n") { $0.confirmation = nil }
        t.key("e") {
            $0.form = ActivationForm(
                mode: .extend(Fixture.vmContributorActive), targets: [Fixture.vmContributorAppRg],
                policies: [Fixture.vmContributorAppRg.id: Fixture.plain], draft: ActivationDraft(durationText: "1h"))
        }
        t.finish()
    }

    @Test func azureUnavailableIsSaidOnceAsAWarningNotAFailure() {
        var dashboard = Fixture.dashboard
        dashboard.azureUnavailable = Self.noToken
        // No elevation near its end: its warning would take the status line.
        dashboard.active.removeAll { $0.id == Fixture.userAdminActive.id }
        var state = AppState(config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        #expect(
            state.flash?.text
                == """
                Azure roles are not shown: No Azure Resource Manager token could be had: quit (q) and run `az login`, \
                or set PIM_ARM_ACCESS_TOKEN, to see them.
                """)
        #expect(state.flash?.level == .warning)
        #expect(state.failure == nil)
        #expect(state.roles.count == 12, "directory roles, groups and the Azure rows read are all shown")
        // The next refreshes say nothing more.
        let later = Fixture.now.addingTimeInterval(61)
        _ = update(&state, .tick(later))
        #expect(state.flash == nil)
        #expect(state.isLoading)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        #expect(state.flash == nil)
        _ = update(&state, .key("r"))
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        #expect(state.flash == nil)
        #expect(state.failure == nil)
    }

    @Test func anAzureSectionFailureIsShownLikeTheOthers() {
        var dashboard = Fixture.dashboard
        dashboard.failures[.azureRoles] = PIMError(
            .forbidden, "Azure Resource Manager refused the listing (AuthorizationFailed)", step: .askAdministrator)
        var state = AppState(now: Fixture.now)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        #expect(
            state.lastError
                == """
                Could not load your Azure roles: Azure Resource Manager refused the listing (AuthorizationFailed): \
                ask an administrator.
                """)
        #expect(state.sectionFailures[.azureRoles] != nil)
    }

    @Test func approvingAnAzureRequestDecidesThroughTheService() async {
        let service = FakeService(Fixture.dashboard, now: Fixture.now)
        let runtime = await started(service)
        let index = await runtime.state.approvals.firstIndex { $0.id == Fixture.azureApprovalItem.id }!
        await keys(runtime, ["2"] + Array(repeating: "j", count: index) + [.enter])
        #expect(await runtime.state.dialog?.items.map(\.request.target) == [Fixture.ownerPayments])
        await keys(runtime, ["a"] + text("Incident INC-4720 needs it") + [.enter])
        #expect(
            service.read { $0.decisions }.contains {
                $0 == (Fixture.azureApprovalItem.id, .approve, "Incident INC-4720 needs it")
            })
        let state = await runtime.state
        #expect(!state.approvals.contains { $0.id == Fixture.azureApprovalItem.id })
        #expect(state.flash?.text == "Approved 1 request.")
    }

    @Test func theFilterMatchesScopeNamesAndKinds() {
        var state = Fixture.loaded()
        _ = update(&state, .key("/"))
        typing("prod-payments", into: &state)
        #expect(
            state.list(.myRoles).visible.map { state.roles[$0].target } == [
                Fixture.vmContributorAppRg, Fixture.contributorPayments, Fixture.contributorAppRg,
                Fixture.keyVaultAdmin,
            ])
        _ = update(&state, .key(.escape))
        _ = update(&state, .key("/"))
        typing("management group", into: &state)
        #expect(state.list(.myRoles).visible.map { state.roles[$0].target } == [Fixture.ownerLandingZones])

        _ = update(&state, .key(.escape))
        _ = update(&state, .key("2"))
        _ = update(&state, .key("/"))
        typing("prod-payments", into: &state)
        #expect(state.list(.approvals).visible.map { state.approvals[$0].id } == [Fixture.azureApprovalItem.id])

        _ = update(&state, .key(.escape))
        _ = update(&state, .key("4"))
        _ = update(&state, .key("/"))
        typing("prod-data", into: &state)
        #expect(state.list(.elevations).visible.map { state.elevations[$0].id } == [Fixture.hanaContributorData.id])
    }

    /// One Azure role at several scopes reads in the order of the scope names, not of the ids (which
    /// start with the subscription's GUID).
    @Test func rowsOfOneAzureRoleGoInScopeNameOrder() {
        func contributor(_ subscription: String, _ name: String) -> ElevationTarget {
            ElevationTarget(
                id: .azure(
                    roleDefinitionId: "/subscriptions/\(subscription)/providers/Microsoft.Authorization/"
                        + "roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c",
                    scope: "/subscriptions/\(subscription)"),
                displayName: "Contributor", scopeName: name)
        }
        let targets = [
            contributor("00000000-0000-0000-0000-00000000000a", "Zeta-Archive"),
            contributor("00000000-0000-0000-0000-00000000000b", "Dev-Sandbox"),
            contributor("00000000-0000-0000-0000-00000000000c", "prod-Data"),
        ]
        let dashboard = Dashboard(
            me: Fixture.ada,
            eligibilities: (targets + [Fixture.globalReader, Fixture.keyVaultAdmin]).map {
                Fixture.azureEligibility($0)
            })
        var state = AppState(now: Fixture.now)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        #expect(
            state.roles.map { "\($0.target.displayName) @ \($0.target.scopeLabel)" } == [
                "Contributor @ Dev-Sandbox", "Contributor @ prod-Data", "Contributor @ Zeta-Archive",
                "Global Reader @ Directory", "Key Vault Administrator @ Prod-Payments / kv-payments",
            ])
    }

    @Test func marksGatherAzureRowsWithOthersIntoOneForm() {
        var state = Fixture.loaded()
        for target in [Fixture.contributorPayments, Fixture.ownerLandingZones, Fixture.sysadmin] {
            selecting(target, in: &state)
            _ = update(&state, .key(" "))
        }
        _ = update(&state, .key(.enter))
        #expect(
            state.form?.targets.map(\.interfaceName) == [
                "Contributor — Prod-Payments (subscription)", "itops-sysadmin-prod-noapproval",
                "Owner — Landing Zones (management group)",
            ])
        #expect(state.form?.maxDuration == .hours(2), "the smallest maximum of the three policies")
        typing("Quarterly failover test", into: &state)
        _ = update(&state, .key(.tab))
        typing("CHG-12", into: &state)
        _ = update(&state, .key(.tab))
        typing("ServiceNow", into: &state)
        let effects = update(&state, .key(.control("s")))
        guard case .activate(let requests) = effects.first else {
            Issue.record("expected one activation effect, got \(effects)")
            return
        }
        #expect(
            requests.map(\.target.id) == [
                Fixture.contributorPayments.id, Fixture.sysadmin.id, Fixture.ownerLandingZones.id,
            ])
    }

    @Test func markingAnActiveAzureRowNamesItsScope() {
        var state = Fixture.loaded()
        selecting(Fixture.vmContributorAppRg, in: &state)
        _ = update(&state, .key(" "))
        #expect(
            state.flash?.text
                == """
                Virtual Machine Contributor — Prod-Payments / app-rg (resource group) cannot be marked: it is \
                already active. Marks gather roles to activate together.
                """)
    }

    @Test func aRoleSetNamesAzureRolesAsTheCommandLineDoes() {
        let config = AppConfig(
            roleSets: [
                "payments": [
                    "azure:Contributor@Prod-Payments", "azure:key vault administrator",
                    "azure:Owner@/providers/Microsoft.Management/managementGroups/MG-LANDING-ZONES",
                    "azure:Contributor",
                ]
            ])
        var state = Fixture.loaded(config: config)
        _ = update(&state, .key("@"))
        #expect(
            state.markedRoles.map(\.target.id) == [
                Fixture.contributorPayments.id, Fixture.keyVaultAdmin.id, Fixture.ownerLandingZones.id,
            ])
        #expect(
            state.flash?.text.contains("No row matches \"azure:Contributor\".") == true,
            "a name held at two scopes needs its scope: \(state.flash?.text ?? "")")
    }
}
