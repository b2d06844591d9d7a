import Foundation
import PIMDomain

extension AppState {
    /// The selected row of Reviews.
    public var selectedReviewRow: ReviewRow? { selectedIndex(.reviews).map { reviews[$0] } }

    /// The review the selected row is or belongs to.
    public var selectedReviewGroup: AccessReviewQueue.Group? {
        switch selectedReviewRow {
        case .review(let group): return group
        case .decision(let decision):
            for case .review(let group) in reviews where group.scope == decision.recordingScope { return group }
            return nil
        case nil: return nil
        }
    }

    /// Decisions marked with Space, in table order.
    public var markedReviewDecisions: [AccessReviewDecision] {
        let marked = list(.reviews).marked
        guard !marked.isEmpty else { return [] }
        return reviews.compactMap { row in row.decision.flatMap { marked.contains($0.decisionId) ? $0 : nil } }
    }

    /// Every decision the pane lists, and those still waiting for me (the tab's count).
    public var reviewDecisionCount: Int { reviews.filter { $0.decision != nil }.count }
    public var reviewsWaiting: Int { reviews.filter { $0.decision?.isWaiting == true }.count }

    /// Why the Reviews pane is empty when its reads failed, in one sentence with what to do; nil when
    /// they were read.
    public var reviewsUnavailable: String? {
        guard let failure = sectionFailures[.accessReviews] else { return nil }
        if reviewsForbidden {
            return """
                Access reviews are not shown: your sign-in lacks AccessReview.ReadWrite.All; ask an administrator \
                to grant it, then press r.
                """
        }
        return InterfaceWording.sentence(failure, after: "Could not load your access reviews").text
    }

    /// The account may not read access reviews (no AccessReview scope, or not allowed).
    var reviewsForbidden: Bool {
        guard let failure = sectionFailures[.accessReviews] else { return false }
        return failure.kind == .forbidden || failure.httpStatus == 403
    }

    /// `a`, `d` or `x`: opens the justification dialog on the marked decisions, or the selected one.
    /// Decisions the service would refuse are said first and left out; none left, nothing opens.
    mutating func openReviewDialog(_ verdict: AccessReviewVerdict) {
        let chosen =
            markedReviewDecisions.isEmpty ? [selectedReviewRow?.decision].compactMap { $0 } : markedReviewDecisions
        guard !chosen.isEmpty else {
            flash("Select a decision under its review, or mark several with Space.", .warning)
            return
        }
        let plan = AccessReviewPlan(chosen, verdict: verdict, justification: nil, me: me?.id ?? "")
        let notes = plan.refusals.map { InterfaceWording.sentence($0.error).text }
        guard !plan.toSend.isEmpty else {
            flash(
                notes.first ?? "Already recorded: \(verdict.label) is your decision on \(Self.count(chosen.count)).",
                notes.isEmpty ? .info : .warning)
            return
        }
        var opened = ReviewDialog(decisions: plan.toSend, verdict: verdict, notes: notes)
        if let kept = decisionDrafts.removeValue(forKey: opened.draftKey) { opened.justification = TextField(kept) }
        reviewDialog = opened
    }

    /// `Esc`: closes the dialog; a typed justification is kept for the next time these decisions are opened.
    mutating func closeReviewDialog() {
        guard let current = reviewDialog, !current.isSubmitting else { return }
        if !current.justification.text.isEmpty { decisionDrafts[current.draftKey] = current.justification.text }
        reviewDialog = nil
    }

    /// `Enter`: sends the verdict, unless a review asks for a justification and none was typed (then the
    /// dialog says so and keeps what was typed).
    mutating func confirmReviewDialog() -> [Effect] {
        guard var current = reviewDialog, !current.isSubmitting else { return [] }
        let text = current.justification.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let plan = AccessReviewPlan(
            current.decisions, verdict: current.verdict, justification: text, me: me?.id ?? "")
        if let missing = plan.needsJustification {
            current.error = AccessReviewPlan.justificationMissing(missing) + ": type why, then press Enter."
            reviewDialog = current
            return []
        }
        guard !plan.toSend.isEmpty else {
            reviewDialog = nil
            return requestRefresh()
        }
        current.isSubmitting = true
        current.error = nil
        reviewDialog = current
        return [.recordReviews(plan.toSend, current.verdict, justification: text)]
    }

