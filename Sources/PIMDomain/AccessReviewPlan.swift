import Foundation

/// What recording one verdict does with each chosen decision, decided before anything is sent: send it,
/// skip it (it already carries my verdict), or refuse it in one sentence. Both fronts plan with it, so a
/// review no longer in progress or a decision another reviewer recorded is refused the same way.
public struct AccessReviewPlan: Sendable {
    public enum Action: Sendable {
        /// Sent for recording.
        case send(AccessReviewDecision)
        /// Already carries this verdict from me: nothing to send.
        case skip
        /// Refused with one sentence; nothing sent.
        case refuse(PIMError)
    }

    public struct Step: Sendable {
        /// What the user named the decision by (a typed id or prefix, or the decision id).
        public var typed: String
        public var decision: AccessReviewDecision?
        public var action: Action
    }

    public var steps: [Step]
    /// A decision to send whose review asks for a justification none was given for.
    public var needsJustification: AccessReviewDecision?

    /// - Parameters:
    ///   - resolved: each name the user gave with the decision it named, nil when none matched.
    ///   - unknown: the refusal for a name that matched no decision (each front words where to look).
    public init(
        _ resolved: [(typed: String, item: AccessReviewDecision?)], verdict: AccessReviewVerdict,
        justification: String?, me: String, unknown: (String) -> PIMError
    ) {
        var seen = Set<String>()
        steps = []
        for (typed, decision) in resolved {
            guard let decision else {
                steps.append(Step(typed: typed, decision: nil, action: .refuse(unknown(typed))))
                continue
            }
            guard seen.insert(decision.decisionId.lowercased()).inserted else { continue }
            steps.append(Step(typed: typed, decision: decision, action: Self.action(decision, verdict, me: me)))
        }
        let blank = justification?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true
        needsJustification = blank ? toSend.first { $0.justificationRequired } : nil
    }

    /// The plan for decisions picked from a list (nothing to resolve).
    public init(
        _ decisions: [AccessReviewDecision], verdict: AccessReviewVerdict, justification: String?, me: String
    ) {
        self.init(
            decisions.map { (typed: $0.decisionId, item: Optional($0)) }, verdict: verdict,
            justification: justification, me: me, unknown: { PIMError(.notFound, "No decision has id \($0).") })
    }

    static func action(_ decision: AccessReviewDecision, _ verdict: AccessReviewVerdict, me: String) -> Action {
        let short = decision.decisionId.prefix(8)
        guard decision.inProgress else {
            return .refuse(
                PIMError(
                    .refused, "The review of decision \(short) is no longer in progress, so it takes no decisions."))
        }
        guard decision.verdict != .notReviewed, let reviewer = decision.reviewedBy else { return .send(decision) }
        guard reviewer.id.caseInsensitiveCompare(me) == .orderedSame else {
            return .refuse(
                PIMError(
                    .alreadyDecided,
                    """
                    Decision \(short) was already recorded by \(Sanitizer.sanitize(reviewer.label)) \
                    (\(decision.verdict.rawValue)); nothing was sent.
                    """))
        }
        return decision.verdict == verdict ? .skip : .send(decision)
    }

    public var toSend: [AccessReviewDecision] {
        steps.compactMap { if case .send(let decision) = $0.action { decision } else { nil } }
    }

    /// The refusals, in order.
    public var refusals: [(step: Step, error: PIMError)] {
        steps.compactMap { step in if case .refuse(let error) = step.action { (step, error) } else { nil } }
    }

    /// What happened when `decision`'s review asks for a justification and none was given; each front
    /// adds how to give one.
    public static func justificationMissing(_ decision: AccessReviewDecision) -> String {
        """
        The review "\(Sanitizer.sanitize(decision.reviewName))" asks for a justification with every decision
        """
    }

    /// After a recording where some failed: which decisions (short ids) were recorded and which were not.
    public static func partialSummary(recorded: [String], failed: [String]) -> String {
        "Recorded: \(recorded.joined(separator: ", ")). Not recorded: \(failed.joined(separator: ", "))"
    }
}
