import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import PIMTestSupport
import Testing

/// The runtime against an in-memory service: keys in, service calls out, results back as state.
/// No sleeps: `runUntilIdle()` waits for every effect and its result.
@Suite struct RuntimeTests {
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

    @Test func startLoadsTheDashboardOnce() async {
        let service = FakeService(Fixture.dashboard, now: Fixture.now)
        let runtime = await started(service)
        let state = await runtime.state
        #expect(state.hasLoaded)
        #expect(state.roles.count == 12)
        #expect(service.read { $0.dashboardLoads } == 1)
    }

    @Test func activatingThroughTheFormCallsTheServiceAndRefreshes() async {
        let service = FakeService(Fixture.dashboard, now: Fixture.now)
        let runtime = await started(service)
        let row = await runtime.state.roles.firstIndex { $0.target == Fixture.sysadmin }!
        await runtime.send(.click(.row(row)))
        await keys(
            runtime,
            ["a"] + text("Patch night") + [.tab] + text("CHG-1") + [.tab, .tab, .control("u")] + text("30m") + [.enter])
        let sent = service.read { $0.sent }.map {
            [$0.target.displayName, $0.duration.shortDescription, $0.justification ?? "-", $0.ticket?.number ?? "-"]
                .joined(separator: " ")
        }
        #expect(sent == ["itops-sysadmin-prod-noapproval 30m Patch night CHG-1"])
        #expect(service.read { $0.dashboardLoads } == 2)
        let state = await runtime.state
        #expect(state.form?.isDone == true)
        #expect(state.roles.first { $0.target == Fixture.sysadmin }?.state == .active)
        await keys(runtime, [.enter])
        #expect(await runtime.state.form == nil)
    }

    @Test func aRoleNeedingApprovalBecomesPending() async {
        let service = FakeService(Fixture.dashboard, now: Fixture.now)
        let runtime = await started(service)
        let row = await runtime.state.roles.firstIndex { $0.target == Fixture.globalAdmin }!
        await runtime.send(.click(.row(row)))
        await keys(
            runtime,
            [.enter] + text("Break glass test") + [.tab] + text("INC-1") + [.tab] + text("ServiceNow") + [
                .control("s"), "y",
            ])
        let state = await runtime.state
        #expect(state.roles.first { $0.target == Fixture.globalAdmin }?.state == .pending)
        guard case .pendingApproval = state.form?.outcomes[Fixture.globalAdmin.id] else {
            Issue.record("expected a pending approval outcome, got \(String(describing: state.form?.outcomes))")
            return
        }
    }

    @Test func approvingFromTheDialogRemovesTheRequest() async {
        let service = FakeService(Fixture.dashboard, now: Fixture.now)
        let runtime = await started(service)
        await keys(runtime, ["2", .enter, "a"] + text("Known change") + [.enter])
        let state = await runtime.state
        #expect(service.read { $0.decisions }.contains { $0 == ("req-202", .approve, "Known change") })
        #expect(state.approvals.map(\.id) == ["req-201", Fixture.azureApprovalItem.id])
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "Approved 1 request.")
    }

    @Test func anAlreadyDecidedRequestRefreshesTheList() async {
        let service = FakeService(Fixture.dashboard, now: Fixture.now)
        service.state.withLock { $0.decisionError = PIMError(.alreadyDecided, "Already decided.", httpStatus: 409) }
        let runtime = await started(service)
        await keys(runtime, ["2", "d"] + text("No") + [.enter])
        let state = await runtime.state
        #expect(state.flash?.text == "Already decided or cancelled: the list is refreshed.")
        #expect(state.approvals.count == 2)
    }

    @Test func quitAndBellReachTheFrontEnd() async {
        let runtime = await started(FakeService(Fixture.dashboard, now: Fixture.now))
        await runtime.send(.tick(Fixture.now))
        #expect(await runtime.bellCount == 1)
        await runtime.send(.key("q"))
        #expect(await runtime.quitRequested)
    }

    @Test func serviceFailuresBecomeTheLastError() async {
        let service = FakeService(Fixture.dashboard, now: Fixture.now)
        service.state.withLock { $0.failure = PIMError(.service, "The service keeps failing: try again in a minute.") }
        let runtime = await started(service)
        #expect(await runtime.state.lastError == "The service keeps failing: try again in a minute.")
        service.state.withLock { $0.failure = nil }
        await keys(runtime, ["r"])
        #expect(await runtime.state.lastError == nil)
    }
}
