import Foundation
import PIMAppFixtures
import PIMDomain
import Testing
@testable import PIMApp

/// The filter's folded text is part of the state and compared with it: it is rebuilt whenever a
/// pane's rows are replaced, so two states with the same rows have equal keys, and a state whose
/// rows changed has the keys of its new rows.
@Suite struct SearchKeysTests {
    func loaded(_ dashboard: Dashboard) -> AppState {
        var state = AppState(now: Fixture.now, width: 80, height: 24)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        return state
    }

    @Test func statesWithTheSameRowsHaveEqualKeys() {
        let one = loaded(Fixture.dashboard), other = loaded(Fixture.dashboard)
        #expect(one.searchKeys == other.searchKeys && one.searchKeys.hashValue == other.searchKeys.hashValue)
        #expect(one == other)
        #expect(one.searchKeys.keys[.myRoles]?.count == one.roles.count)
        #expect(one.searchKeys.keys[.history]?.count == one.history.count)
    }

    @Test func replacingRowsReplacesTheirKeys() {
        var state = loaded(Fixture.dashboard)
        let before = state.searchKeys
        state.roles.removeFirst()
        #expect(state.searchKeys != before)
        #expect(state.searchKeys.keys[.myRoles] == state.buildSearchKeys(.myRoles))
        #expect(state.searchKeys.keys[.myRoles]?.count == state.roles.count)
        state.roles = []
        state.approvals = []
        state.history = []
        state.elevations = []
        #expect(state.searchKeys == AppState(now: Fixture.now).searchKeys)
    }

    @Test func rowsSetDirectlyAreFoundByTheFilter() {
        var state = AppState(now: Fixture.now, width: 80, height: 24)
        state.roles = [RoleEntry(target: Fixture.globalReader), RoleEntry(target: Fixture.userAdmin)]
        var list = state.lists[.myRoles]!
        list.filter = TextField("user")
        state.lists[.myRoles] = list
        state.refilter(.myRoles)
        #expect(state.lists[.myRoles]?.visible == [1])
    }
}
