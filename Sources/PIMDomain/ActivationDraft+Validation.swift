import Foundation

/// One reason a draft cannot be sent: the field it concerns and why, typed so that callers decide by
/// `field` and `reason`; `message` is the sentence the user can act on (it names no front's syntax).
public struct DraftProblem: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Field: String, Hashable, Sendable, Codable {
        case justification, ticketNumber, ticketSystem, duration, start
    }

    public enum Reason: Hashable, Sendable, Codable {
        /// The policy requires a value and none was given.
        case missing
        /// The text is longer than the service accepts.
        case tooManyCharacters(count: Int, maximum: Int)
        /// The value does not match the pattern the configuration sets.
        case patternMismatch(value: String, pattern: String)
        /// The duration could not be read; the parser's sentence says what to type instead.
        case unreadableDuration(String)
        /// Shorter than the service accepts.
        case tooShort(ActivationDuration, minimum: ActivationDuration)
        /// Longer than the policy's maximum.
        case tooLong(ActivationDuration, maximum: ActivationDuration)
        /// The start lies in the past.
        case inThePast
        /// The start could not be read; the parser's sentence says what to type instead.
        case unreadableStart(String)
        /// The start is at or after the end of the eligibility for `name`, which ends at `end` (as the
        /// user reads times: `Tue 8 Dec 14:05`).
        case startAfterEligibilityEnd(name: String, end: String)
    }

    public var field: Field
    public var reason: Reason

    public init(field: Field, reason: Reason) {
        self.field = field
        self.reason = reason
    }

    public var message: String {
        switch (field, reason) {
        case (.justification, .missing): "A justification is required: say why you need this access."
        case (.ticketNumber, .missing):
            "A ticket number is required by this role's policy: enter the change or incident number."
        case (.ticketSystem, .missing): "A ticket system is required with the ticket number: name it (e.g. ServiceNow)."
        case (_, .missing): "A value is required here."
        case (_, .tooManyCharacters(let count, let maximum)):
            "The justification is \(count) characters; the service accepts at most \(maximum). Shorten it."
        case (_, .patternMismatch(let value, let pattern)):
            "The ticket number \"\(value)\" does not match the pattern \(pattern) set in your configuration."
        case (_, .unreadableDuration(let sentence)): sentence
        case (_, .tooShort(let duration, let minimum)):
            "\(duration.shortDescription) is too short: the service requires at least \(minimum.seconds / 60) minutes."
        case (_, .tooLong(let duration, let maximum)):
            "\(duration.shortDescription) is longer than this role's maximum of \(maximum.shortDescription): "
                + "ask for \(maximum.shortDescription) or less."
        case (_, .inThePast): "The start time is in the past: leave it empty to start now."
        case (_, .unreadableStart(let sentence)): sentence
        case (_, .startAfterEligibilityEnd): sentence(namingStart: "start")
        }
    }

    public var description: String { message }

    /// The sentence, with `option` as the name of the setting that sets the start (the form's "start",
    /// the command line's "--start"): both fronts say the same about a start the eligibility does not cover.
    public func sentence(namingStart option: String) -> String {
        guard case .startAfterEligibilityEnd(let name, let end) = reason else { return message }
        return "Your eligibility for \(name) ends \(end), before the asked start: choose an earlier \(option)."
    }
}

/// Limits the service enforces whatever the policy says.
public enum ServiceLimits {
    /// Activations shorter than five minutes are refused.
    public static let minimumDuration = ActivationDuration.minutes(5)
    /// An activated assignment cannot be deactivated within five minutes of its start.
    public static let minimumActiveBeforeDeactivation: Double = 5 * 60
    /// The portal and the service accept justifications up to 500 characters.
    public static let justificationMaxLength = 500
    /// Approvers have a fixed 24 hours to decide (not configurable in Entra).
    public static let approvalWindow: Double = 24 * 3600
    /// Extension is offered for assignments expiring within 14 days.
    public static let extensionWindow: Double = 14 * 86_400
}

