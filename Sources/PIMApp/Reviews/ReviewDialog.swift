import PIMDomain

/// The justification dialog of the Reviews pane: one verdict (`a`, `d` or `x`) with one justification for
/// the marked decisions, or the selected one. A refusal keeps the typed text, as the approval dialog does.
public struct ReviewDialog: Hashable, Sendable {
    public var decisions: [AccessReviewDecision]
    public var verdict: AccessReviewVerdict
    public var justification = TextField()
    public var isSubmitting = false
    /// Decisions left out before anything is sent (another reviewer's, a review no longer in
    /// progress), one sentence each.
    public var notes: [String] = []
    public var error: String?

    public init(decisions: [AccessReviewDecision], verdict: AccessReviewVerdict, notes: [String] = []) {
        self.decisions = decisions
        self.verdict = verdict
        self.notes = notes
    }

    /// Some review of these decisions asks for a justification with every decision.
    public var justificationRequired: Bool { decisions.contains(where: \.justificationRequired) }

    /// What the dialog's drafts are kept under when it closes unsent.
    var draftKey: Set<String> { Set(decisions.map(\.decisionId)) }
}
