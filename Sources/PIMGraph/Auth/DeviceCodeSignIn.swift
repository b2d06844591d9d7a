import Foundation
import PIMDomain

/// Signs in with the OAuth 2.0 device authorization grant (RFC 8628) against the Microsoft identity
/// platform, keeps the tokens in a `TokenCache`, refreshes them, and signs in again with claims when
/// the service asks for a stronger sign-in.
public actor DeviceCodeSignIn: TokenProvider {
    /// Microsoft Graph Command Line Tools: a public client that can be granted the PIM scopes.
    public static let defaultClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e"

    let loginURL: URL
    let tenant: String
    let clientId: String
    let scopes: [String]
    let transport: any Transport
    let cache: TokenCache?
    let clock: any GraphClock
    let prompt: @Sendable (DeviceCodePrompt) -> Void
    /// Whether someone can enter a device code. Without a terminal a token that cannot be renewed,
    /// or a step-up, ends at once with the advice to sign in from a terminal, instead of a code nobody sees.
    let interactive: Bool
    private var current: TokenCache.Entry?
    private var pending: Task<TokenCache.Entry, any Error>?
    /// Why the last tokens received could not be cached; nil when they were (or no cache is used).
    public private(set) var saveProblem: PrivateFileError?

    /// - Parameters:
    ///   - loginURL: the authority host (the cloud's, or `--login-url` / `PIM_LOGIN_URL`).
    ///   - tenant: tenant id or domain; `organizations` when unknown (work accounts only).
    ///   - scopes: e.g. `GraphCloud.signInScopes`.
    ///   - cache: where tokens persist between runs; nil keeps them in memory only.
    ///   - prompt: shows the code and URL to the user.
    ///   - interactive: false when nobody can enter a code (no terminal); `signIn()` still runs.
    public init(
        loginURL: URL, tenant: String? = nil, clientId: String? = nil, scopes: [String],
        transport: any Transport, cache: TokenCache?, clock: any GraphClock = SystemClock(),
        interactive: Bool = true, prompt: @escaping @Sendable (DeviceCodePrompt) -> Void
    ) {
        self.loginURL = loginURL
        self.tenant = (tenant?.isEmpty == false ? tenant : nil) ?? "organizations"
        self.clientId = (clientId?.isEmpty == false ? clientId : nil) ?? Self.defaultClientId
        self.scopes = scopes
        self.transport = transport
        self.cache = cache
        self.clock = clock
        self.prompt = prompt
        self.interactive = interactive
    }

    /// The cache key: one sign-in per authority, tenant and client.
    var cacheKey: String { TokenCache.signInKey(loginURL: loginURL, tenant: tenant, clientId: clientId) }

    /// The token endpoints this sign-in talks to.
    nonisolated var platform: IdentityPlatform {
        IdentityPlatform(loginURL: loginURL, tenant: tenant, clientId: clientId, transport: transport, clock: clock)
    }

    public func accessToken(claims: String?) async throws -> String {
        // Calls arriving while a sign-in or refresh runs wait for it instead of starting another
        // (the actor is re-entrant across the awaits below).
        // A step-up (claims) must not be answered with an ordinary token: it waits, then signs in itself.
        if let pending {
            if claims == nil { return try await pending.value.accessToken }
            _ = try? await pending.value
        }
        if claims == nil {
            if current == nil { current = try cache?.load(key: cacheKey).map(Self.remembered) }
            if let entry = current, entry.expiresAt.timeIntervalSince(clock.now()) > 300 { return entry.accessToken }
        }
        let refreshToken = claims == nil ? current?.refreshToken : nil
        let task = Task { () async throws -> TokenCache.Entry in
            if let refreshToken, let renewed = try await self.refreshed(refreshToken) { return renewed }
            guard self.interactive else { throw Self.needsTerminal(stepUp: claims != nil) }
            return try await self.signIn(claims: claims)
        }
        pending = task
        defer { pending = nil }
        return try await task.value.accessToken
    }

    /// An interactive sign-in (the sign-in command), with `claims` when a step-up was asked for.
    @discardableResult
    public func signIn(claims: String? = nil) async throws -> TokenCache.Entry {
        keep(try await platform.deviceCodeGrant(scopes: scopes, claims: claims, prompt: prompt))
    }

    /// Graph refused the access token: treat it as expired so the next call refreshes it (the refresh
    /// token, when there is one, usually still works).
    public func tokenRejected(_ token: String) async {
        guard var entry = current, entry.accessToken == token else { return }
        entry.expiresAt = .distantPast
        current = entry
    }

    /// The refresh-token grant; nil when the refresh token is no longer accepted (sign in again).
    func refreshed(_ refreshToken: String) async throws -> TokenCache.Entry? {
        guard case .granted(let grant) = try await platform.redeem(refreshToken, scopes: scopes) else { return nil }
        return keep(grant)
    }

    /// The refresh token of this sign-in (in memory, else cached), for redeeming it for another resource
    /// (Azure Resource Manager); nil when nobody signed in.
    func heldRefreshToken() throws(PIMError) -> String? {
        if current == nil { current = try cache?.load(key: cacheKey).map(Self.remembered) }
        return current?.refreshToken
    }

    private func keep(_ grant: IdentityPlatform.Grant) -> TokenCache.Entry {
        let entry = grant.entry(at: clock.now(), keeping: current?.refreshToken)
        current = Self.remembered(entry)
        do {
            try cache?.store(entry, key: cacheKey)
            saveProblem = nil
        } catch {
            // The sign-in worked; only remembering it failed. Keep going with the token in memory;
            // The sign-in command reports it (the next run would ask again).
            saveProblem = error
        }
        return entry
    }

    /// `entry`, with its tokens added to what is never printed.
    static func remembered(_ entry: TokenCache.Entry) -> TokenCache.Entry {
        SecretMask.remember(entry.accessToken)
        if let refreshToken = entry.refreshToken { SecretMask.remember(refreshToken) }
        return entry
    }

    /// Why no sign-in was started: nobody could enter the code.
    static func needsTerminal(stepUp: Bool) -> PIMError {
        stepUp
            ? PIMError(
                .signInRequired, "The service asks for a stronger sign-in, which needs a terminal",
                step: .signInFromTerminal(tenant: nil, otherwise: .runInTerminal))
            : PIMError(
                .signInRequired, "Your sign-in has expired and cannot be renewed without a terminal",
                step: .signInFromTerminal(tenant: nil, otherwise: .accessToken))
    }
}

extension DeviceCodeSignIn {
    /// A sign-in for `cloud` (its login host, or an override already applied with `GraphCloud.overriding`),
    /// asking for the scopes the client needs (plus the audit scopes when `includeAudit`).
    public init(
        cloud: GraphCloud, tenant: String? = nil, clientId: String? = nil, includeAudit: Bool = false,
        transport: any Transport, cache: TokenCache?, clock: any GraphClock = SystemClock(),
        interactive: Bool = true, prompt: @escaping @Sendable (DeviceCodePrompt) -> Void
    ) {
        self.init(
            loginURL: cloud.loginURL, tenant: tenant, clientId: clientId,
            scopes: cloud.signInScopes + (includeAudit ? cloud.auditScopes : []),
            transport: transport, cache: cache, clock: clock, interactive: interactive, prompt: prompt)
    }
}
