import Foundation
import PIMDomain

/// An Azure Resource Manager token for the account `pim login` signed in with: its refresh token redeemed
/// for the cloud's ARM scope at the same token endpoint, with the same client id (ARM contract §11.2; refresh
/// tokens are bound to user and client, not to a resource). The ARM token is cached beside the sign-in's
/// (same private file, its own key, so it never reaches Graph) and renewed when it expires. A claims
/// challenge from ARM, or a refusal that needs the user (MFA, Conditional Access), is one interactive
/// device-code sign-in for the ARM scope, as Graph's step-up is.
public actor ARMAccountTokenProvider: TokenProvider, ARMTokenSource {
    let signIn: DeviceCodeSignIn
    let platform: IdentityPlatform
    let scopes: [String]
    let cache: TokenCache?
    let cacheKey: String
    private var current: TokenCache.Entry?
    private var pending: Task<TokenCache.Entry, any Error>?
    /// The step-up running now and the claims it answers: a second challenge with the same claims waits for it.
    private var stepUp: (claims: String, task: Task<TokenCache.Entry, any Error>)?
    /// Why the last ARM tokens received could not be cached; nil when they were (or no cache is used).
    public private(set) var saveProblem: PrivateFileError?

    /// - Parameters:
    ///   - signIn: the account's Graph sign-in; its login host, tenant, client id, cache, transport, clock,
    ///     terminal and prompt are this provider's too, and its refresh token is the one redeemed.
    ///   - cloud: gives the ARM resource the token is asked for (`armScopes`).
    public init(signIn: DeviceCodeSignIn, cloud: GraphCloud) {
        self.signIn = signIn
        self.platform = signIn.platform
        self.scopes = cloud.armScopes
        self.cache = signIn.cache
        self.cacheKey = TokenCache.resourceKey(
            loginURL: signIn.loginURL, tenant: signIn.tenant, clientId: signIn.clientId, resource: cloud.armResource)
    }

    public func accessToken(claims: String?) async throws -> String {
        do { return try await armToken(claims: claims) } catch { throw error.error }
    }

    func armToken(claims: String?) async throws(ARMTokenFailure) -> String {
        if let claims { return try await steppedUp(claims).accessToken }
        do {
            // Calls arriving while a renewal runs wait for it (the actor is re-entrant across awaits).
            if let pending { return try await pending.value.accessToken }
            if current == nil { current = try cache?.load(key: cacheKey).map(DeviceCodeSignIn.remembered) }
            if let entry = current, entry.expiresAt.timeIntervalSince(platform.clock.now()) > 300 {
                return entry.accessToken
            }
            let task = Task { () async throws -> TokenCache.Entry in try await self.renewed() }
            pending = task
            defer { pending = nil }
            return try await task.value.accessToken
        } catch {
            throw Self.failure(error)
        }
    }

    /// ARM refused the access token: renew it before it is used again.
    public func tokenRejected(_ token: String) async {
        guard var entry = current, entry.accessToken == token else { return }
        entry.expiresAt = .distantPast
        current = entry
    }

    /// Redeems a refresh token: this provider's own (rotated by earlier redemptions) first, then the sign-in's.
    private func renewed() async throws -> TokenCache.Entry {
        var candidates: [String] = []
        for token in [current?.refreshToken, try await signIn.heldRefreshToken()] {
            if let token, !candidates.contains(token) { candidates.append(token) }
        }
        guard !candidates.isEmpty else { throw Self.notSignedIn }
        var failure = Self.notSignedIn
        for refreshToken in candidates {
            let redemption: IdentityPlatform.Redemption
            do { redemption = try await platform.redeem(refreshToken, scopes: scopes) } catch {
                let wrapped = PIMError.wrap(error)
                throw ARMTokenFailure(
                    clause: "the sign-in host could not be reached", problem: .noToken, error: wrapped,
                    transient: wrapped.kind == .network)
            }
            switch redemption {
            case .granted(let grant): return keep(grant, redeemed: refreshToken)
            case .refused(let refusal):
                switch ARMRefusal(refusal) {
                case .expired:
                    // The other refresh token may still be good (a newer sign-in than this cache's).
                    failure = Self.expired(refusal)
                    continue
                case .interactionRequired:
                    return try await interactive(claims: refusal.claims, reason: Self.interactionRequired(refusal))
                case .notConsented: throw Self.notConsented(refusal)
                case .unavailable: throw Self.unavailable(refusal)
                case .other: throw Self.refused(refusal)
                }
            }
        }
        throw failure
    }

    /// One device-code sign-in for the ARM scope with `claims`; the same claims asked again while it runs
    /// wait for it instead of showing a second code.
    private func steppedUp(_ claims: String) async throws(ARMTokenFailure) -> TokenCache.Entry {
        do {
            if let stepUp, stepUp.claims == claims { return try await stepUp.task.value }
            if let pending { _ = try? await pending.value }
            let task = Task { () async throws -> TokenCache.Entry in
                try await self.interactive(
                    claims: claims,
                    reason: ARMTokenFailure(
                        clause: "Azure Resource Manager asks the signed-in account for a stronger sign-in",
                        problem: .noToken, error: DeviceCodeSignIn.needsTerminal(stepUp: true)))
            }
            stepUp = (claims, task)
            defer { stepUp = nil }
            return try await task.value
        } catch {
            throw Self.failure(error)
        }
    }

    /// The interactive sign-in for the ARM scope; `reason` when nobody can enter a code.
    private func interactive(claims: String?, reason: ARMTokenFailure) async throws -> TokenCache.Entry {
        guard signIn.interactive else { throw reason }
        do {
            let grant = try await platform.deviceCodeGrant(scopes: scopes, claims: claims, prompt: signIn.prompt)
            return keep(grant, redeemed: nil)
        } catch let error as PIMError {
            throw ARMTokenFailure(
                clause: "the sign-in for Azure Resource Manager did not complete", problem: .noToken, error: error,
                transient: error.kind == .network)
        }
    }

    private func keep(_ grant: IdentityPlatform.Grant, redeemed: String?) -> TokenCache.Entry {
        let entry = DeviceCodeSignIn.remembered(grant.entry(at: platform.clock.now(), keeping: redeemed))
        current = entry
        do {
            try cache?.store(entry, key: cacheKey)
            saveProblem = nil
        } catch {
            // The token works; only remembering it failed: keep it in memory, the next run redeems again.
            saveProblem = error
        }
        return entry
    }

    private static func failure(_ error: any Error) -> ARMTokenFailure {
        if let failure = error as? ARMTokenFailure { return failure }
        let wrapped = PIMError.wrap(error)
        return ARMTokenFailure(
            clause: "the signed-in account's tokens could not be read", problem: .noToken, error: wrapped,
            transient: wrapped.kind == .network)
    }

    static let notSignedIn = ARMTokenFailure(
        clause: "no account is signed in", problem: .noToken,
        error: PIMError(.signInRequired, "No account is signed in", step: .signIn(.expired)))

    static func expired(_ refusal: IdentityPlatform.Refusal) -> ARMTokenFailure {
        ARMTokenFailure(
            clause: "the signed-in account's sign-in has expired", problem: .noToken,
            error: PIMError(
                .signInRequired, "Your sign-in has expired\(detail(refusal))", step: .signIn(.expired),
                graphCode: refusal.error, httpStatus: refusal.status))
    }

    static func notConsented(_ refusal: IdentityPlatform.Refusal) -> ARMTokenFailure {
        ARMTokenFailure(
            clause: "the signed-in account's client is not allowed Azure Resource Manager tokens in this tenant",
            problem: .notConsented,
            error: PIMError(
                .signInRequired,
                "The signed-in account's client is not allowed Azure Resource Manager tokens in this tenant"
                    + detail(refusal), step: .getAzureAccess(.notConsented), graphCode: refusal.error,
                httpStatus: refusal.status))
    }

    static func interactionRequired(_ refusal: IdentityPlatform.Refusal) -> ARMTokenFailure {
        ARMTokenFailure(
            clause: "Azure Resource Manager asks the signed-in account for a stronger sign-in", problem: .noToken,
            error: PIMError(
                .signInRequired,
                "Azure Resource Manager asks for a stronger sign-in, which needs a terminal" + detail(refusal),
                step: .signInFromTerminal(tenant: nil, otherwise: .runInTerminal), graphCode: refusal.error,
                httpStatus: refusal.status))
    }

    static func unavailable(_ refusal: IdentityPlatform.Refusal) -> ARMTokenFailure {
        ARMTokenFailure(
            clause: "the identity platform did not answer", problem: .noToken,
            error: PIMError(
                .service,
                "The identity platform did not give an Azure Resource Manager token (HTTP \(refusal.status))",
                step: .tryAgainLater(.later), httpStatus: refusal.status),
            transient: true)
    }

    static func refused(_ refusal: IdentityPlatform.Refusal) -> ARMTokenFailure {
        let code = refusal.codes.first.map { "AADSTS\($0)" } ?? refusal.error ?? "HTTP \(refusal.status)"
        return ARMTokenFailure(
            clause: "the identity platform refused the signed-in account an Azure Resource Manager token (\(code))",
            problem: .noToken,
            error: PIMError(
                .signInRequired,
                "The identity platform refused an Azure Resource Manager token for the signed-in account"
                    + detail(refusal), step: .getAzureAccess(.noToken), graphCode: refusal.error,
                httpStatus: refusal.status))
    }

    /// The identity platform's own first line, in parentheses (sanitised when it was read).
    private static func detail(_ refusal: IdentityPlatform.Refusal) -> String {
        refusal.description.map { " (\($0))" } ?? ""
    }
}