    /// The outcomes of a recording: all recorded closes the dialog; otherwise it stays on the decisions
    /// not recorded, with the typed justification, so Enter records only the rest.
    mutating func reviewsRecorded(
        _ verdict: AccessReviewVerdict, _ result: Result<[AccessReviewRecordOutcome], PIMError>
    ) -> [Effect] {
        guard var current = reviewDialog else { return requestRefresh() }
        current.isSubmitting = false
        switch result {
        case .failure(let error):
            current.error = InterfaceWording.sentence(error).text
            reviewDialog = current
            return []
        case .success(let outcomes):
            let recorded = outcomes.filter(\.recorded).map(\.decisionId)
            let failed = outcomes.filter { !$0.recorded }
            guard let firstFailure = failed.first?.failure else {
                flash("Recorded \(Self.count(recorded.count)).", .success)
                lists[.reviews]?.marked.subtract(recorded)
                decisionDrafts[current.draftKey] = nil
                reviewDialog = nil
                return requestRefresh()
            }
            let reason = InterfaceWording.sentence(firstFailure).text
            let failedIds = Set(failed.map(\.decisionId))
            lists[.reviews]?.marked.subtract(recorded)
            if recorded.isEmpty {
                current.error = reason
            } else {
                let summary = AccessReviewPlan.partialSummary(
                    recorded: recorded.map { String($0.prefix(8)) },
                    failed: failed.map { String($0.decisionId.prefix(8)) })
                current.error = "\(summary). \(reason) Enter records only those not recorded."
                flash("\(summary).", .warning)
            }
            current.decisions = current.decisions.filter { failedIds.contains($0.decisionId) }
            reviewDialog = current
            return requestRefresh()
        }
    }

    /// `A`: asks whether to accept the recommendations of the selected row's review, saying how many
    /// decisions that records.
    mutating func askToAcceptRecommendations() {
        guard let group = selectedReviewGroup else {
            flash("Select a review or one of its decisions.", .warning)
            return
        }
        guard Self.acceptable(group) > 0 else {
            flash(
                "No decision of \(group.reviewName) waits with a recommendation to accept.", .info)
            return
        }
        confirmation = .acceptRecommendations(group)
    }

    /// Decisions accepting `group`'s recommendations records: those waiting that have one.
    static func acceptable(_ group: AccessReviewQueue.Group) -> Int {
        group.decisions.filter { $0.isWaiting && $0.recommendation.verdict != nil }.count
    }

    /// The y/N question of `A`.
    static func acceptQuestion(_ group: AccessReviewQueue.Group) -> String {
        """
        Accept the service's recommendation on \(count(acceptable(group))) of \(group.reviewName)? \
        y records them, n leaves them waiting.
        """
    }

    /// `y` to `A`'s question.
    mutating func acceptRecommendations(_ group: AccessReviewQueue.Group) -> [Effect] {
        flash("Accepting the recommendations of \(group.reviewName)…", .info)
        return [.acceptRecommendations(group)]
    }

    mutating func recommendationsAccepted(_ group: AccessReviewQueue.Group, _ error: PIMError?) -> [Effect] {
        if let error {
            report(error)
        } else {
            flash(
                "Recorded \(Self.count(Self.acceptable(group))): the recommendations of \(group.reviewName).", .success)
        }
        return requestRefresh()
    }

    /// "1 decision", "3 decisions".
    static func count(_ n: Int) -> String { "\(n) decision\(n == 1 ? "" : "s")" }
}
