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
public struct ActivationPolicy: CompactRecord, Codable {
    /// The policy's fields. Every target of a role shares one policy, so a 10,000-row table holds
    /// a few dozen of them, each referenced from its rows (`Compact`).
    public struct Fields: Hashable, Sendable, Codable {
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
    }

    public var storage: Compact<Fields>

    public init(storage: Compact<Fields>) { self.storage = storage }

    public init(
        maxDuration: ActivationDuration? = .hours(8), requiresJustification: Bool = true,
        requiresTicket: Bool = false, requiresMfa: Bool = false, authenticationContext: String? = nil,
        requiresApproval: Bool = false, approvers: [Approver] = []
    ) {
        storage = Compact(
            Fields(
                maxDuration: maxDuration, requiresJustification: requiresJustification,
                requiresTicket: requiresTicket, requiresMfa: requiresMfa,
                authenticationContext: authenticationContext, requiresApproval: requiresApproval,
                approvers: approvers))
    }

    /// What product.md's `requiresMfa` means: MFA or an authentication context is demanded.
    public var requiresStepUp: Bool { self.requiresMfa || self.authenticationContext != nil }

    /// Short labels for the requirements column: `justification`, `ticket`, `MFA`, `auth context c1`, `approval`.
    public var requirementLabels: [String] {
        let fields = storage.fields
        var labels: [String] = []
        if fields.requiresJustification { labels.append("justification") }
        if fields.requiresTicket { labels.append("ticket") }
        if fields.requiresMfa { labels.append("MFA") }
        if let context = fields.authenticationContext { labels.append("auth context \(context)") }
        if fields.requiresApproval { labels.append("approval") }
        return labels
    }

    /// The default duration to offer: the configured default, never above the maximum.
    public func cappedDuration(_ preferred: ActivationDuration) -> ActivationDuration {
        guard let maxDuration = self.maxDuration else { return preferred }
        return min(preferred, maxDuration)
    }
}
