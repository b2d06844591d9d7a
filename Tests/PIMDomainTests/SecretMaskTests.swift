import Foundation
import PIMDomain
import Testing

/// A token pim holds never reaches a message or a screen, whatever its shape: the exact strings in
/// use are masked, and nothing else is.
struct SecretMaskTests {
    /// Unique per run: the remembered secrets are the process's, shared with every other test.
    let token = "EwB" + UUID().uuidString.replacingOccurrences(of: "-", with: "") + "/AAA+=="

    @Test func aRememberedTokenIsMaskedInMessagesNoticesAndScreenText() {
        SecretMask.remember(token)
        let error = PIMError(
            .refused, "Graph refused the request (\"Token \(token) is not valid.\")",
            step: .checkInput)
        #expect(error.event == "Graph refused the request (\"Token [redacted] is not valid.\")")
        var changed = error
        changed.event = "Activating X failed: \(token)"
        #expect(changed.event == "Activating X failed: [redacted]")
        #expect(DisplayText(untrusted: "\(token)\u{1B}[2J").string == "[redacted]␛[2J")
        let request = ElevationRequest(
            id: "r", target: ElevationTarget(id: .role("t"), displayName: "T"), action: .selfActivate,
            status: .provisioned, principal: Principal(id: "p"))
        let result = ActivationResult(request: request, notices: ["echo \(token)"])
        #expect(result.notices == ["echo [redacted]"])
    }

    @Test func onlyTheExactSecretsAreMaskedLongestFirst() {
        #expect(
            SecretMask.masking("a abcdefgh-ijkl b abcdefgh", secrets: ["abcdefgh-ijkl", "abcdefgh"])
                == "a [redacted] b [redacted]")
        #expect(SecretMask.masking("nothing here", secrets: ["abcdefgh"]) == "nothing here")
        SecretMask.remember("short")
        #expect(
            SecretMask.mask("a short word") == "a short word", "strings under 8 characters are not taken for tokens")
    }

    @Test func aSecretIsFoundAnywhereAfterFalseStarts() {
        let secret = "aaaab-token"
        #expect(SecretMask.masking("aaaaaab-token", secrets: [secret]) == "aa[redacted]")
        #expect(SecretMask.masking("xaaaab-toke", secrets: [secret]) == "xaaaab-toke")
        #expect(SecretMask.masking("é aaaab-token é", secrets: [secret]) == "é [redacted] é")
        #expect(SecretMask.masking("aaaab-token", secrets: [secret]) == "[redacted]")
        #expect(SecretMask.masking("", secrets: [secret]) == "")
    }
}
