import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import PIMScreen
import Testing

/// What the History pane says about decisions: who decided my request and why, and the approver's
/// own decisions under `m`.
@Suite struct HistoryDecisionScreenTests {
    func screen(_ state: AppState) -> String { render(state).lines().joined(separator: "\n") }

    @Test func theDetailStripOfADeniedRequestNamesTheDenierTimeAndReason() {
        var state = AppState(now: Fixture.now, width: 100, height: 30)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(Fixture.dashboardWithDenial)))
        _ = update(&state, .key("3"))
        let row = state.list(.history).visible.firstIndex { state.history[$0].requestId == "req-ada-9" }!
        _ = update(&state, .click(.row(row)))
        #expect(screen(state).contains("Decided       Denied by Ben Okafor at 10:02Z: Not during the freeze"))
    }

    @Test func theDeniersNameAndReasonAppearOnceTheReviewsAreRead() {
        var unreviewed = Fixture.deniedRequest
        unreviewed.review = nil
        var dashboard = Fixture.dashboard
        dashboard.myRequests.append(unreviewed)
        var state = AppState(now: Fixture.now, width: 100, height: 30)
        _ = update(&state, .start)
        #expect(update(&state, .dashboardLoaded(.success(dashboard))) == [.loadReviews([unreviewed])])
        _ = update(&state, .key("3"))
        let row = state.list(.history).visible.firstIndex { state.history[$0].requestId == "req-ada-9" }!
        _ = update(&state, .click(.row(row)))
        #expect(!screen(state).contains("Decided"))
        _ = update(&state, .reviewsLoaded(["req-ada-9": Fixture.freezeDenial]))
        #expect(screen(state).contains("Decided       Denied by Ben Okafor at 10:02Z: Not during the freeze"))
    }

    @Test func aReviewSummarySaysWhoWhenAndWhy() {
        let time: (Date) -> String = { _ in "14:02Z" }
        #expect(Fixture.freezeDenial.summary(time: time) == "Denied by Ben Okafor at 14:02Z: Not during the freeze")
        #expect(Review(result: .approved).summary(time: time) == "Approved by an approver")
    }

    @Test func theReviewersReasonIsMadeInert() {
        var denied = Fixture.deniedRequest
        denied.review?.justification = "freeze\u{1B}]0;pwned\u{07}"
        var dashboard = Fixture.dashboard
        dashboard.myRequests.append(denied)
        var state = AppState(now: Fixture.now, width: 100, height: 30)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        _ = update(&state, .key("3"))
        let row = state.list(.history).visible.firstIndex { state.history[$0].requestId == "req-ada-9" }!
        _ = update(&state, .click(.row(row)))
        let cells = render(state).cells
        #expect(!cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } })
        #expect(screen(state).contains("Denied by Ben Okafor"))
    }

    @Test func myDecisionsListRequesterTargetReasonAndTitle() {
        var state = Fixture.loaded(width: 132, height: 40)
        _ = update(&state, .key("3"))
        _ = update(&state, .key("m"))
        #expect(screen(state).contains("Loading your decisions…"))
        _ = update(&state, .myDecisionsLoaded(.success(Fixture.bensDecisions)))
        let text = screen(state)
        #expect(text.contains("3 History · my decisions (3)"))
        #expect(text.contains("Chloé Dubois"))
        #expect(text.contains("Change CHG-88 approved"))
        #expect(text.contains("My decision   Denied by Ben Okafor at 2026-11-23 10:02Z: Not during the freeze"))
        #expect(text.contains("m my decisions"))
        var narrow = state
        _ = update(&narrow, .resize(width: 80, height: 24))
        let tabs = render(narrow).lines()[1]
        #expect(tabs.contains("3 My decisions (3)"), "where the long title would push a tab out: \(tabs)")
        #expect(tabs.contains("4 Elevations"))
        _ = update(&state, .key("m"))
        #expect(screen(state).contains("3 History (4)"))
    }
}
