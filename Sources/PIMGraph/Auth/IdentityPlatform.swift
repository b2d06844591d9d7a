import Foundation
import PIMDomain

/// The identity platform's v2.0 endpoints for one authority, tenant and client: the device authorization
/// grant (RFC 8628) and the refresh-token grant. Graph's sign-in and the ARM token of the same account both
/// go through it, so the form, the host a secret goes to and the bounds on the service's numbers are one.
struct IdentityPlatform: Sendable {
    let loginURL: URL
    /// Tenant id or domain; `organizations` when unknown.
    let tenant: String
    let clientId: String
    let transport: any Transport
    let clock: any GraphClock

    /// What a successful token answer gave.
    struct Grant: Sendable {
        var accessToken: String
        var refreshToken: String?
        /// Seconds the access token is trusted, already bounded.
        var expiresIn: Int
        var scope: String?

        /// The cache entry for this grant received at `now`; an answer without a refresh token keeps `previous`.
        func entry(at now: Date, keeping previous: String?) -> TokenCache.Entry {
            TokenCache.Entry(
                accessToken: accessToken, refreshToken: refreshToken ?? previous,
                expiresAt: now.addingTimeInterval(Double(expiresIn)), scope: scope)
        }
    }

    /// Why the token endpoint did not grant a refresh-token redemption: its OAuth error, Entra's sub-error
    /// and AADSTS numbers (ARM contract §11.2), and the claims a Conditional Access refusal asks for.
    struct Refusal: Sendable {
        var status: Int
        var error: String?
        var suberror: String?
        var codes: [Int]
        /// The first line of `error_description`, sanitised (Entra appends trace and correlation ids).
        var description: String?
        var claims: String?
    }

    enum Redemption: Sendable {
        case granted(Grant)
        case refused(Refusal)
    }

    /// The refresh-token grant for `scopes` (any resource the client may have: refresh tokens are bound to
    /// the user and client, not to a resource).
    func redeem(_ refreshToken: String, scopes: [String]) async throws -> Redemption {
        let answer = try await post(
            "token",
            [
                "grant_type": "refresh_token", "client_id": clientId,
                "refresh_token": refreshToken, "scope": scopes.joined(separator: " "),
            ])
        let body = Self.object(answer.body)
        if answer.status == 200, body["access_token"] is String { return .granted(Self.grant(body)) }
        return .refused(Self.refusal(status: answer.status, body))
    }

    /// An interactive device-code sign-in for `scopes`, with `claims` when a step-up was asked for; the
    /// code and its address go to `prompt`. Returns the tokens once the user has signed in.
    func deviceCodeGrant(
        scopes: [String], claims: String?, prompt: @Sendable (DeviceCodePrompt) -> Void
    ) async throws -> Grant {
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
            if poll.status == 200, reply["access_token"] is String { return Self.grant(reply) }
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

    /// One form POST to `{login}/{tenant}/oauth2/v2.0/{endpoint}`: the only place a refresh token, device
    /// code or client id leaves the client, and only for the cloud's (or the chosen) login host.
    func post(_ endpoint: String, _ form: [String: String]) async throws -> HTTPResponse {
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

    static func grant(_ body: [String: Any]) -> Grant {
        Grant(
            accessToken: body["access_token"] as? String ?? "", refreshToken: body["refresh_token"] as? String,
            expiresIn: clamped(body["expires_in"], default: 3600, to: 0...longestTokenLife),
            scope: body["scope"] as? String)
    }

    static func refusal(status: Int, _ body: [String: Any]) -> Refusal {
        var codes = ((body["error_codes"] as? [Any]) ?? []).compactMap { int($0) }
        let line = (body["error_description"] as? String)?.split(separator: "\r\n").first.map(String.init)
        // Older answers carry the number only in the description ("AADSTS65001: …").
        if codes.isEmpty, let line, line.hasPrefix("AADSTS"),
            let number = Int(line.dropFirst(6).prefix { $0.isASCII && $0.isNumber })
        {
            codes = [number]
        }
        return Refusal(
            status: status, error: body["error"] as? String, suberror: body["suberror"] as? String, codes: codes,
            description: line.map { Sanitizer.sanitize(ServiceText.capped($0)) },
            claims: (body["claims"] as? String).flatMap { $0.isEmpty ? nil : $0 })
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
