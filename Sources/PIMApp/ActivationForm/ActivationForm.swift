import Foundation
import PIMDomain

/// The activation (or extension) form: what is being typed, for which targets, and what the
/// service answered. Kept in state so `Esc` and a refusal lose nothing.
public struct ActivationForm: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case activate
        /// Extending an active elevation (one target).
        case extend(ActiveAssignment)
    }

    public enum Field: Int, Hashable, Sendable, CaseIterable {
        case justification, ticketNumber, ticketSystem, duration, start

        public var label: String {
            switch self {
            case .justification: "Justification"
            case .ticketNumber: "Ticket number"
            case .ticketSystem: "Ticket system"
            case .duration: "Duration"
            case .start: "Start"
            }
        }

        public var problemField: DraftProblem.Field {
            switch self {
            case .justification: .justification
            case .ticketNumber: .ticketNumber
            case .ticketSystem: .ticketSystem
            case .duration: .duration
            case .start: .start
            }
        }
    }

    /// What happened to one target after submission.
    public enum Outcome: Hashable, Sendable {
        case active(until: Date?)
        /// Granted to begin later (`start`), until `until`.
        case scheduled(start: Date, until: Date?)
        case pendingApproval(requestId: String)
        case refused(String)

        public var succeeded: Bool { if case .refused = self { false } else { true } }
    }

    /// The answer of a validation-only request for one target.
    public enum Preflight: Hashable, Sendable {
        case checking
        /// The service accepts the request; `checked` says what it was asked about.
        case passed(checked: String)
        /// Each failing rule with its fix, as sentences.
        case failed([String])
    }

    public var mode: Mode
    public var targets: [ElevationTarget]
    public var policies: [TargetID: ActivationPolicy]
    /// When each target's eligibility ends (absent: never, or not known): a start must fall before it.
    public var eligibilityEnds: [TargetID: Date] = [:]
    public var fields: [TextField]
    public var focus: Field = .justification
    public var isSubmitting = false
    /// Targets whose answer has not come back yet.
    public var awaiting: Set<TargetID> = []
    public var outcomes: [TargetID: Outcome] = [:]
    public var preflight: [TargetID: Preflight] = [:]
    /// What each pre-flight in flight asked the service about (shown with its answer).
    public var preflightChecked: [TargetID: String] = [:]
    /// A Tier 0 target is in the form and the user must press `y` to send.
    public var confirmingTier0 = false
    /// Why the last submission did not go through (local validation or the service's refusal).
    public var error: String?

    public init(
        mode: Mode = .activate, targets: [ElevationTarget], policies: [TargetID: ActivationPolicy],
        draft: ActivationDraft
    ) {
        self.mode = mode
        self.targets = targets
        self.policies = policies
        self.fields = [
            TextField(draft.justification), TextField(draft.ticketNumber),
            TextField(draft.ticketSystem), TextField(draft.durationText), TextField(draft.startText),
        ]
    }

    /// The key under which this form's draft is kept.
    public var draftKey: Set<TargetID> { Set(targets.map(\.id)) }

    public var draft: ActivationDraft {
        ActivationDraft(
            justification: fields[0].text, ticketNumber: fields[1].text,
            ticketSystem: fields[2].text, durationText: fields[3].text,
            startText: isExtension ? "" : fields[4].text)
    }

    /// The fields the form offers: an extension starts when it is sent, so it has no Start field.
    public var shownFields: [Field] {
        isExtension ? Field.allCases.filter { $0 != .start } : Field.allCases
    }

    /// The draft with its start read at `now` (nil: the Start field cannot be read; `problems` says why).
    public func resolvedDraft(now: Date, timeZone: TimeZone) -> ActivationDraft? {
        try? draft.resolvingStart(now: now, timeZone: timeZone).get()
    }

    public subscript(field: Field) -> TextField {
        get { fields[field.rawValue] }
        set { fields[field.rawValue] = newValue }
    }

    /// The smallest maximum duration among the targets' policies (nil: none known).
    public var maxDuration: ActivationDuration? {
        targets.compactMap { policies[$0.id]?.maxDuration }.min()
    }

    public var isExtension: Bool { if case .extend = mode { true } else { false } }

    /// Extending a running activation of a target whose policy needs approval: Graph cannot lengthen
    /// it, so the running one ends and access returns only when an approver approves the new one.
    public var extensionInterruptsAccess: Bool {
        guard case .extend(let assignment) = mode, assignment.assignmentType == .activated else { return false }
        return policies[assignment.target.id]?.requiresApproval == true
    }

    /// Every target got an answer and none was refused: the form only shows the results.
    public var isDone: Bool {
        !targets.isEmpty && targets.allSatisfy { outcomes[$0.id]?.succeeded == true }
    }

    public var hasTier0: Bool { targets.contains { $0.tier == .tier0 } }

    /// Live problems of the draft against every target's policy and eligibility, without repeats, in
    /// field order. The start is read as the command line reads `--start`, clock times in `timeZone`.
    public func problems(rules: DraftRules, now: Date, timeZone: TimeZone = .gmt) -> [DraftProblem] {
        var seen: [DraftProblem] = []
        var draft = self.draft
        switch draft.resolvingStart(now: now, timeZone: timeZone) {
        case .success(let resolved): draft = resolved
        case .failure(let problem): seen.append(problem)
        }
        let policiesToCheck: [ActivationPolicy?] = targets.isEmpty ? [nil] : targets.map { policies[$0.id] }
        for policy in policiesToCheck {
            for problem in draft.problems(against: policy, rules: rules, now: now) where !seen.contains(problem) {
                seen.append(problem)
            }
        }
        for target in targets {
            if let problem = draft.startProblem(
                name: target.interfaceName, eligibilityEnd: eligibilityEnds[target.id], timeZone: timeZone),
                !seen.contains(problem)
            {
                seen.append(problem)
            }
        }
        return seen.sorted { a, b in order(a.field) < order(b.field) }
    }

    private func order(_ field: DraftProblem.Field) -> Int {
        switch field {
        case .justification: 0
        case .ticketNumber: 1
        case .ticketSystem: 2
        case .duration: 3
        case .start: 4
        }
    }

    /// The problems that concern one field.
    public func problems(for field: Field, rules: DraftRules, now: Date, timeZone: TimeZone = .gmt) -> [DraftProblem] {
        problems(rules: rules, now: now, timeZone: timeZone).filter { $0.field == field.problemField }
    }
}