/// Rules outside the policy that an organisation adds in its configuration.
public struct DraftRules: Hashable, Sendable {
    /// A regular expression the ticket number must match (checked before sending).
    public var ticketPattern: String?
    /// A required ticket system is reported missing even while the number is missing too. The command
    /// line wants this (a refused run is typed again whole, so every missing value is named at once);
    /// the form, which shows the ticket system field beside the number, asks once a number is typed.
    public var ticketSystemWithMissingNumber: Bool

    public init(ticketPattern: String? = nil, ticketSystemWithMissingNumber: Bool = false) {
        self.ticketPattern = ticketPattern
        self.ticketSystemWithMissingNumber = ticketSystemWithMissingNumber
    }
}

extension ActivationDraft {
    /// Every problem with this draft against `policy` (nil: unknown policy, only the service's limits),
    /// in field order. Empty means the draft can be sent.
    public func problems(
        against policy: ActivationPolicy?, rules: DraftRules = DraftRules(),
        now: Date? = nil
    ) -> [DraftProblem] {
        var found: [DraftProblem] = []
        let justificationText = justification.trimmingCharacters(in: .whitespacesAndNewlines)
        if policy?.requiresJustification == true && justificationText.isEmpty {
            found.append(.init(field: .justification, reason: .missing))
        }
        if justification.count > ServiceLimits.justificationMaxLength {
            found.append(
                .init(
                    field: .justification,
                    reason: .tooManyCharacters(
                        count: justification.count, maximum: ServiceLimits.justificationMaxLength)))
        }
        let number = ticketNumber.trimmingCharacters(in: .whitespaces)
        if policy?.requiresTicket == true && number.isEmpty {
            found.append(.init(field: .ticketNumber, reason: .missing))
        }
        if !number.isEmpty, let pattern = rules.ticketPattern,
            number.range(of: "^(?:\(pattern))$", options: .regularExpression) == nil
        {
            found.append(.init(field: .ticketNumber, reason: .patternMismatch(value: number, pattern: pattern)))
        }
        let system = ticketSystem.trimmingCharacters(in: .whitespaces)
        if policy?.requiresTicket == true && system.isEmpty && (!number.isEmpty || rules.ticketSystemWithMissingNumber)
        {
            found.append(.init(field: .ticketSystem, reason: .missing))
        }
        found += durationProblems(against: policy)
        if let start, let now, start < now.addingTimeInterval(-60) {
            found.append(.init(field: .start, reason: .inThePast))
        }
        return found
    }

    /// The parsed duration, or the problems with it.
    public func parsedDuration() -> Result<ActivationDuration, DraftProblem> {
        do throws(DurationParseError) {
            return .success(try ActivationDuration(parsing: durationText))
        } catch {
            return .failure(DraftProblem(field: .duration, reason: .unreadableDuration(error.message)))
        }
    }

    private func durationProblems(against policy: ActivationPolicy?) -> [DraftProblem] {
        let duration: ActivationDuration
        switch parsedDuration() {
        case .failure(let problem): return [problem]
        case .success(let parsed): duration = parsed
        }
        var found: [DraftProblem] = []
        if duration < ServiceLimits.minimumDuration {
            found.append(.init(field: .duration, reason: .tooShort(duration, minimum: ServiceLimits.minimumDuration)))
        }
        if let max = policy?.maxDuration, duration > max {
            found.append(.init(field: .duration, reason: .tooLong(duration, maximum: max)))
        }
        return found
    }

    /// A request ready to send for `target`, or every problem that stops it.
    public func request(
        for target: ElevationTarget, policy: ActivationPolicy?, rules: DraftRules = DraftRules(),
        now: Date? = nil, validationOnly: Bool = false
    ) -> Result<ActivationRequest, DraftProblems> {
        let found = problems(against: policy, rules: rules, now: now)
        guard found.isEmpty, case .success(let duration) = parsedDuration() else {
            return .failure(DraftProblems(found))
        }
        let text = justification.trimmingCharacters(in: .whitespacesAndNewlines)
        return .success(
            ActivationRequest(
                target: target, justification: text.isEmpty ? nil : text,
                ticket: ticket, duration: duration, start: start,
                validationOnly: validationOnly))
    }
}

/// Every problem with a draft, as an error.
public struct DraftProblems: Error, Hashable, Sendable {
    public var problems: [DraftProblem]
    public init(_ problems: [DraftProblem]) { self.problems = problems }
}
