import Foundation

/// The tenant's access reviews (Microsoft Entra ID Governance), as persisted in the state file.
struct ReviewEstate: Codable, Sendable, Equatable {
    var definitions: [ReviewSeries]
}

/// A review series (accessReviewScheduleDefinition) with its one instance.
struct ReviewSeries: Codable, Sendable, Equatable {
    var id: String
    var displayName: String
    var descriptionForReviewers: String
    /// `scope.query` of the definition (what is reviewed).
    var scopeQuery: String
    var justificationRequired: Bool
    var instance: ReviewRound
    /// The reviewers of a single-stage review; empty when the review has stages (each names its own).
    var reviewers: [String]

    var isMultiStage: Bool { !instance.stages.isEmpty }

    /// Whether `userId` reviews anything in this series (any stage, whatever its status).
    func isReviewer(_ userId: String) -> Bool {
        isMultiStage ? instance.stages.contains { $0.reviewers.contains(userId) } : reviewers.contains(userId)
    }
}

/// One instance (accessReviewInstance): a window, optional stages, and the decision items.
struct ReviewRound: Codable, Sendable, Equatable {
    var id: String
    var start: Date
    var end: Date
    var scopeQuery: String
    var stages: [ReviewStagePeriod]
    var items: [ReviewItem]
}

/// One stage of a multi-stage instance, with its own reviewers and window.
struct ReviewStagePeriod: Codable, Sendable, Equatable {
    var id: String
    var start: Date
    var end: Date
    var reviewers: [String]
}

/// A decision item: who has which access, the recommendation, and the verdict so far.
struct ReviewItem: Codable, Sendable, Equatable {
    var id: String
    /// The stage the item belongs to; nil in a single-stage review.
    var stageId: String?
    var principalId: String
    var principalName: String
    var principalUPN: String?
    var principalIsGroup: Bool
    /// nil for a single-group review, whose resource is the instance scope (Graph sends null).
    var resource: ReviewedResource?
    var lastSignIn: Date?
    var recommendation: String
    var decision: String = "NotReviewed"
    var justification: String = ""
    var reviewedBy: String?
    var reviewedAt: Date?
}

struct ReviewedResource: Codable, Sendable, Equatable {
    var id: String
    var displayName: String
    var type: String
}

/// Graph's status of a window at `now` (documented values; "InProgress" is the only one taking decisions).
enum ReviewStatus {
    static func of(start: Date, end: Date, now: Date) -> String {
        if now < start { return "NotStarted" }
        return now < end ? "InProgress" : "Completed"
    }
}
