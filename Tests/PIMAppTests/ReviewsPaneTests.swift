import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// Pane 5: marks, one bulk decision with one justification, a required justification kept on a
/// refusal, `A` after its y/N question, and what the pane refuses before anything is sent.
@Suite struct ReviewsPaneTests {
    func typing(_ text: String, into state: inout AppState) {
        for c in text { #expect(update(&state, .key(.character(c))).isEmpty) }
    }

    /// The decisions of the Global Administrator review (rows 1–3 under its header).
    var globalAdminDecisions: [AccessReviewDecision] { Array(Fixture.accessReviews.prefix(3)) }

    @Test func tabCountsDecisionsWaitingOfAll() {
        let state = Fixture.reviewsLoaded()
        #expect(state.pane == .reviews)
        #expect(state.reviewsWaiting == 5)
        #expect(state.reviewDecisionCount == 5)
        #expect(state.reviews.count == 7)
    }

    @Test func threeMarkedDecisionsGoInOneRecordingWithOneJustification() {
        var state = Fixture.reviewsLoaded()
        _ = update(&state, .key(.down))
        for _ in 0..<3 { _ = update(&state, .key(" ")) }
        #expect(state.markedReviewDecisions.map(\.decisionId) == globalAdminDecisions.map(\.decisionId))
        #expect(update(&state, .key("a")).isEmpty)
        #expect(state.reviewDialog?.decisions.count == 3)
        #expect(state.reviewDialog?.justificationRequired == true)

        // The review asks for a justification: Enter without one sends nothing and says so.
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(state.reviewDialog?.error?.contains("asks for a justification") == true)

        typing("Still on the team", into: &state)
        let effects = update(&state, .key(.enter))
        #expect(effects == [.recordReviews(globalAdminDecisions, .approve, justification: "Still on the team")])
        #expect(state.reviewDialog?.isSubmitting == true)

        let outcomes = globalAdminDecisions.map { AccessReviewRecordOutcome(decisionId: $0.decisionId) }
        let after = update(&state, .reviewsRecorded(.approve, .success(outcomes)))
        #expect(after == [.loadDashboard(.everything)])
        #expect(state.reviewDialog == nil)
        #expect(state.flash?.text == "Recorded 3 decisions.")
        #expect(state.list(.reviews).marked.isEmpty)
    }

    @Test func aPartlyFailedRecordingKeepsTheTextAndOnlyTheRest() {
        var state = Fixture.reviewsLoaded()
        _ = update(&state, .key(.down))
        for _ in 0..<3 { _ = update(&state, .key(" ")) }
        _ = update(&state, .key("d"))
        typing("Left the team", into: &state)
        _ = update(&state, .key(.enter))
        let refused = PIMError(.forbidden, "You are not a reviewer of this decision, so Graph refused it.")
        let outcomes = [
            AccessReviewRecordOutcome(decisionId: globalAdminDecisions[0].decisionId),
            AccessReviewRecordOutcome(decisionId: globalAdminDecisions[1].decisionId),
            AccessReviewRecordOutcome(decisionId: globalAdminDecisions[2].decisionId, failure: refused),
        ]
        _ = update(&state, .reviewsRecorded(.deny, .success(outcomes)))
        let dialog = try! #require(state.reviewDialog)
        #expect(dialog.justification.text == "Left the team")
        #expect(dialog.decisions.map(\.decisionId) == [globalAdminDecisions[2].decisionId])
        #expect(dialog.error?.contains("Recorded: d1000000, d2000000. Not recorded: d3000000") == true)
        #expect(dialog.error?.contains("not a reviewer") == true)
        // Enter again sends only the one not recorded, with the same text.
        #expect(
            update(&state, .key(.enter)) == [
                .recordReviews([globalAdminDecisions[2]], .deny, justification: "Left the team")
            ])
    }

    @Test func aFailedRecordingKeepsTheDialogAndItsText() {
        var state = Fixture.reviewsLoaded()
        _ = update(&state, .key(.down))
        _ = update(&state, .key("x"))
        typing("Not sure", into: &state)
        _ = update(&state, .key(.enter))
        _ = update(
            &state,
            .reviewsRecorded(
                .dontKnow, .failure(PIMError(.refused, "This access review is no longer in progress."))))
        #expect(state.reviewDialog?.justification.text == "Not sure")
        #expect(state.reviewDialog?.error?.contains("no longer in progress") == true)
        #expect(state.reviewDialog?.isSubmitting == false)
    }

    @Test func acceptingRecommendationsAsksWithTheCountFirst() {
        var state = Fixture.reviewsLoaded()
        // The header row of the Global Administrator review is selected first: two of its three
        // waiting decisions carry a recommendation.
        #expect(update(&state, .key("A")).isEmpty)
        let question = try! #require(state.confirmationQuestion)
        #expect(question.contains("2 decisions of Global Administrator eligibilities"))
        #expect(update(&state, .key("n")).isEmpty)
        #expect(state.confirmation == nil)

        _ = update(&state, .key("A"))
        let group = AccessReviewQueue(Fixture.accessReviews).groups[0]
        #expect(update(&state, .key("y")) == [.acceptRecommendations(group)])
        #expect(update(&state, .recommendationsAccepted(group, nil)) == [.loadDashboard(.everything)])
        #expect(state.flash?.text.hasPrefix("Recorded 2 decisions") == true)
    }

    @Test func aHeaderRowIsNeitherMarkedNorDecided() {
        var state = Fixture.reviewsLoaded()
        _ = update(&state, .key(" "))
        #expect(state.list(.reviews).marked.isEmpty)
        _ = update(&state, .key("a"))
        #expect(state.reviewDialog == nil)
        #expect(state.flash?.level == .warning)
    }

    @Test func aDecisionAnotherReviewerRecordedIsRefusedBeforeTheDialog() {
        var state = Fixture.reviewsLoaded()
        var loaded = Fixture.dashboard
        var decided = Fixture.accessReviews
        decided[0].verdict = .deny
        decided[0].reviewedBy = Fixture.hana
        loaded.accessReviews = decided
        _ = update(&state, .dashboardLoaded(.success(loaded)))
        _ = update(&state, .key(.down))
        _ = update(&state, .key("a"))
        #expect(state.reviewDialog == nil)
        #expect(state.flash?.text.contains("already recorded by Hana Sato") == true)
    }

    @Test func escapeKeepsTheTypedJustificationForTheSameDecisions() {
        var state = Fixture.reviewsLoaded()
        _ = update(&state, .key(.down))
        _ = update(&state, .key("a"))
        typing("Still needed", into: &state)
        _ = update(&state, .key(.escape))
        #expect(state.reviewDialog == nil)
        #expect(state.hasUnsentText)
        _ = update(&state, .key("a"))
        #expect(state.reviewDialog?.justification.text == "Still needed")
    }

    @Test func theFilterKeepsTheReviewAboveAMatchingDecision() {
        var state = Fixture.reviewsLoaded()
        _ = update(&state, .key("/"))
        typing("hana", into: &state)
        let shown = state.list(.reviews).visible.map { state.reviews[$0].id }
        #expect(shown.count == 2)
        #expect(shown.first?.hasPrefix("review:") == true)
        #expect(shown.last == Fixture.accessReviews[3].decisionId)
    }
}
