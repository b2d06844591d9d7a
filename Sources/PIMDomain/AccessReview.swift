import Foundation

/// A reviewer's answer on one access review decision item (Graph `decision`).
public enum AccessReviewVerdict: String, Hashable, Sendable, Codable, CaseIterable {
    case approve = "Approve"
    case deny = "Deny"
    case dontKnow = "DontKnow"
    case notReviewed = "NotReviewed"

    /// Graph's spelling in any case; nil for a value pim does not know.
    public init?(graph text: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame })
        else { return nil }
        self = match
    }
}

/// What the service recommends for a decision item, from the principal's last sign-in.
public enum AccessReviewRecommendation: String, Hashable, Sendable, Codable, CaseIterable {
    case approve = "Approve"
    case deny = "Deny"
    case noInfoAvailable = "NoInfoAvailable"

    /// Graph's spelling in any case; anything else (or nothing) is "no information".
    public init(graph text: String?) {
        self =
            Self.allCases.first { $0.rawValue.caseInsensitiveCompare(text ?? "") == .orderedSame } ?? .noInfoAvailable
    }

    /// The verdict accepting this recommendation records; nil when there is none to accept.
    public var verdict: AccessReviewVerdict? {
        switch self {
        case .approve: .approve
        case .deny: .deny
        case .noInfoAvailable: nil
        }
    }
}

/// What kind of access a decision item is about (Graph `resource.type`, compared in any case).
public enum AccessReviewResourceKind: String, Hashable, Sendable, Codable {
    case directoryRole, group, azureRole, servicePrincipal, other

    public init(graph type: String?) {
        switch type?.lowercased() {
        case "directoryrole": self = .directoryRole
        case "group": self = .group
        case "azurerole": self = .azureRole
        case "serviceprincipal": self = .servicePrincipal
        default: self = .other
        }
    }

    /// The tier of the reviewed access, judged as for the same role or group when activating it.
    public func tier(name: String, resourceId: String, scope: String? = nil) -> PrivilegeTier {
        let kind: TargetKind
        switch self {
        case .directoryRole: kind = .directoryRole
        case .group: kind = .groupMember
        case .azureRole: kind = .azureRole
        case .servicePrincipal, .other: return .tier2
        }
        return PrivilegeTier.of(
            ElevationTarget(id: TargetID(kind: kind, resourceId: resourceId, scope: scope), displayName: name))
    }
}

/// One access review decision item assigned to me: who has which access, what the service recommends,
/// and what has been decided. Not a PIM approval's `Review`.
public struct AccessReviewDecision: Hashable, Sendable, Identifiable {
    /// The review series (Graph accessReviewScheduleDefinition id).
    public var reviewId: String
    public var reviewName: String
    public var instanceId: String
    /// The stage of a multi-stage review; nil for a single stage.
    public var stageId: String?
    public var decisionId: String
    /// Who has the access.
    public var principal: Principal
    public var resourceName: String
    public var resourceKind: AccessReviewResourceKind
    public var tier: PrivilegeTier
    public var recommendation: AccessReviewRecommendation
    public var verdict: AccessReviewVerdict
    public var justification: String?
    /// Who recorded the current verdict; nil while not reviewed.
    public var reviewedBy: Principal?
    public var reviewedAt: Date?
    /// When the instance (or the stage) ends.
    public var dueDateTime: Date?
    public var principalLastSignIn: Date?
    /// Why the service recommends what it does, when it says.
    public var recommendationReason: String?
    /// The review asks for a justification with every decision.
    public var justificationRequired: Bool
    /// Whether the instance (or stage) still takes decisions.
    public var inProgress: Bool

    public var id: String { decisionId }

    public init(
        reviewId: String, reviewName: String, instanceId: String, stageId: String? = nil, decisionId: String,
        principal: Principal, resourceName: String, resourceKind: AccessReviewResourceKind,
        tier: PrivilegeTier = .tier2, recommendation: AccessReviewRecommendation = .noInfoAvailable,
        verdict: AccessReviewVerdict = .notReviewed, justification: String? = nil, reviewedBy: Principal? = nil,
        reviewedAt: Date? = nil, dueDateTime: Date? = nil, principalLastSignIn: Date? = nil,
        recommendationReason: String? = nil, justificationRequired: Bool = false, inProgress: Bool = true
    ) {
        self.reviewId = reviewId
        self.reviewName = reviewName
        self.instanceId = instanceId
        self.stageId = stageId
        self.decisionId = decisionId
        self.principal = principal
        self.resourceName = resourceName
        self.resourceKind = resourceKind
        self.tier = tier
        self.recommendation = recommendation
        self.verdict = verdict
        self.justification = justification
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
        self.dueDateTime = dueDateTime
        self.principalLastSignIn = principalLastSignIn
        self.recommendationReason = recommendationReason
        self.justificationRequired = justificationRequired
        self.inProgress = inProgress
    }

    /// Still waiting for a verdict.
    public var isWaiting: Bool { verdict == .notReviewed }

    /// The instance or stage a decision is recorded in: decisions sharing it can go in one bulk call.
    public var recordingScope: AccessReviewScope {
        AccessReviewScope(reviewId: reviewId, instanceId: instanceId, stageId: stageId)
    }
}

/// Where decisions are recorded: a review's instance, or one stage of it. The dashboard hints keep the
/// ones in progress at the last load, so a later start asks for their decisions in its first batch.
public struct AccessReviewScope: Codable, Hashable, Sendable {
    public var reviewId: String
    public var instanceId: String
    public var stageId: String?

    public init(reviewId: String, instanceId: String, stageId: String? = nil) {
        self.reviewId = reviewId
        self.instanceId = instanceId
        self.stageId = stageId
    }
}

/// What became of one decision in a recording.
public struct AccessReviewRecordOutcome: Hashable, Sendable {
    public var decisionId: String
    /// nil: recorded; otherwise why not.
    public var failure: PIMError?

    public init(decisionId: String, failure: PIMError? = nil) {
        self.decisionId = decisionId
        self.failure = failure
    }

    public var recorded: Bool { failure == nil }
}

/// A service that can read and record access review decisions (Microsoft Entra ID Governance).
public protocol AccessReviewService: Sendable {
    /// Every decision item I review in instances (and stages) in progress, reviewed or not, in review order.
    func accessReviewDecisions() async throws -> [AccessReviewDecision]

    /// Records `verdict` with `justification` on each decision; decisions of one instance or stage that
    /// cover every item I review there go in one bulk call. One outcome per decision, in order: a failure
    /// of one leaves the others recorded, so a retry records only the rest.
    func record(
        _ decisions: [AccessReviewDecision], _ verdict: AccessReviewVerdict, justification: String
    ) async throws -> [AccessReviewRecordOutcome]

    /// Records the service's recommendation on every decision I have not reviewed in the instance (or its
    /// stage in progress).
    func acceptRecommendations(_ scope: AccessReviewScope) async throws
}

extension AccessReviewVerdict {
    /// The words both fronts use for the verdict ("Approve", "Deny", "Don't know").
    public var label: String {
        switch self {
        case .approve: "Approve"
        case .deny: "Deny"
        case .dontKnow: "Don't know"
        case .notReviewed: "Not reviewed"
        }
    }
}
