/// Every failure pim reports: what happened, and the next step as data that each front words itself.
/// The command line maps `kind` to its exit code in one place.
public struct PIMError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// No usable sign-in, the token expired and could not be refreshed, or step-up is needed.
        case signInRequired
        /// Refused by policy or validation: a rule failed, not eligible, denied.
        case refused
        /// The target is already active, or a request for it is already pending.
        case alreadyExists
        /// Nothing is active to deactivate, or the object does not exist.
        case notFound
        /// An approval was decided meanwhile by someone else (409).
        case alreadyDecided
        /// The token lacks a permission scope or the user a role.
        case forbidden
        /// The service kept failing (5xx, 429) after the retries allowed.
        case service
        /// The network failed or timed out.
        case network
        /// The input given was wrong before anything was sent.
        case invalidInput
        /// Anything else.
        case other
    }

    public var kind: Kind
    /// What happened, without the next step: a sentence (ending in ".") or a clause the step follows
    /// after ": ". May quote the service's sanitised words, so it never carries a token the client
    /// holds (`SecretMask`): a service may echo one back in its error text.
    public var event: String {
        get { maskedEvent }
        set { maskedEvent = SecretMask.mask(newValue) }
    }
    private var maskedEvent: String
    /// What the user can do next.
    public var step: NextStep
    /// Graph's `error.code`, when the service answered.
    public var graphCode: String?
    /// Graph's `request-id`, for support tickets.
    public var requestId: String?
    public var httpStatus: Int?
    /// For `RoleAssignmentRequestPolicyValidationFailed`: the rules named in the message.
    public var failedRules: [PolicyRule]
    /// For a claims challenge: the claims JSON to sign in with.
    public var claims: String?
    /// For `.alreadyDecided`: what became of the request, when it could be read ("cancelled by the
    /// requester", "approved by you at 18:44 UTC", "denied by Ben Okafor at 18:44 UTC").
    public var outcome: String?

    public init(
        _ kind: Kind, _ event: String, step: NextStep = .none, graphCode: String? = nil,
        requestId: String? = nil, httpStatus: Int? = nil, failedRules: [PolicyRule] = [],
        claims: String? = nil
    ) {
        self.kind = kind
        self.maskedEvent = SecretMask.mask(event)
        self.step = step
        self.graphCode = graphCode
        self.requestId = requestId
        self.httpStatus = httpStatus
        self.failedRules = failedRules
        self.claims = claims
    }

    /// What happened and the step in plain words (no front's syntax): for logs and diagnostics.
    public var description: String {
        let summary = step.summary
        guard !summary.isEmpty else { return event }
        guard !event.isEmpty else { return summary.prefix(1).uppercased() + summary.dropFirst() + "." }
        return "\(event.hasSuffix(".") ? String(event.dropLast()) : event): \(summary)."
    }

    /// Wraps any error as a PIMError (keeps PIMErrors as they are).
    public static func wrap(_ error: any Error) -> PIMError {
        if let error = error as? PIMError { return error }
        if let problems = error as? DraftProblems {
            return PIMError(.refused, problems.problems.map(\.message).joined(separator: " "))
        }
        return PIMError(.other, "Unexpected error: \(error).")
    }
}
