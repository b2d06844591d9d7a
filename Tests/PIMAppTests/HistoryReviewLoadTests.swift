import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import PIMTestSupport
import Testing

/// Who decided my requests reaches History's detail strip after the dashboard: the dashboard lists my
/// requests without it, so a loaded dashboard asks for the reviews its decided requests lack, once each.
@Suite struct HistoryReviewLoadTests {
    /// Ada's denied request as the dashboard lists it: denied, with an approval, reviewer unknown.
    static var unreviewedDenial: ElevationRequest {
        var request = Fixture.deniedRequest
        request.review = nil
        return request
    }

    static func dashboard(with requests: [ElevationRequest]) -> Dashboard {
        var dashboard = Fixture.dashboard
        dashboard.myRequests += requests
        return dashboard
    }

    static func started() -> AppState {
        var state = AppState(config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now)
        _ = update(&state, .start)
        return state
    }

    @Test func aLoadedDashboardAsksForTheReviewsOfDecidedRequestsOnly() {
        var state = Self.started()
        let effects = update(&state, .dashboardLoaded(.success(Self.dashboard(with: [Self.unreviewedDenial]))))
        // The pending request, the one without an approval and the Azure row the service reviewed stay out.
        #expect(effects == [.loadReviews([Self.unreviewedDenial])])
        #expect(state.isLoadingReviews)
        #expect(state.history.first { $0.requestId == "req-ada-9" }?.review == nil)
    }

    @Test func theReviewReachesTheDetailStripOfTheDeniedRow() {
        var state = Self.started()
        _ = update(&state, .dashboardLoaded(.success(Self.dashboard(with: [Self.unreviewedDenial]))))
        _ = update(&state, .key("3"))
        let row = state.list(.history).visible.firstIndex { state.history[$0].requestId == "req-ada-9" }!
        _ = update(&state, .click(.row(row)))
        #expect(state.selectedHistory?.requestId == "req-ada-9")
        #expect(state.selectedHistory?.review == nil)
        _ = update(&state, .reviewsLoaded(["req-ada-9": Fixture.freezeDenial]))
        #expect(!state.isLoadingReviews)
        #expect(state.selectedHistory?.review?.reviewer == Fixture.ben)
        #expect(state.selectedHistory?.review?.justification == "Not during the freeze")
        #expect(state.flash == nil)
    }

    @Test func aReviewReadIsNotAskedForAgainAndOutlivesTheRefresh() {
        var state = Self.started()
        let dashboard = Self.dashboard(with: [Self.unreviewedDenial])
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        _ = update(&state, .reviewsLoaded(["req-ada-9": Fixture.freezeDenial]))
        _ = update(&state, .command(.refresh))
        #expect(update(&state, .dashboardLoaded(.success(dashboard))) == [])
        #expect(state.history.first { $0.requestId == "req-ada-9" }?.review == Fixture.freezeDenial)
    }

    @Test func aRefreshWhileAReadIsUnderWayDoesNotAskTwice() {
        var state = Self.started()
        let dashboard = Self.dashboard(with: [Self.unreviewedDenial])
        #expect(update(&state, .dashboardLoaded(.success(dashboard))) == [.loadReviews([Self.unreviewedDenial])])
        _ = update(&state, .command(.refresh))
        #expect(update(&state, .dashboardLoaded(.success(dashboard))) == [])
        // The answer lands on the rows the second dashboard built.
        _ = update(&state, .reviewsLoaded(["req-ada-9": Fixture.freezeDenial]))
        #expect(state.history.first { $0.requestId == "req-ada-9" }?.review == Fixture.freezeDenial)
    }

    @Test func aFailedReadIsSilentAndAskedAgainOnTheNextRefresh() {
        var state = Self.started()
        let dashboard = Self.dashboard(with: [Self.unreviewedDenial])
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        _ = update(&state, .reviewsLoaded([:]))
        #expect(state.flash == nil)
        #expect(state.lastError == nil)
        #expect(!state.isLoadingReviews)
        #expect(state.history.first { $0.requestId == "req-ada-9" }?.review == nil)
        _ = update(&state, .command(.refresh))
        #expect(update(&state, .dashboardLoaded(.success(dashboard))) == [.loadReviews([Self.unreviewedDenial])])
    }

    @Test func onlyTheNewestFortyOfTheLastThirtyDaysAreAskedPerLoad() {
        let decided = (0..<45).map { n in
            ElevationRequest(
                id: "req-\(n)", target: Fixture.globalAdmin, action: .selfActivate,
                status: n.isMultiple(of: 2) ? .denied : .provisioned, principal: Fixture.ada,
                createdAt: Fixture.at(-Double(n)), approvalId: "appr-\(n)")
        }
        let old = ElevationRequest(
            id: "req-old", target: Fixture.globalAdmin, action: .selfActivate, status: .denied,
            principal: Fixture.ada, createdAt: Fixture.at(-24 * 31), approvalId: "appr-old")
        let cancelled = ElevationRequest(
            id: "req-cancelled", target: Fixture.globalAdmin, action: .selfActivate, status: .canceled,
            principal: Fixture.ada, createdAt: Fixture.at(-0.1), approvalId: "appr-cancelled")
        var state = Self.started()
        let dashboard = Self.dashboard(with: [old, cancelled] + decided.reversed())
        let effects = update(&state, .dashboardLoaded(.success(dashboard)))
        #expect(effects == [.loadReviews(Array(decided.prefix(40)))])
        let answered = Dictionary(uniqueKeysWithValues: decided.prefix(40).map { ($0.id, Fixture.freezeDenial) })
        _ = update(&state, .reviewsLoaded(answered))
        _ = update(&state, .command(.refresh))
        #expect(update(&state, .dashboardLoaded(.success(dashboard))) == [.loadReviews(Array(decided.suffix(5)))])
    }

    @Test func theRuntimeAsksTheServiceAfterTheDashboardAndAgainOnlyAfterAFailure() async {
        let service = FakeService(Self.dashboard(with: [Self.unreviewedDenial]), now: Fixture.now)
        let runtime = Runtime(state: AppState(now: Fixture.now), service: service)
        await runtime.send(.start)
        await runtime.runUntilIdle()
        #expect(await runtime.performed == [.loadDashboard(.everything), .loadReviews([Self.unreviewedDenial])])
        #expect(await runtime.state.history.first { $0.requestId == "req-ada-9" }?.review == nil)

        service.state.withLock { $0.approvalReviews = ["req-ada-9": Fixture.freezeDenial] }
        await runtime.send(.command(.refresh))
        await runtime.runUntilIdle()
        #expect(await runtime.state.history.first { $0.requestId == "req-ada-9" }?.review == Fixture.freezeDenial)

        await runtime.send(.command(.refresh))
        await runtime.runUntilIdle()
        #expect(service.read { $0.reviewLookups } == [["req-ada-9"], ["req-ada-9"]])
        #expect(service.read { $0.dashboardLoads } == 3)
        #expect(await runtime.state.history.first { $0.requestId == "req-ada-9" }?.review == Fixture.freezeDenial)
    }
}
