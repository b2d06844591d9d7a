import Foundation

/// Who decided a request, how, when and why: the decided stage of its approval.
public struct Review: Hashable, Sendable, Codable {
    public var result: ReviewResult
    /// Nil when the service does not say (Graph examples show `reviewedBy: null`).
    public var reviewer: Principal?
    public var justification: String?
    public var reviewedAt: Date?

    public init(result: ReviewResult, reviewer: Principal? = nil, justification: String? = nil, reviewedAt: Date? = nil)
    {
        self.result = result
        self.reviewer = reviewer
        self.justification = justification
        self.reviewedAt = reviewedAt
    }

    /// The decision that settled an approval: a denial wins (one denial ends a request), else the last
    /// approval; nil while no stage is decided.
    public init?(deciding approval: Approval) {
        let decided = approval.stages.filter { $0.reviewResult != .notReviewed }
        guard let stage = decided.first(where: { $0.reviewResult == .denied }) ?? decided.last else { return nil }
        self.init(
            result: stage.reviewResult, reviewer: stage.reviewedBy,
            justification: stage.justification.flatMap { $0.isEmpty ? nil : $0 }, reviewedAt: stage.reviewedAt)
    }

    /// "Ben Ops" or, when the service names nobody, "an approver".
    public var reviewerName: String { reviewer?.label ?? "an approver" }
}
