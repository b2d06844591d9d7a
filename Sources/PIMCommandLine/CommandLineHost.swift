import PIMDomain

/// How to sign in with `pim login`.
public enum LoginMethod: String, Sendable, Hashable {
    case deviceCode, azureCLI
}

/// A user of the simulated tenant one can act as with `--as`.
public struct DemoPersona: Sendable, Hashable {
    public var name: String
    public var displayName: String
    public var userPrincipalName: String?
    /// What this persona does: "requester", "approver", "helpdesk".
    public var summary: String
    public var isDefault: Bool

    public init(
        name: String, displayName: String, userPrincipalName: String? = nil, summary: String,
        isDefault: Bool = false
    ) {
        self.name = name
        self.displayName = displayName
        self.userPrincipalName = userPrincipalName
        self.summary = summary
        self.isDefault = isDefault
    }
}

/// What the command line needs from the executable that is not the PIM service itself: building
/// the service (Graph or the simulated tenant), sign-in and its cache, the demo tenant's state and
/// the full-screen interface. The executable implements it; tests use a fake. Methods throw
/// `PIMError` (or `UsageError`) with sentences that name the next step.
public protocol CommandLineHost: Sendable {
    /// The service the settings describe.
    func makeService(_ settings: GlobalSettings) async throws -> any PIMService
    /// Signs in and caches the tokens; returns a sentence saying who is signed in where.
    func login(
        _ settings: GlobalSettings, method: LoginMethod, includeAudit: Bool, console: Console
    ) async throws -> String
    /// Deletes cached tokens; returns a sentence saying what was removed.
    func logout(_ settings: GlobalSettings) throws -> String
    /// Where pim connects and with what credentials, as label/value pairs (never a token).
    func connectionSummary(_ settings: GlobalSettings) -> [(String, String)]
    /// Starts the simulated tenant afresh; returns a sentence saying so.
    func demoReset(_ settings: GlobalSettings) throws -> String
    func demoPersonas(_ settings: GlobalSettings) -> [DemoPersona]
    /// Runs the full-screen interface until the user quits.
    func runFullScreen(service: any PIMService, settings: GlobalSettings) async -> Int32
    /// Where `notify-send` is on the PATH of `environment`; nil when it is not there.
    func notifySendPath(environment: [String: String]) -> String?
    /// Starts a program with arguments, without a shell, without waiting for it or reading its output.
    func launch(_ path: String, _ arguments: [String])
}

extension CommandLineHost {
    /// A host without desktop programs: notifications go only to a terminal that shows them.
    public func notifySendPath(environment: [String: String]) -> String? { nil }
    public func launch(_ path: String, _ arguments: [String]) {}
}
