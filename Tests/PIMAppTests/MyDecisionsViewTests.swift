import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import PIMTestSupport
import Testing

/// History's `m`: the requests I approved or denied, read as an effect when the view opens, and the
/// history again on the second press.
@Suite struct MyDecisionsViewTests {
    func inHistory() -> AppState {
        var state = Fixture.loaded()
        _ = update(&state, .key("3"))
        return state
    }

    @Test func mOpensTheViewAndAsksForTheDecisionsOnce() {
        var state = inHistory()
        #expect(update(&state, .key("m")) == [.loadMyDecisions])
        #expect(state.historyMode == .myDecisions)
        #expect(state.isLoadingDecisions)
        #expect(state.rowCount(.history) == 0)
        _ = update(&state, .myDecisionsLoaded(.success(Fixture.bensDecisions)))
        #expect(!state.isLoadingDecisions)
        #expect(state.rowCount(.history) == 3)
        #expect(state.selectedDecision?.id == "req-ada-9")
        #expect(state.selectedHistory == nil)
        _ = update(&state, .key("j"))
        #expect(state.selectedDecision?.principal == Fixture.chloe)
    }

    @Test func rInTheViewReadsThemAgainButTheTimedRefreshDoesNot() {
        var state = inHistory()
        _ = update(&state, .key("m"))
        _ = update(&state, .myDecisionsLoaded(.success(Fixture.bensDecisions)))
        let timed = update(&state, .tick(Fixture.now.addingTimeInterval(3600)))
        #expect(timed.contains { if case .loadDashboard = $0 { true } else { false } })
        #expect(!timed.contains(.loadMyDecisions))
        _ = update(&state, .dashboardLoaded(.success(Fixture.dashboard)))
        #expect(update(&state, .key("r")).contains(.loadMyDecisions))
        #expect(state.isLoadingDecisions)
    }

    @Test func mAgainReturnsToTheHistory() {
        var state = inHistory()
        let historyRows = state.rowCount(.history)
        _ = update(&state, .key("m"))
        _ = update(&state, .myDecisionsLoaded(.success(Fixture.bensDecisions)))
        #expect(update(&state, .key("m")) == [])
        #expect(state.historyMode == .all)
        #expect(state.rowCount(.history) == historyRows)
        #expect(state.selectedHistory != nil)
    }

    @Test func aFailedReadIsSaidOnTheStatusLine() {
        var state = inHistory()
        _ = update(&state, .key("m"))
        _ = update(&state, .myDecisionsLoaded(.failure(PIMError(.forbidden, "Graph refused the approvals read"))))
        #expect(!state.isLoadingDecisions)
        #expect(state.flash?.level == .error)
        #expect(state.flash?.text.contains("Graph refused the approvals read") == true)
    }

    @Test func mIsAHistoryKeyOnly() {
        var state = Fixture.loaded()
        #expect(update(&state, .key("m")) == [])
        #expect(state.historyMode == .all)
        #expect(KeyMap.bindings(in: .history).map(\.keyLabel) == ["m", "/"])
    }

    @Test func theRuntimeReadsTheDecisionsFromTheService() async {
        let service = FakeService(Fixture.dashboard, now: Fixture.now)
        service.state.withLock { $0.myDecisions = Fixture.bensDecisions }
        let runtime = Runtime(state: AppState(now: Fixture.now), service: service)
        await runtime.send(.start)
        await runtime.runUntilIdle()
        await runtime.send(.key("3"))
        await runtime.send(.key("m"))
        await runtime.runUntilIdle()
        let state = await runtime.state
        #expect(state.myDecisions.map(\.id) == Fixture.bensDecisions.map(\.id))
        #expect(state.historyMode == .myDecisions)
    }
}
