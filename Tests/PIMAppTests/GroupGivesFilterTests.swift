import Foundation
import PIMAppFixtures
import PIMDomain
import Testing
@testable import PIMApp

/// `/` in My roles finds a group by the roles it gives: typing "Security Reader" finds the group that
/// holds Security Reader as well as the role itself, and the text is built once per dashboard.
@Suite struct GroupGivesFilterTests {
    static var dashboard: Dashboard {
        var dashboard = Fixture.dashboard
        dashboard.confers = [
            Fixture.sysadmin.id.resourceId: [
                ConferredRole(
                    name: "Security Reader", scopeName: "Directory", scopeId: "/", family: .directoryRole,
                    holding: .eligible)
            ],
            Fixture.breakglass.id.resourceId: [
                ConferredRole(
                    name: "Global Administrator", scopeName: "Directory", scopeId: "/", family: .directoryRole,
                    holding: .active)
            ],
        ]
        return dashboard
    }

    static func visibleNames(_ state: AppState, filter: String) -> [String] {
        var state = state
        var list = state.lists[.myRoles]!
        list.filter = TextField(filter)
        state.lists[.myRoles] = list
        state.refilter(.myRoles)
        return state.lists[.myRoles]!.visible.map { state.roles[$0].target.displayName }
    }

    @Test func typingARoleNameFindsTheGroupThatGivesIt() {
        var state = AppState(now: Fixture.now, width: 80, height: 24)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(Self.dashboard)))
        let found = Self.visibleNames(state, filter: "Security Reader")
        #expect(found.contains("itops-sysadmin-prod-noapproval"))
        #expect(found.contains("Security Reader"))
        #expect(!found.contains("pag_Tier0.breakglass"))
        #expect(Self.visibleNames(state, filter: "global administrator").contains("pag_Tier0.breakglass"))
        #expect(state.searchKeys.keys[.myRoles] == state.buildSearchKeys(.myRoles), "kept with the rows, not per key")
    }

    @Test func withoutWhatGroupsGiveTheFilterMatchesAsBefore() {
        let state = Fixture.loaded()
        #expect(!Self.visibleNames(state, filter: "Security Reader").contains("itops-sysadmin-prod-noapproval"))
    }
}
