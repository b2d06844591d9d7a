/// A user (or other principal) as Graph names them.
public struct Principal: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var displayName: String?
    public var userPrincipalName: String?

    public init(id: String, displayName: String? = nil, userPrincipalName: String? = nil) {
        self.id = id
        self.displayName = displayName
        self.userPrincipalName = userPrincipalName
    }

    /// Best name to show: display name, else UPN, else the object id.
    public var label: String { displayName ?? userPrincipalName ?? id }
}
