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

    public init(
        id: String, displayName: String? = nil, status: String, assignedToMe: Bool,
        reviewResult: ReviewResult = .notReviewed, justification: String? = nil,
        reviewedBy: Principal? = nil, reviewedAt: Date? = nil
    ) {
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

/// What became of a request that no longer waits for a decision, in the words an approver needs:
/// who ended the wait and when. Read from the request's status and its approval's stages.
public enum DecidedOutcome {
    /// "cancelled by the requester", "approved by you at 18:44 UTC", "denied by Ben Okafor at 18:44 UTC",
    /// "expired without a decision"; nil while the request still waits.
    public static func words(status: RequestStatus?, approval: Approval?, me: String?) -> String? {
        if let stage = approval?.stages.last(where: { $0.reviewResult == .approved || $0.reviewResult == .denied }) {
            let verb = stage.reviewResult == .approved ? "approved" : "denied"
            var who = ""
            if let reviewer = stage.reviewedBy {
                if let me, !me.isEmpty, reviewer.id.caseInsensitiveCompare(me) == .orderedSame {
                    who = " by you"
                } else if !reviewer.label.isEmpty {
                    who = " by \(reviewer.label)"
                }
            }
            return verb + who + (stage.reviewedAt.map { " at \(time($0))" } ?? "")
        }
        switch status {
        case .canceled?: return "cancelled by the requester"
        case .denied?: return "denied"
        case .granted?, .provisioned?, .scheduleCreated?: return "approved"
        case .revoked?: return "revoked"
        case .failed?: return "failed"
        default:
            if approval?.stages.contains(where: { $0.status.caseInsensitiveCompare("Expired") == .orderedSame }) == true
            {
                return "expired without a decision"
            }
            guard let status, !status.isPending else { return nil }
            return "closed (status \(status.graphValue))"
        }
    }

    /// `18:44 UTC`.
    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d UTC", parts.hour ?? 0, parts.minute ?? 0)
    }
}
