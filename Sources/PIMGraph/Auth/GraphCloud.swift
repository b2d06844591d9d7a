import Foundation

/// A Microsoft cloud: its Graph root, its Azure Resource Manager root and its identity platform (Graph
/// contract D7, ARM contract §1.1). Tokens do not travel between clouds, and scopes name the cloud's
/// resources.
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
    /// Azure Resource Manager root without a trailing slash (Azure roles are read and written below it).
    public var armURL: URL
    /// The token audience ARM accepts in this cloud (`active_directory_resource_id`, ending in "/"). It keeps
    /// naming the cloud's resource when `armURL` is overridden.
    public var armResource: String

    /// - Parameters:
    ///   - armURL: the ARM root; the global cloud's when not given.
    ///   - armResource: the ARM token audience; the global cloud's when not given.
    public init(
        name: String, graphURL: URL, loginURL: URL, graphResource: String? = nil, armURL: URL? = nil,
        armResource: String? = nil
    ) {
        self.name = name
        self.graphURL = graphURL
        self.loginURL = loginURL
        self.graphResource =
            graphResource ?? graphURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        self.armURL = armURL ?? Self.globalARM
        self.armResource = armResource ?? "https://management.core.windows.net/"
    }

    private static let globalARM = URL(string: "https://management.azure.com")!
    private static let governmentARM = URL(string: "https://management.usgovcloudapi.net")!

    /// Microsoft Graph global service (also Microsoft 365 GCC moderate).
    public static let global = GraphCloud(
        name: "global", graphURL: URL(string: "https://graph.microsoft.com")!,
        loginURL: URL(string: "https://login.microsoftonline.com")!,
        armURL: globalARM, armResource: "https://management.core.windows.net/")
    /// US Government L4 (GCC High).
    public static let usGov = GraphCloud(
        name: "usgov", graphURL: URL(string: "https://graph.microsoft.us")!,
        loginURL: URL(string: "https://login.microsoftonline.us")!,
        armURL: governmentARM, armResource: "https://management.core.usgovcloudapi.net/")
    /// US Government L5 (DoD). Azure CLI knows no separate DoD cloud: ARM is taken to be US Government's.
    public static let usGovDoD = GraphCloud(
        name: "usgov-dod", graphURL: URL(string: "https://dod-graph.microsoft.us")!,
        loginURL: URL(string: "https://login.microsoftonline.us")!,
        armURL: governmentARM, armResource: "https://management.core.usgovcloudapi.net/")
    /// Microsoft Graph China operated by 21Vianet.
    public static let china = GraphCloud(
        name: "china", graphURL: URL(string: "https://microsoftgraph.chinacloudapi.cn")!,
        loginURL: URL(string: "https://login.partner.microsoftonline.cn")!,
        armURL: URL(string: "https://management.chinacloudapi.cn")!,
        armResource: "https://management.core.chinacloudapi.cn/")

    /// Every cloud `--cloud` accepts.
    public static let all: [GraphCloud] = [.global, .usGov, .usGovDoD, .china]

    /// The cloud for a `--cloud` / `PIM_CLOUD` value (case-insensitive); nil when unknown.
    public init?(named name: String) {
        guard let cloud = Self.all.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
            return nil
        }
        self = cloud
    }

    /// This cloud with `--graph-url` / `PIM_GRAPH_URL`, `--login-url` / `PIM_LOGIN_URL` and `--arm-url` /
    /// `PIM_ARM_URL` applied. Scopes keep naming the cloud's Graph and ARM resources.
    public func overriding(graphURL: URL? = nil, loginURL: URL? = nil, armURL: URL? = nil) -> GraphCloud {
        var copy = self
        if let graphURL { copy.graphURL = graphURL }
        if let loginURL { copy.loginURL = loginURL }
        if let armURL { copy.armURL = armURL }
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

    /// What an ARM token is asked for (ARM contract §11.1): the cloud's resource with `/.default` (the
    /// resource ends in "/", so the scope has a double slash, as the identity platform requires for such
    /// resources and as the Azure CLI asks), plus `offline_access` so a refresh token comes back.
    public var armScopes: [String] { ["\(armResource)/.default", "offline_access"] }
}
