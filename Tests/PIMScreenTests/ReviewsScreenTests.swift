import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import PIMScreen
import Testing

/// Pane 5: the reviews grouped under their headers with a live "due in" countdown, and the dialog of
/// one bulk decision, at 80×24 and 132×40.
@Suite struct ReviewsScreenTests {
    @Test func reviewsPane() {
        var state = Fixture.reviewsLoaded()
        _ = update(&state, .key(.down))
        GoldenScreen.check("reviews", state, styles: true)
    }

    @Test func bulkDecisionDialog() {
        var state = Fixture.reviewsLoaded()
        _ = update(&state, .key(.down))
        for _ in 0..<3 { _ = update(&state, .key(" ")) }
        _ = update(&state, .key("a"))
        for c in "Still on the team" { _ = update(&state, .key(.character(c))) }
        GoldenScreen.check("reviews-bulk-dialog", state)
    }

    /// A first start: the dashboard is on screen while the access reviews are still being read.
    static func reviewsFollowing(width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(
            config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now, width: width, height: height)
        _ = update(&state, .start)
        var dashboard = Fixture.dashboard
        dashboard.accessReviews = []
        dashboard.accessReviewsFollow = true
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        _ = update(&state, .key("5"))
        return state
    }

    @Test func reviewsPaneWhileTheReviewsFollowTheDashboard() {
        GoldenScreen.check("reviews-loading", Self.reviewsFollowing())
    }

    /// The tab shows an ellipsis instead of a count until they arrive, then the count, at any width.
    @Test func theReviewsTabShowsAnEllipsisUntilTheyArrive() {
        for width in [132, 80, 64] {
            var state = Self.reviewsFollowing(width: width)
            let tabs = render(state).lines()[1]
            #expect(tabs.contains("5 Reviews (…)"), "\(tabs)")
            let pane = render(state).lines().joined(separator: "\n")
            #expect(pane.contains("Your access reviews are still being read"), "\(pane)")
            _ = update(&state, .followingAccessReviewsLoaded(.success(Fixture.accessReviews)))
            let after = render(state).lines()[1]
            #expect(!after.contains("…") && after.contains("5 Reviews (5"), "\(after)")
        }
    }

    @Test func everyPaneTabStaysInSightOnANarrowTerminal() {
        let wide = render(Fixture.reviewsLoaded(width: 80, height: 24)).lines()[1]
        #expect(wide.contains("5 Reviews (5/5)"), "\(wide)")
        let narrow = render(Fixture.reviewsLoaded(width: 64, height: 24)).lines()[1]
        for tab in ["1 My roles", "2 Approvals", "3 History", "4 Elevations", "5 Reviews (5)"] {
            #expect(narrow.contains(tab), "\(narrow)")
        }
    }

    @Test func aDontKnowReadsAsWordsInMyDecision() {
        var decisions = Fixture.accessReviews
        decisions[0].verdict = .dontKnow
        let text = render(Fixture.reviewsLoaded(width: 132, height: 40, decisions: decisions)).lines()
            .joined(separator: "\n")
        #expect(text.contains("Don't know"))
        #expect(!text.contains("DontKnow"))
    }

    @Test func countdownInTheHeaderFollowsTheClock() {
        var state = Fixture.reviewsLoaded(width: 132, height: 40)
        #expect(render(state).lines().contains { $0.contains("due in 2d 4h") })
        _ = update(&state, .tick(Fixture.at(28)))
        #expect(render(state).lines().contains { $0.contains("due in 1d") })
    }

    @Test func failedReviewsSayWhyInThePaneWhileOtherPanesStay() {
        var state = AppState(config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now)
        _ = update(&state, .start)
        var loaded = Fixture.dashboard
        loaded.failures[.accessReviews] = PIMError(
            .forbidden, "Graph refused the request", graphCode: "PermissionScopeNotGranted", httpStatus: 403)
        _ = update(&state, .dashboardLoaded(.success(loaded)))
        #expect(state.roles.count == Fixture.loaded().roles.count)
        _ = update(&state, .key("5"))
        let text = render(state).lines().joined(separator: "\n")
        #expect(text.contains("Access reviews are not shown"))
        #expect(text.contains("AccessReview.ReadWrite.All"))
    }
}
