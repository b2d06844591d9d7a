import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// A first start's dashboard is shown before its access reviews: pane 5 says they are being read and
/// fills when they arrive; their failure is said in the pane and fails nothing else.
@Suite struct FollowingReviewsTests {
    /// The dashboard of a first start: everything but the access reviews, which follow it.
    static var dashboardWithoutReviews: Dashboard {
        var dashboard = Fixture.dashboard
        dashboard.accessReviews = []
        dashboard.accessReviewsFollow = true
        return dashboard
    }

    static func started() -> (AppState, [Effect]) {
        var state = AppState(config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now)
        _ = update(&state, .start)
        let effects = update(&state, .dashboardLoaded(.success(dashboardWithoutReviews)))
        return (state, effects)
    }

    @Test func theDashboardIsShownAndTheReviewsAreAskedForAfterIt() {
        let (state, effects) = Self.started()
        #expect(effects.contains(.loadFollowingAccessReviews))
        #expect(state.hasLoaded)
        #expect(!state.roles.isEmpty)
        #expect(state.accessReviewsLoading)
        #expect(state.reviews.isEmpty)
        #expect(state.reviewsUnavailable == nil)
        #expect(state.lastError == nil)
    }

    @Test func theReviewsFillPaneFiveWhenTheyArrive() {
        var (state, _) = Self.started()
        _ = update(&state, .key("5"))
        #expect(update(&state, .followingAccessReviewsLoaded(.success(Fixture.accessReviews))).isEmpty)
        #expect(!state.accessReviewsLoading)
        #expect(state.reviewDecisionCount == 5)
        #expect(state.reviews.count == 7)
        #expect(state.list(.reviews).visible.count == 7)
    }

    @Test func aFailureOfTheReviewsIsSaidInPaneFiveAndLeavesTheRest() {
        var (state, _) = Self.started()
        let roles = state.roles
        let failure = PIMError(.network, "Graph could not be reached", step: .tryAgain)
        _ = update(&state, .followingAccessReviewsLoaded(.failure(failure)))
        #expect(!state.accessReviewsLoading)
        #expect(state.reviews.isEmpty)
        #expect(state.reviewsUnavailable?.hasPrefix("Could not load your access reviews") == true)
        #expect(state.roles == roles)
        #expect(state.sectionFailures.keys.sorted { $0.rawValue < $1.rawValue } == [.accessReviews])
    }

    /// A refresh while the reviews follow keeps the rows it had; a later dashboard that brought its
    /// reviews with it is not overwritten by the older answer arriving after it.
    @Test func anAnswerOvertakenByACompleteDashboardIsDropped() {
        var (state, _) = Self.started()
        _ = update(&state, .key("r"))
        var complete = Fixture.dashboard
        complete.accessReviews = Array(Fixture.accessReviews.prefix(3))
        _ = update(&state, .dashboardLoaded(.success(complete)))
        #expect(!state.accessReviewsLoading)
        #expect(state.reviewDecisionCount == 3)
        _ = update(&state, .followingAccessReviewsLoaded(.success(Fixture.accessReviews)))
        #expect(state.reviewDecisionCount == 3)
    }

    @Test func aRefreshWhileReviewsFollowKeepsTheRowsOfTheLastLoad() {
        var state = Fixture.reviewsLoaded()
        _ = update(&state, .key("r"))
        let effects = update(&state, .dashboardLoaded(.success(Self.dashboardWithoutReviews)))
        #expect(effects.contains(.loadFollowingAccessReviews))
        #expect(state.accessReviewsLoading)
        #expect(state.reviewDecisionCount == 5)
    }
}
