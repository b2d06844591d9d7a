import PIMDomain

/// The request dialog of the Approvals pane: every detail of one or several (marked) requests,
/// then an approve or deny decision with its justification.
public struct ApprovalDialog: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case decided
        /// It stopped waiting meanwhile (decided, by someone else or by me in another window, or
        /// cancelled by the requester); what became of it when the service could tell
        /// ("cancelled by the requester", "approved by you at 18:44 UTC").
        case alreadyDecided(String?)
        case failed(String)
    }

    public var items: [ApprovalItem]
    /// nil while reading the details; set once `a` or `d` was pressed.
    public var decision: ApprovalDecision?
    public var justification = TextField()
    public var isSubmitting = false
    public var awaiting: Set<String> = []
    public var outcomes: [String: Outcome] = [:]
    public var error: String?

    public init(items: [ApprovalItem], decision: ApprovalDecision? = nil) {
        self.items = items
        self.decision = decision
    }
}
