import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import PIMTestSupport
import Testing

/// Desktop notifications of the full-screen interface: which refreshes and ticks send one, and what
/// it says.
@Suite struct NotificationRuleTests {
    static let hanaRequest = ApprovalItem(
        request: ElevationRequest(
            id: "req-203", target: Fixture.globalAdmin, action: .selfActivate, status: .pendingApproval,
            principal: Fixture.hana, createdAt: Fixture.at(-0.1), justification: "Break-glass drill",
            duration: .hours(1), approvalId: "req-203"))

    /// The notifications among `effects`.
    func notifications(_ effects: [Effect]) -> [DesktopNotification] {
        effects.compactMap { if case .notify(let note) = $0 { note } else { nil } }
    }

    /// The effects of one refresh answered with `dashboard`.
    func refresh(_ state: inout AppState, _ dashboard: Dashboard) -> [Effect] {
        _ = update(&state, .command(.refresh))
        return update(&state, .dashboardLoaded(.success(dashboard)))
    }

    func dashboard(approvals extra: [ApprovalItem] = [], myRequest: ElevationRequest? = nil) -> Dashboard {
        var dashboard = Fixture.dashboard
        dashboard.approvals += extra
        if let myRequest, let index = dashboard.myRequests.firstIndex(where: { $0.id == myRequest.id }) {
            dashboard.myRequests[index] = myRequest
        }
        return dashboard
    }

    @Test func theFirstLoadOfASessionNotifiesNothing() {
        var state = AppState(config: AppConfig(refreshInterval: 3600), now: Fixture.now)
        _ = update(&state, .start)
        let effects = update(&state, .dashboardLoaded(.success(Fixture.dashboard)))
        #expect(notifications(effects).isEmpty)
        #expect(state.approvals.count == 3)
    }

    @Test func aNewRequestWaitingForMeIsOneNotificationNamingRequesterAndTarget() {
        var state = Fixture.loaded()
        let effects = refresh(&state, dashboard(approvals: [Self.hanaRequest]))
        #expect(
            notifications(effects) == [
                DesktopNotification(
                    title: "New request for your approval",
                    body: "Hana Sato asks for Global Administrator for 1h: Break-glass drill.")
            ])
        // The same request at the next refresh is not new any more.
        #expect(notifications(refresh(&state, dashboard(approvals: [Self.hanaRequest]))).isEmpty)
    }

    @Test func severalNewRequestsAreOneSummary() {
        var state = Fixture.loaded()
        var more = [Self.hanaRequest]
        for id in ["req-204", "req-205"] {
            var item = Self.hanaRequest
            item.request.id = id
            more.append(item)
        }
        let effects = refresh(&state, dashboard(approvals: more))
        #expect(
            notifications(effects) == [
                DesktopNotification(
                    title: "New requests for your approval", body: "3 new requests wait for your approval.")
            ])
    }

    @Test func approvalsThatFailedToLoadDoNotMakeEveryRequestNewAfterwards() {
        var state = Fixture.loaded()
        var failed = Fixture.dashboard
        failed.approvals = []
        failed.failures[.approvals] = PIMError(.service, "The service failed.")
        #expect(notifications(refresh(&state, failed)).isEmpty)
        // Back again: the requests seen before the failure are not new; only Hana's is.
        let effects = refresh(&state, dashboard(approvals: [Self.hanaRequest]))
        #expect(notifications(effects).map(\.title) == ["New request for your approval"])
    }

    @Test func myRequestDeniedByBenWithAReasonNamesBenAndTheReason() {
        var state = Fixture.loaded()
        var denied = Fixture.securityReaderRequest
        denied.status = .denied
        denied.review = Review(result: .denied, reviewer: Fixture.ben, justification: "No ticket")
        let effects = refresh(&state, dashboard(myRequest: denied))
        #expect(
            notifications(effects) == [
                DesktopNotification(
                    title: "Request denied", body: "Ben Okafor denied your request for Security Reader: No ticket.")
            ])
        // Decided once, notified once.
        #expect(notifications(refresh(&state, dashboard(myRequest: denied))).isEmpty)
    }

    @Test func myRequestApprovedAndActiveSaysSoOnce() {
        var state = Fixture.loaded()
        var granted = Fixture.securityReaderRequest
        granted.status = .provisioned
        granted.review = Review(result: .approved, reviewer: Fixture.ben)
        let effects = refresh(&state, dashboard(myRequest: granted))
        #expect(
            notifications(effects) == [
                DesktopNotification(
                    title: "Request approved",
                    body: "Ben Okafor approved your request for Security Reader. It is active now.")
            ])
    }

    @Test func anActivationThatOnlyWaitedForProvisioningIsNoNews() {
        var waiting = Fixture.securityReaderRequest
        waiting.status = .pendingProvisioning
        var state = AppState(config: AppConfig(refreshInterval: 3600), now: Fixture.now)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(dashboard(myRequest: waiting))))
        var done = waiting
        done.status = .provisioned
        #expect(notifications(refresh(&state, dashboard(myRequest: done))).isEmpty)
    }

    @Test func notificationsFalseSendsNoneButTheBellStays() {
        var state = Fixture.loaded(config: AppConfig(refreshInterval: 3600, notifications: false))
        var denied = Fixture.securityReaderRequest
        denied.status = .denied
        let effects = refresh(&state, dashboard(approvals: [Self.hanaRequest], myRequest: denied))
        #expect(notifications(effects).isEmpty)
        // User Administrator ends in 8m 20s: the ten-minute warning rings, without a notification.
        #expect(update(&state, .tick(Fixture.now)) == [.bell])
    }

    @Test func theRuntimeHandsTheNotificationToTheFrontEnd() async {
        let service = FakeService(Fixture.dashboard, now: Fixture.now)
        let runtime = Runtime(state: AppState(now: Fixture.now), service: service)
        await runtime.send(.start)
        await runtime.runUntilIdle()
        await runtime.send(.tick(Fixture.now))
        await runtime.send(.key("q"))
        var notified: [DesktopNotification] = []
        for await output in runtime.outputs {
            if case .notify(let note) = output { notified.append(note) }
            if case .quit = output { break }
        }
        #expect(notified.map(\.title) == ["Activation ends soon"])
        #expect(await runtime.notifications.map(\.body) == ["User Administrator ends in 8m 20s: extend it in pim (e)."])
    }
}
