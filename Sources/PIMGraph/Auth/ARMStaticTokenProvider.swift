import Foundation
import PIMDomain

/// An Azure Resource Manager token given as is (`PIM_ARM_ACCESS_TOKEN`): no sign-in, no cache, no renewal.
/// Once ARM refuses it (expired, or for another audience) it is not offered again: the user chose it, so
/// the answer is to replace it, not to quietly use another sign-in.
public actor ARMStaticTokenProvider: TokenProvider, ARMTokenSource {
    private let token: String
    private var refused = false

    public init(token: String) { self.token = token.trimmingCharacters(in: .whitespacesAndNewlines) }

    public func accessToken(claims: String?) async throws -> String {
        do { return try await armToken(claims: claims) } catch { throw error.error }
    }

    func armToken(claims: String?) async throws(ARMTokenFailure) -> String {
        guard claims == nil else {
            throw ARMTokenFailure(
                clause: "the token in PIM_ARM_ACCESS_TOKEN cannot satisfy a stronger sign-in", problem: .tokenRefused,
                error: PIMError(
                    .signInRequired,
                    "Azure Resource Manager asks for a stronger sign-in (MFA or an authentication context), "
                        + "which the token in PIM_ARM_ACCESS_TOKEN cannot provide",
                    step: .replaceAccessToken(.cannotStepUp)),
                final: true)
        }
        guard !token.isEmpty, !refused else {
            let event =
                token.isEmpty
                ? "PIM_ARM_ACCESS_TOKEN is empty"
                : "Azure Resource Manager refused the token in PIM_ARM_ACCESS_TOKEN (expired, or for another audience)"
            throw ARMTokenFailure(
                clause: token.isEmpty
                    ? "PIM_ARM_ACCESS_TOKEN is empty"
                    : "Azure Resource Manager refused the token in PIM_ARM_ACCESS_TOKEN",
                problem: .tokenRefused,
                error: PIMError(.signInRequired, event, step: .getAzureAccess(.tokenRefused)), final: true)
        }
        SecretMask.remember(token)
        return token
    }

    /// ARM answered 401 to this token: it will not get better by sending it again.
    public func tokenRejected(_ rejected: String) async {
        if rejected == token { refused = true }
    }
}
