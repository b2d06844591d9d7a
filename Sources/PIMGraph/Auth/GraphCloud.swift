import Foundation

/// A Microsoft cloud: its Graph root and its identity platform (contract D7). Tokens do not travel
/// between clouds, and scopes name the cloud's Graph resource.
public struct GraphCloud: Hashable, Sendable {
    /// `global`, `usgov`, `usgov-dod` or `china` (the `--cloud` value).
    public var name: String
    /// Graph root without a version segment.
    public var graphURL: URL
    /// Identity platform authority host (device code and token endpoints live below it).
    public var loginURL: URL
    /// The Graph resource scopes are named after (the cloud's real Graph host, even when `graphURL`
    /// is overridden to point at a fake or a proxy).
    public var graphResource: String

    public init(name: String, graphURL: URL, loginURL: URL, graphResource: String? = nil) {
        self.name = name
        self.graphURL = graphURL
        self.loginURL = loginURL
        self.graphResource =
            graphResource ?? graphURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    /// Microsoft Graph global service (also Microsoft 365 GCC moderate).
    public static let global = GraphCloud(
        name: "global", graphURL: URL(string: "https://graph.microsoft.com")!,
        loginURL: URL(string: "https://login.microsoftonline.com")!)
    /// US Government L4 (GCC High).
    public static let usGov = GraphCloud(
        name: "usgov", graphURL: URL(string: "https://graph.microsoft.us")!,
        loginURL: URL(string: "https://login.microsoftonline.us")!)
    /// US Government L5 (DoD).
    public static let usGovDoD = GraphCloud(
        name: "usgov-dod", graphURL: URL(string: "https://dod-graph.microsoft.us")!,
        loginURL: URL(string: "https://login.microsoftonline.us")!)
    /// Microsoft Graph China operated by 21Vianet.
    public static let china = GraphCloud(
        name: "china", graphURL: URL(string: "https://microsoftgraph.chinacloudapi.cn")!,
        loginURL: URL(string: "https://login.partner.microsoftonline.cn")!)

    /// Every cloud `--cloud` accepts.
    public static let all: [GraphCloud] = [.global, .usGov, .usGovDoD, .china]

    /// The cloud for a `--cloud` / `PIM_CLOUD` value (case-insensitive); nil when unknown.
    public init?(named name: String) {
        guard let cloud = Self.all.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
            return nil
        }
        self = cloud
    }

    /// This cloud with `--graph-url` / `PIM_GRAPH_URL` and `--login-url` / `PIM_LOGIN_URL` applied.
    /// Scopes keep naming the cloud's Graph resource.
    public func overriding(graphURL: URL? = nil, loginURL: URL? = nil) -> GraphCloud {
        var copy = self
        if let graphURL { copy.graphURL = graphURL }
        if let loginURL { copy.loginURL = loginURL }
        return copy
    }

    /// Delegated scopes the client asks for at sign-in (contract E5), plus `offline_access openid profile`
    /// so a refresh token comes back.
    public var signInScopes: [String] {
        let resource = graphResource
        return [
            "RoleEligibilitySchedule.Read.Directory", "RoleAssignmentSchedule.ReadWrite.Directory",
            "RoleManagementPolicy.Read.Directory", "PrivilegedEligibilitySchedule.Read.AzureADGroup",
            "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "RoleManagementPolicy.Read.AzureADGroup",
            "User.Read",
        ].map { "\(resource)/\($0)" } + ["offline_access", "openid", "profile"]
    }

    /// Extra scopes for the tenant audit log (the tenant-wide history).
    public var auditScopes: [String] { ["AuditLog.Read.All", "Directory.Read.All"].map { "\(graphResource)/\($0)" } }
}
