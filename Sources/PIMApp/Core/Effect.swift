import PIMDomain

/// Work the update function asks for, as data. Only `Runtime` performs effects; each one that
/// talks to the service comes back as the matching `…Finished` action.
public enum Effect: Hashable, Sendable {
    case loadDashboard(DashboardOptions)
    /// One request per target; each answer comes back as `.activationFinished`.
    case activate([ActivationRequest])
    /// A validation-only request; comes back as `.preflightFinished`.
    case preflight(ActivationRequest)
    case deactivate(ActiveAssignment)
    case extend(ActiveAssignment, ActivationRequest)
    case cancel(ElevationRequest)
    /// One decision with one justification for every item; each answer comes back as `.decisionFinished`.
    case decide([ApprovalItem], ApprovalDecision, justification: String)
    /// One verdict with one justification on access review decisions; comes back as `.reviewsRecorded`.
    case recordReviews([AccessReviewDecision], AccessReviewVerdict, justification: String)
    /// The service's recommendations on a review's waiting decisions; comes back as `.recommendationsAccepted`.
    case acceptRecommendations(AccessReviewQueue.Group)
    /// The requests I approved or denied (History's `m` view); comes back as `.myDecisionsLoaded`.
    case loadMyDecisions
    /// The access reviews the last dashboard left to follow it; comes back as `.followingAccessReviewsLoaded`.
    case loadFollowingAccessReviews
    /// Who decided these requests of mine and why; comes back as `.reviewsLoaded`.
    case loadReviews([ElevationRequest])
    /// Ring the terminal bell (expiry warnings).
    case bell
    /// Show a desktop notification (new approvals, a decision on my request, expiry warnings).
    case notify(DesktopNotification)
    /// Leave the interface.
    case quit
}
