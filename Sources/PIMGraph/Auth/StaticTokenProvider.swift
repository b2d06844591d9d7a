import Foundation
import PIMDomain

/// A bearer token used as is (`PIM_ACCESS_TOKEN`): no sign-in, no cache, no refresh.
public struct StaticTokenProvider: TokenProvider {
    private let token: String

    public init(token: String) { self.token = token.trimmingCharacters(in: .whitespacesAndNewlines) }

    public func accessToken(claims: String?) async throws -> String {
        guard claims == nil else {
            throw PIMError(
                .signInRequired,
                "The service asks for a stronger sign-in (MFA or an authentication context), "
                    + "which the token in PIM_ACCESS_TOKEN cannot provide",
                step: .replaceAccessToken(.cannotStepUp))
        }
        guard !token.isEmpty else {
            throw PIMError(.signInRequired, "PIM_ACCESS_TOKEN is empty", step: .replaceAccessToken(.empty))
        }
        return token
    }
}
