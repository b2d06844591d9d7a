/// Someone who can approve activations of a target.
public struct Approver: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case user, groupMembers }
    public var kind: Kind
    /// `userId` or `groupId`.
    public var id: String
    public var description: String?

    public init(kind: Kind, id: String, description: String? = nil) {
        self.kind = kind
        self.id = id
        self.description = description
    }
}

/// What activating a target requires, decoded from its PIM policy rules
/// (`Expiration_EndUser_Assignment`, `Enablement_EndUser_Assignment`, `Approval_EndUser_Assignment`,
/// `AuthenticationContext_EndUser_Assignment`).
public struct ActivationPolicy: Hashable, Sendable, Codable {
    /// Longest activation allowed; nil when the policy does not say (the service then decides).
    public var maxDuration: ActivationDuration?
    public var requiresJustification: Bool
    public var requiresTicket: Bool
    /// `MultiFactorAuthentication` is among the enabled rules.
    public var requiresMfa: Bool
    /// The Conditional Access authentication context id (`c1`) when that rule is enabled.
    public var authenticationContext: String?
    public var requiresApproval: Bool
    public var approvers: [Approver]

    public init(maxDuration: ActivationDuration? = .hours(8), requiresJustification: Bool = true,
                requiresTicket: Bool = false, requiresMfa: Bool = false, authenticationContext: String? = nil,
                requiresApproval: Bool = false, approvers: [Approver] = []) {
        self.maxDuration = maxDuration
        self.requiresJustification = requiresJustification
        self.requiresTicket = requiresTicket
        self.requiresMfa = requiresMfa
        self.authenticationContext = authenticationContext
        self.requiresApproval = requiresApproval
        self.approvers = approvers
    }

    /// What product.md's `requiresMfa` means: MFA or an authentication context is demanded.
    public var requiresStepUp: Bool { requiresMfa || authenticationContext != nil }

    /// Short labels for the requirements column: `justification`, `ticket`, `MFA`, `auth context c1`, `approval`.
    public var requirementLabels: [String] {
        var labels: [String] = []
        if requiresJustification { labels.append("justification") }
        if requiresTicket { labels.append("ticket") }
        if requiresMfa { labels.append("MFA") }
        if let authenticationContext { labels.append("auth context \(authenticationContext)") }
        if requiresApproval { labels.append("approval") }
        return labels
    }

    /// The default duration to offer: the configured default, never above the maximum.
    public func cappedDuration(_ preferred: ActivationDuration) -> ActivationDuration {
        guard let maxDuration else { return preferred }
        return min(preferred, maxDuration)
    }
}
