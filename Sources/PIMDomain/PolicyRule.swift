/// A PIM policy rule the service reports as failed (inside `RoleAssignmentRequestPolicyValidationFailed`),
/// Each front words how to satisfy it (an option to add, a field to fill in).
public enum PolicyRule: Hashable, Sendable, Codable, CustomStringConvertible {
    case justification, ticketing, expiration, mfa, eligibility, authenticationContext
    case other(String)

    /// From the service's rule name: `JustificationRule`, `TicketingRule`, `ExpirationRule`, `MfaRule`,
    /// `EligibilityRule`.
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
}

/// The result of a validation-only request (`isValidationOnly: true`).
public struct PreflightReport: Hashable, Sendable {
    public var failedRules: [PolicyRule]
    /// Set when the service answered with something other than a rule list (e.g. already active).
    public var otherProblem: PIMError?

    public init(failedRules: [PolicyRule] = [], otherProblem: PIMError? = nil) {
        self.failedRules = failedRules
        self.otherProblem = otherProblem
    }

    public var passed: Bool { failedRules.isEmpty && otherProblem == nil }
}
