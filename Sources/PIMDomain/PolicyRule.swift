/// A PIM policy rule the service reports as failed (inside `RoleAssignmentRequestPolicyValidationFailed`),
/// with the sentence that tells the user how to satisfy it.
public enum PolicyRule: Hashable, Sendable, Codable, CustomStringConvertible {
    case justification, ticketing, expiration, mfa, eligibility, authenticationContext
    case other(String)

    /// From the service's rule name: `JustificationRule`, `TicketingRule`, `ExpirationRule`, `MfaRule`, `EligibilityRule`.
    public init(serviceName: String) {
        switch serviceName.lowercased() {
        case "justificationrule": self = .justification
        case "ticketingrule": self = .ticketing
        case "expirationrule": self = .expiration
        case "mfarule": self = .mfa
        case "eligibilityrule": self = .eligibility
        case "authenticationcontextrule", "acrsrule": self = .authenticationContext
        default: self = .other(serviceName)
        }
    }

    public var serviceName: String {
        switch self {
        case .justification: "JustificationRule"
        case .ticketing: "TicketingRule"
        case .expiration: "ExpirationRule"
        case .mfa: "MfaRule"
        case .eligibility: "EligibilityRule"
        case .authenticationContext: "AuthenticationContextRule"
        case .other(let name): name
        }
    }

    public var description: String { serviceName }

    /// What to do about it, as the user reads it.
    public var fix: String {
        switch self {
        case .justification: "A justification is required: add --justification \"why you need it\"."
        case .ticketing: "A ticket is required: add --ticket NUMBER (and --ticket-system NAME)."
        case .expiration: "The duration is over this role's maximum, or missing: ask for a shorter --duration."
        case .mfa: "This role requires multi-factor authentication: sign in again with MFA (pim login)."
        case .eligibility: "You are not eligible for this role or group (or the eligibility has expired): ask an administrator."
        case .authenticationContext: "This role requires a Conditional Access authentication context: sign in again to satisfy it."
        case .other(let name): "The service refused the request under its rule \(name)."
        }
    }
}

/// The result of a validation-only request (`isValidationOnly: true`).
public struct PreflightReport: Hashable, Sendable, Codable {
    public var failedRules: [PolicyRule]
    /// Set when the service answered with something other than a rule list (e.g. already active).
    public var otherProblem: String?

    public init(failedRules: [PolicyRule] = [], otherProblem: String? = nil) {
        self.failedRules = failedRules
        self.otherProblem = otherProblem
    }

    public var passed: Bool { failedRules.isEmpty && otherProblem == nil }
}
