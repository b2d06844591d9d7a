import Foundation

/// What a simulated access token says about its sign-in. The token text is tenant-internal
/// (`pimsim1.<payload>.<check>`): opaque to clients, checked by the tenant on every request.
struct TenantToken: Equatable, Sendable {
    var objectId: String
    /// Authentication methods (`pwd`, `mfa`).
    var amr: [String]
    /// Authentication context class references satisfied (`c1`).
    var acrs: [String]
    var issuedAt: Date
    var nonce: String
    /// Delegated scopes granted; nil means every scope pim asks for was consented.
    var scopes: [String]? = nil
    /// The resource the token is for (`aud`): Graph or Azure Resource Manager.
    var audience: String = SimulatedAudience.graph.value

    var hasMfa: Bool { amr.contains("mfa") }

    private static let prefix = "pimsim1"
    private static let key = "contoso-demo-tenant-signing-key"

    func encoded() -> String {
        var payload: SimJSON = [
            "oid": .string(objectId), "amr": .array(amr.map(SimJSON.string)), "acrs": .array(acrs.map(SimJSON.string)),
            "iat": .number(issuedAt.timeIntervalSince1970.rounded()), "jti": .string(nonce),
            "aud": .string(audience),
        ]
        if let scopes { payload = payload.setting("scp", .string(scopes.joined(separator: " "))) }
        let body = Self.base64url(payload.data)
        return "\(Self.prefix).\(body).\(Self.check(body))"
    }

    /// Nil for anything this tenant did not mint (garbled, truncated, foreign).
    static func decode(_ text: String) -> TenantToken? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[0] == prefix, parts[2] == check(parts[1]),
            let data = fromBase64url(parts[1]), let json = try? SimJSON.parse(data),
            let oid = json["oid"]?.stringValue
        else { return nil }
        return TenantToken(
            objectId: oid,
            amr: json["amr"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            acrs: json["acrs"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            issuedAt: Date(timeIntervalSince1970: json["iat"]?.doubleValue ?? 0),
            nonce: json["jti"]?.stringValue ?? "",
            scopes: json["scp"]?.stringValue.map { $0.split(separator: " ").map(String.init) },
            audience: json["aud"]?.stringValue ?? SimulatedAudience.graph.value)
    }

    private static func check(_ body: String) -> String {
        String(StableID.make(key + body).replacingOccurrences(of: "-", with: "").prefix(24))
    }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func fromBase64url(_ text: String) -> Data? {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        return Data(base64Encoded: s)
    }
}