/// What a refused refresh-token redemption for ARM means (ARM contract §11.2).
enum ARMRefusal: Equatable {
    /// No consent for Azure Service Management, a Microsoft client not preauthorised, or an app
    /// registration without the ARM permission (AADSTS65001, 65002, 650057, `consent_required`).
    case notConsented
    /// The refresh token expired or was revoked (AADSTS70008, 700082, or another `invalid_grant`).
    case expired
    /// MFA or Conditional Access needs the user (`interaction_required`, AADSTS50076/50079).
    case interactionRequired
    /// The identity platform failed or throttled (5xx, 429, or no OAuth error at all).
    case unavailable
    /// Anything else (`invalid_scope`, `unauthorized_client`, …).
    case other

    static let consentCodes: Set = [65001, 65002, 650057]
    static let multiFactorCodes: Set = [50076, 50079]

    init(_ refusal: IdentityPlatform.Refusal) {
        let codes = Set(refusal.codes)
        if refusal.suberror == "consent_required" || !codes.isDisjoint(with: Self.consentCodes) {
            self = .notConsented
        } else if refusal.error == "interaction_required" || !codes.isDisjoint(with: Self.multiFactorCodes)
            || ["basic_action", "additional_action"].contains(refusal.suberror ?? "")
        {
            self = .interactionRequired
        } else if refusal.error == "invalid_grant" {
            self = .expired
        } else if refusal.status >= 500 || refusal.status == 429 || refusal.error == nil {
            self = .unavailable
        } else {
            self = .other
        }
    }
}
