import Foundation

/// Graph's `reviewResult` when read back.
public enum ReviewResult: Hashable, Sendable, Codable {
    case notReviewed, approved, denied
    case other(String)

    public init(graphValue: String) {
        switch graphValue.lowercased() {
        case "notreviewed": self = .notReviewed
        case "approved", "approve": self = .approved
        case "denied", "deny": self = .denied
        default: self = .other(graphValue)
        }
    }
}

/// What an approver decides. Graph writes `Approve` / `Deny`.
public enum ApprovalDecision: String, Hashable, Sendable, Codable {
    case approve = "Approve"
    case deny = "Deny"
}

/// One stage (groups, v1.0) or step (roles, beta) of an approval.
public struct ApprovalStage: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var displayName: String?
    /// `InProgress`, `Initializing`, `Completed`, `Expired`, …
    public var status: String
    public var assignedToMe: Bool
    public var reviewResult: ReviewResult
    public var justification: String?
    public var reviewedBy: Principal?
    public var reviewedAt: Date?

    public init(id: String, displayName: String? = nil, status: String, assignedToMe: Bool,
                reviewResult: ReviewResult = .notReviewed, justification: String? = nil,
                reviewedBy: Principal? = nil, reviewedAt: Date? = nil) {
        self.id = id
        self.displayName = displayName
        self.status = status
        self.assignedToMe = assignedToMe
        self.reviewResult = reviewResult
        self.justification = justification
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
    }

    /// The stage an approver can act on now.
    public var isOpenForMe: Bool { assignedToMe && status.caseInsensitiveCompare("InProgress") == .orderedSame }
}

/// The approval object behind a request (its id is the request's `approvalId`).
public struct Approval: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var stages: [ApprovalStage]

    public init(id: String, stages: [ApprovalStage]) {
        self.id = id
        self.stages = stages
    }

    public var openStageForMe: ApprovalStage? { stages.first { $0.isOpenForMe } }
}

/// A request waiting for my decision, with its approval when it has been read.
public struct ApprovalItem: Hashable, Sendable, Codable, Identifiable {
    public var request: ElevationRequest
    public var approval: Approval?

    public init(request: ElevationRequest, approval: Approval? = nil) {
        self.request = request
        self.approval = approval
    }

    public var id: String { request.id }

    /// Seconds since the request was made.
    public func waited(at now: Date) -> Double? { request.createdAt.map { now.timeIntervalSince($0) } }

    /// Seconds left of the 24-hour approval window.
    public func windowLeft(at now: Date) -> Double? {
        request.createdAt.map { $0.addingTimeInterval(ServiceLimits.approvalWindow).timeIntervalSince(now) }
    }
}
