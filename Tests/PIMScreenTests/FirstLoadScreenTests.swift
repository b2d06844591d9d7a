import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import PIMScreen
import Testing

/// What a first start shows before any row arrives: loading (the service is slow), a first load
/// that failed, and a tenant where there is nothing to show. Each message owns its whole row: a
/// shorter one must never leave the tail of a longer one behind.
@Suite struct FirstLoadScreenTests {
    static let config = AppConfig(tenantLabel: "contoso.example (demo)")

    /// A start whose first load has not answered yet.
    static func loading() -> AppState {
        var state = AppState(config: config, now: Fixture.now)
        _ = update(&state, .start)
        return state
    }

    /// A start whose first load failed.
    static func failedFirstLoad() -> AppState {
        var state = loading()
        _ = update(
            &state,
            .dashboardLoaded(
                .failure(PIMError(.network, "The service could not be reached: check the network, then refresh (r)."))))
        return state
    }

    /// The row of `screen` that holds `text`, as shown.
    func row(containing text: String, in screen: Screen) -> String? {
        screen.lines().first { $0.contains(text) }
    }

    @Test(arguments: [(132, 40), (80, 24), (40, 10)])
    func loadingMessageIsTheOnlyTextOnItsRow(width: Int, height: Int) throws {
        var state = Self.loading()
        _ = update(&state, .resize(width: width, height: height))
        let line = try #require(row(containing: "Loading", in: render(state)))
        #expect(line.trimmingCharacters(in: .whitespaces) == "Loading from the service…")
        #expect(
            !render(state).lines().joined().contains("administrator"),
            "the empty-table text must not show while loading")
    }

    @Test(arguments: [(132, 40), (80, 24), (40, 10)])
    func failedFirstLoadMessageIsTheOnlyTextOnItsRow(width: Int, height: Int) throws {
        var state = Self.failedFirstLoad()
        _ = update(&state, .resize(width: width, height: height))
        let line = try #require(row(containing: "Nothing loaded", in: render(state)))
        #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix("Nothing loaded yet"))
        #expect(!line.contains("administrator") && !line.contains("eligibility"))
    }

    @Test func loadingScreen() {
        GoldenScreen.check("first-load-loading", Self.loading())
    }

    @Test func failedFirstLoadScreen() {
        GoldenScreen.check("first-load-failed", Self.failedFirstLoad())
    }

    @Test func emptyTenantScreens() {
        var state = Self.loading()
        _ = update(&state, .dashboardLoaded(.success(Dashboard(me: Fixture.ada))))
        GoldenScreen.check("empty-my-roles", state)
        _ = update(&state, .key("2"))
        GoldenScreen.check("empty-approvals", state)
    }
}
