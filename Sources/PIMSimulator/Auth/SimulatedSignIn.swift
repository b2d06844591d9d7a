import Foundation
import PIMGraph

/// The resource a simulated sign-in's tokens are for: Microsoft Graph or Azure Resource Manager.
/// Each side of the tenant accepts only its own audience, as the real services do.
public enum SimulatedAudience: String, Sendable, Hashable, CaseIterable {
    case graph
    case azureResourceManager

    /// The token's `aud` claim.
    public var value: String {
        switch self {
        case .graph: "https://graph.microsoft.com"
        case .azureResourceManager: "https://management.core.windows.net/"
        }
    }
}

/// Signs a persona in to the simulated tenant. A plain sign-in is password only; a sign-in asked
/// for claims (a claims challenge from MFA or an authentication context) is interactive, so it
/// performs MFA and satisfies every `acrs` value requested — the re-sign-in a real user would do.
public struct SimulatedSignIn: TokenProvider {
    public let persona: Persona
    /// Methods every token of this sign-in carries (e.g. `["pwd", "mfa"]` for a session that already did MFA).
    public let baselineMethods: [String]
    /// Delegated scopes the tokens carry; nil grants every scope pim uses. A list without the PIM
    /// write scopes behaves like an Azure CLI token: writes answer 403 `PermissionScopeNotGranted`.
    public let scopes: [String]?
    /// The resource the tokens are for.
    public let audience: SimulatedAudience

    /// Roughly what `az account get-access-token --resource-type ms-graph` grants: no PIM scopes.
    public static let azureCLIScopes = [
        "Application.ReadWrite.All", "AuditLog.Read.All", "Directory.AccessAsUser.All",
        "Group.ReadWrite.All", "User.ReadWrite.All",
    ]

    public init(
        persona: Persona, baselineMethods: [String] = ["pwd"], scopes: [String]? = nil,
        audience: SimulatedAudience = .graph
    ) {
        self.persona = persona
        self.baselineMethods = baselineMethods
        self.scopes = scopes
        self.audience = audience
    }

    public func accessToken(claims: String?) async throws -> String {
        token(claims: claims)
    }

    /// Synchronous form for tests and tools.
    public func token(claims: String? = nil) -> String {
        var amr = baselineMethods
        var acrs: [String] = []
        if let claims, !claims.isEmpty {
            if !amr.contains("mfa") { amr.append("mfa") }
            acrs = Self.requestedContexts(claims)
        }
        var generator = SystemRandomNumberGenerator()
        return TenantToken(
            objectId: persona.objectId, amr: amr, acrs: acrs, issuedAt: Date(),
            nonce: StableID.random(using: &generator), scopes: scopes, audience: audience.value
        ).encoded()
    }

    /// The `acrs` values of a claims request: `{"access_token":{"acrs":{"essential":true,"value":"c1"}}}`
    /// or with `"values":["c1","c2"]`. Accepts the JSON plain or URL-encoded.
    static func requestedContexts(_ claims: String) -> [String] {
        let text =
            claims.contains("%7B") || claims.contains("%7b") ? (claims.removingPercentEncoding ?? claims) : claims
        guard let json = try? SimJSON.parse(text),
            let acrs = json.member(ignoringCase: "access_token")?.member(ignoringCase: "acrs")
        else { return [] }
        var values: [String] = []
        if let v = acrs["value"]?.stringValue { values.append(v) }
        values += acrs["values"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return values
    }
}
