/// A failure as one front words it: what happened, and the next step in that front's terms. The
/// parts stay apart so that a narrow status line can shorten what happened and keep the step whole.
public struct ErrorSentence: Hashable, Sendable, CustomStringConvertible {
    public var event: String
    /// ": " after a clause, " " after a whole sentence, "" when there is no step or no event.
    public var separator: String
    public var step: String

    /// `event` (a clause, or a sentence ending in ".") followed by `step` as a front worded it; without
    /// a step, `event` is the whole text as given.
    public init(event: String, step: String) {
        let step = step.hasSuffix(".") || step.isEmpty ? step : step + "."
        if step.isEmpty {
            (self.event, separator, self.step) = (event, "", "")
        } else if event.isEmpty {
            (self.event, separator, self.step) = ("", "", Self.capitalized(step))
        } else if event.hasSuffix(".") {
            (self.event, separator, self.step) = (event, " ", Self.capitalized(step))
        } else {
            (self.event, separator, self.step) = (event, ": ", step)
        }
    }

    public var text: String { event + separator + step }

    /// The same parts, each changed by `transform` (sanitising, a prefix).
    public func map(event change: (String) -> String, step stepChange: (String) -> String) -> ErrorSentence {
        var copy = self
        copy.event = change(event)
        copy.step = stepChange(step)
        return copy
    }
    public var description: String { text }

    private static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}

extension PolicyRule {
    /// What the rule asks for, before the step a front words ("A justification is required").
    public var requirement: String {
        switch self {
        case .justification: "A justification is required"
        case .ticketing: "A ticket is required"
        case .expiration: "The duration is over this role's maximum, or missing"
        case .mfa: "This role requires multi-factor authentication"
        case .eligibility: "You are not eligible for this role or group (or the eligibility has expired)"
        case .authenticationContext: "This role requires a Conditional Access authentication context"
        case .other(let name): "The service refused the request under its rule \(name)."
        }
    }
}
