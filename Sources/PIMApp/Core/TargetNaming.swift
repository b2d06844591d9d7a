import PIMDomain

extension ElevationTarget {
    /// The name the interface gives a target in titles and sentences. One Azure role is often held at
    /// several scopes, so an Azure target carries its scope and the scope's kind ("Contributor —
    /// Prod-Payments (subscription)"); a directory role or a group goes by its name.
    public var interfaceName: String {
        switch kind.family {
        case .directoryRole, .group: self.displayName
        case .azure: "\(self.displayName) — \(scopeLabel) (\(azureScopeKind.label))"
        }
    }

    /// What kind of ARM scope an Azure target's scope id names (a role or group reads as the tenant).
    public var azureScopeKind: AzureScope.Kind { AzureScope(id.scope ?? "/").kind }
}

extension MemberType {
    /// How a person holds an eligibility or assignment, in the interface's words.
    public var interfaceLabel: String {
        switch self {
        case .direct: "direct"
        case .group: "via group"
        case .inherited: "inherited"
        case .other(let value): value
        }
    }
}
