import Foundation
import PIMDomain

/// Everything that can happen to the interface: keys, clicks, the clock, and results of effects.
public enum Action: Hashable, Sendable {
    /// The interface started: load the first data.
    case start
    /// A key press, looked up in `KeyMap`.
    case key(Key)
    /// A command without a key (tests, clicks).
    case command(Command)
    /// A mouse click on a pane tab or a row.
    case click(ClickTarget)
    /// The mouse wheel turned: -1 a notch up, +1 a notch down. Moves the selection like ↑/↓.
    case wheel(Int)
    /// The clock: countdowns, flash expiry, expiry warnings, the refresh interval. Every second.
    case tick(Date)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    case dashboardLoaded(Result<Dashboard, PIMError>)
    case activationFinished(TargetID, Result<ActivationResult, PIMError>)
    case extendFinished(TargetID, Result<ActivationResult, PIMError>)
    case preflightFinished(TargetID, Result<PreflightReport, PIMError>)
    case deactivateFinished(TargetID, Result<ElevationRequest, PIMError>)
    /// nil error: the request was cancelled.
    case cancelFinished(TargetID, requestId: String, PIMError?)
    /// nil error: the decision was recorded.
    case decisionFinished(requestId: String, ApprovalDecision, PIMError?)
    case myDecisionsLoaded(Result<[ElevationRequest], PIMError>)
    /// The access review decisions that followed the dashboard, or why they could not be read.
    case followingAccessReviewsLoaded(Result<[AccessReviewDecision], PIMError>)
    /// The reviews that could be read, by request id (a failed read is simply absent).
    case reviewsLoaded([String: Review])
    /// One outcome per decision sent, or why nothing could be sent.
    case reviewsRecorded(AccessReviewVerdict, Result<[AccessReviewRecordOutcome], PIMError>)
    /// nil error: the recommendations were recorded.
    case recommendationsAccepted(AccessReviewQueue.Group, PIMError?)
}
