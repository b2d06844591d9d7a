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
    var cacheKey: String { "\(loginURL.host ?? loginURL.absoluteString)|\(tenant)|\(clientId)" }

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
        var form = ["client_id": clientId, "scope": scopes.joined(separator: " ")]
        if let claims { form["claims"] = claims }
        let answer = try await post("devicecode", form)
        let body = Self.object(answer.body)
        if let error = body["error"] as? String { throw Self.failure(error, body) }
        guard answer.status == 200, let deviceCode = body["device_code"] as? String,
            let userCode = body["user_code"] as? String
        else {
            throw PIMError(
                .signInRequired, "The identity platform did not start a sign-in (HTTP \(answer.status))",
                step: .checkSignInSettings(includingLoginURL: true))
        }
        SecretMask.remember(deviceCode)
        // The service's numbers are bounded: a broken or hostile answer cannot make the client poll every
        // millisecond or wait for days (Entra gives codes 15 minutes and a 5-second interval).
        let expiresIn = Self.clamped(body["expires_in"], default: 900, to: 1...Self.longestCodeLife)
        var interval = Double(Self.clamped(body["interval"], default: 5, to: 1...60))
        prompt(
            DeviceCodePrompt(
                userCode: userCode,
                verificationURI: (body["verification_uri"] as? String) ?? "https://microsoft.com/devicelogin",
                message: body["message"] as? String, expiresIn: expiresIn))
        let deadline = clock.now().addingTimeInterval(Double(expiresIn))
        while true {
            do { try await clock.sleep(seconds: interval) } catch {
                throw PIMError(.signInRequired, "The sign-in was cancelled", step: .signIn(.restart))
            }
            guard clock.now() < deadline else { throw Self.expired }
            let poll = try await post(
                "token",
                [
                    "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
                    "client_id": clientId, "device_code": deviceCode,
                ])
            let reply = Self.object(poll.body)
            if poll.status == 200, reply["access_token"] is String { return try keep(reply) }
            switch reply["error"] as? String {
            case "authorization_pending": continue
            case "slow_down": interval = min(60, interval + 5)  // RFC 8628 §3.5
            case nil where poll.status >= 500 || poll.status == 429: continue
            case let error?: throw Self.failure(error, reply)
            case nil:
                throw PIMError(
                    .signInRequired, "The identity platform answered the sign-in with HTTP \(poll.status)",
                    step: .signIn(.restart))
            }
        }
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
        let answer = try await post(
            "token",
            [
                "grant_type": "refresh_token", "client_id": clientId,
                "refresh_token": refreshToken, "scope": scopes.joined(separator: " "),
            ])
        let body = Self.object(answer.body)
        guard answer.status == 200, body["access_token"] is String else { return nil }
        return try keep(body)
    }

    private func keep(_ body: [String: Any]) throws -> TokenCache.Entry {
        let entry = TokenCache.Entry(
            accessToken: body["access_token"] as? String ?? "",
            refreshToken: (body["refresh_token"] as? String) ?? current?.refreshToken,
            expiresAt: clock.now().addingTimeInterval(
                Double(Self.clamped(body["expires_in"], default: 3600, to: 0...Self.longestTokenLife))),
            scope: body["scope"] as? String)
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

    private func post(_ endpoint: String, _ form: [String: String]) async throws -> HTTPResponse {
        var root = loginURL.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        let tenantSegment = tenant.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? tenant
        guard let url = URL(string: "\(root)/\(tenantSegment)/oauth2/v2.0/\(endpoint)") else {
            throw PIMError(
                .invalidInput, "The login URL \(Sanitizer.sanitize(root)) is not valid",
                step: .fixEndpoint(.login))
        }
        let request = HTTPRequest(
            method: "POST", url: url,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: Data(Self.formEncode(form).utf8))
        do { return try await transport.send(request) } catch let error as TransportError {
            throw PIMError.signInNetwork(error, host: loginURL.host ?? root)
        }
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

    static let expired = PIMError(
        .signInRequired, "The sign-in code expired before it was used",
        step: .signIn(.restartPromptly))

    static func failure(_ code: String, _ body: [String: Any]) -> PIMError {
        switch code {
        case "expired_token", "code_expired": return expired
        case "access_denied", "authorization_declined":
            return PIMError(
                .signInRequired, "The sign-in was declined in the browser",
                step: .signIn(.restartAndApprove), graphCode: code)
        case "bad_verification_code":
            return PIMError(
                .signInRequired, "The identity platform did not recognise the sign-in code",
                step: .signIn(.restart), graphCode: code)
        default:
            let description =
                ((body["error_description"] as? String) ?? code).split(separator: "\r\n").first.map(String.init) ?? code
            return PIMError(
                .signInRequired, "Sign-in failed (\(Sanitizer.sanitize(description)))",
                step: .checkSignInSettings(includingLoginURL: false), graphCode: code)
        }
    }

    static func object(_ data: Data) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
    }

    static func int(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        if let text = value as? String { return Int(text) }
        if let number = value as? Double, number.isFinite, abs(number) < 1e15 { return Int(number) }
        return nil
    }

    /// The longest a device code is waited for (30 minutes) and an access token trusted (24 hours).
    static let longestCodeLife = 1800
    static let longestTokenLife = 86_400

    /// A number from the identity platform, kept within `range` (a missing one is `fallback`).
    static func clamped(_ value: Any?, default fallback: Int, to range: ClosedRange<Int>) -> Int {
        min(max(int(value) ?? fallback, range.lowerBound), range.upperBound)
    }

    static func formEncode(_ form: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return form.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
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
