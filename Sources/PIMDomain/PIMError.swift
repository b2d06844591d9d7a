/// Every failure pim reports, as a sentence that names the next step, with what the service said.
/// The command line maps `kind` to its exit code in one place; the interface shows `message`.
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
        /// The input given to pim was wrong before anything was sent.
        case invalidInput
        /// Anything else.
        case other
    }

    public var kind: Kind
    /// Never carries a token pim holds (`SecretMask`): a service may echo one back in its error text.
    public var message: String {
        get { maskedMessage }
        set { maskedMessage = SecretMask.mask(newValue) }
    }
    private var maskedMessage: String
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

    public init(_ kind: Kind, _ message: String, graphCode: String? = nil, requestId: String? = nil,
                httpStatus: Int? = nil, failedRules: [PolicyRule] = [], claims: String? = nil) {
        self.kind = kind
        self.maskedMessage = SecretMask.mask(message)
        self.graphCode = graphCode
        self.requestId = requestId
        self.httpStatus = httpStatus
        self.failedRules = failedRules
        self.claims = claims
    }

    public var description: String { message }

    /// The message with the request id appended, for places with room for it.
    public var detailedMessage: String {
        guard let requestId else { return message }
        return "\(message) (request id \(requestId))"
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
