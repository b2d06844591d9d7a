import PIMDomain

/// The request dialog of the Approvals pane: every detail of one or several (marked) requests,
/// then an approve or deny decision with its justification.
public struct ApprovalDialog: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case decided
        /// Someone else decided it meanwhile (the service answered 409).
        case alreadyDecided
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
