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
    /// The policy's fields. Every target of a role shares one policy, so a 10,000-row table holds
    /// a few dozen of them, each referenced from its rows (`Shared`).
    struct Fields: Hashable, Sendable, Codable {
        var maxDuration: ActivationDuration?
        var requiresJustification: Bool
        var requiresTicket: Bool
        var requiresMfa: Bool
        var authenticationContext: String?
        var requiresApproval: Bool
        var approvers: [Approver]
    }

    private var fields: Shared<Fields>

    /// Longest activation allowed; nil when the policy does not say (the service then decides).
    public var maxDuration: ActivationDuration? {
        get { fields.value.maxDuration }
        set { change { $0.maxDuration = newValue } }
    }
    public var requiresJustification: Bool {
        get { fields.value.requiresJustification }
        set { change { $0.requiresJustification = newValue } }
    }
    public var requiresTicket: Bool {
        get { fields.value.requiresTicket }
        set { change { $0.requiresTicket = newValue } }
    }
    /// `MultiFactorAuthentication` is among the enabled rules.
    public var requiresMfa: Bool {
        get { fields.value.requiresMfa }
        set { change { $0.requiresMfa = newValue } }
    }
    /// The Conditional Access authentication context id (`c1`) when that rule is enabled.
    public var authenticationContext: String? {
        get { fields.value.authenticationContext }
        set { change { $0.authenticationContext = newValue } }
    }
    public var requiresApproval: Bool {
        get { fields.value.requiresApproval }
        set { change { $0.requiresApproval = newValue } }
    }
    public var approvers: [Approver] {
        get { fields.value.approvers }
        set { change { $0.approvers = newValue } }
    }

    public init(maxDuration: ActivationDuration? = .hours(8), requiresJustification: Bool = true,
                requiresTicket: Bool = false, requiresMfa: Bool = false, authenticationContext: String? = nil,
                requiresApproval: Bool = false, approvers: [Approver] = []) {
        fields = Shared(Fields(maxDuration: maxDuration, requiresJustification: requiresJustification,
                               requiresTicket: requiresTicket, requiresMfa: requiresMfa,
                               authenticationContext: authenticationContext, requiresApproval: requiresApproval,
                               approvers: approvers))
    }

    private mutating func change(_ edit: (inout Fields) -> Void) {
        var copy = fields.value
        edit(&copy)
        fields = Shared(copy)
    }

    public static func == (a: ActivationPolicy, b: ActivationPolicy) -> Bool {
        a.fields === b.fields || a.fields.value == b.fields.value
    }

    public func hash(into hasher: inout Hasher) { fields.value.hash(into: &hasher) }

    public init(from decoder: any Decoder) throws { fields = Shared(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try fields.value.encode(to: encoder) }

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
