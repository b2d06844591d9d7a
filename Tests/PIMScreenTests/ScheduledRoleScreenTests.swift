import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
@testable import PIMScreen
import Testing

/// My roles with an activation granted to begin later (`pim activate --start`): the row says
/// "scheduled" with the time until it starts, and the detail strip says when it runs.
@Suite struct ScheduledRoleScreenTests {
    static func state() -> AppState {
        var dashboard = Fixture.dashboard
        dashboard.myRequests.append(
            ElevationRequest(
                id: "req-ada-later", target: Fixture.exchangeAdmin, action: .selfActivate, status: .granted,
                principal: Fixture.ada, createdAt: Fixture.at(-0.1), justification: "Night migration",
                start: Fixture.at(3 + 10.0 / 60), duration: .hours(2)))
        var state = AppState(
            config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now, width: 80, height: 24)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        if let row = state.roles.firstIndex(where: { $0.target == Fixture.exchangeAdmin }) {
            _ = update(&state, .click(.row(row)))
        }
        return state
    }

    @Test func aScheduledRowShowsWhenItStarts() {
        let state = Self.state()
        let row = state.roles.first { $0.target == Fixture.exchangeAdmin }
        #expect(row?.state == .scheduled)
        let lines = render(state).lines()
        #expect(lines.contains { $0.contains("Exchange Administrator") && $0.contains("in 3h 10m") }, "\(lines)")
        #expect(lines.contains { $0.contains("Scheduled") && $0.contains("starts in 3h 10m") }, "\(lines)")
    }

    @Test func golden() {
        GoldenScreen.check("my-roles-scheduled", Self.state(), styles: true)
    }
}
