import PIMDomain

/// One row of the Reviews pane: a review's header (name, due date) or one of its decisions under it.
public enum ReviewRow: Hashable, Sendable, Identifiable {
    case review(AccessReviewQueue.Group)
    case decision(AccessReviewDecision)

    /// What marks and the selection remember across refreshes.
    public var id: String {
        switch self {
        case .review(let group):
            "review:\(group.scope.reviewId)|\(group.scope.instanceId)|\(group.scope.stageId ?? "")"
        case .decision(let decision): decision.decisionId
        }
    }

    public var decision: AccessReviewDecision? { if case .decision(let decision) = self { decision } else { nil } }

    /// Each review's header followed by its decisions, in the queue's order (soonest due first).
    public static func rows(_ queue: AccessReviewQueue) -> [ReviewRow] {
        queue.groups.flatMap { group in [.review(group)] + group.decisions.map { .decision($0) } }
    }

    /// What `/` matches: a header matches what any of its decisions matches, so a filtered decision is
    /// never shown without the review it belongs to.
    var searchText: String {
        switch self {
        case .review(let group):
            ([group.reviewName] + group.decisions.map { Self.searchText($0) }).joined(separator: " ")
        case .decision(let decision):
            decision.reviewName + " " + Self.searchText(decision)
        }
    }

    static func searchText(_ decision: AccessReviewDecision) -> String {
        [
            decision.principal.label, decision.principal.userPrincipalName ?? "", decision.resourceName,
            decision.tier.label, decision.recommendation.rawValue, decision.verdict.rawValue, decision.decisionId,
        ].joined(separator: " ")
    }
}
