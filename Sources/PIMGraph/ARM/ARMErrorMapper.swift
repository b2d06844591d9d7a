import Foundation
import PIMDomain

/// Turns a failed Azure Resource Manager response into a `PIMError` (contract §9): ARM's `CloudError`
/// envelope `{"error":{"code","message"}}`, the PIM codes it shares with Graph, its own front-door codes
/// (`AuthorizationFailed`, `InvalidAuthenticationTokenAudience`) and `x-ms-request-id` for support.
/// Service text is sanitised before it is quoted.
enum ARMErrorMapper {
    static func map(_ response: HTTPResponse) -> PIMError {
        let envelope = try? JSONDecoder().decode(GraphErrorEnvelope.self, from: response.body)
        let code = envelope?.error.code.flatMap { $0.isEmpty ? nil : $0 }
        let message = envelope?.error.message ?? ""
        let requestId = response.header("x-ms-request-id") ?? envelope?.error.innerError?.requestId
        func error(
            _ kind: PIMError.Kind, _ text: String, _ step: NextStep, rules: [PolicyRule] = [],
            claims: String? = nil
        ) -> PIMError {
            PIMError(
                kind, text, step: step, graphCode: code, requestId: requestId, httpStatus: response.status,
                failedRules: rules, claims: claims)
        }
        let quoted = GraphErrorMapper.quote(message)

        switch code?.lowercased() {
        case "roleassignmentrequestpolicyvalidationfailed":
            let rules = GraphErrorMapper.policyRules(in: message)
            guard !rules.isEmpty else {
                return error(.refused, "Azure Resource Manager refused the request under its policy\(quoted).", .none)
            }
            let claims = rules.contains(.mfa) ? GraphErrorMapper.mfaClaims : nil
            return error(.refused, "", .satisfyRules(rules), rules: rules, claims: claims)
        case "roleassignmentrequestacrsvalidationfailed":
            return error(
                .signInRequired, "This activation requires a Conditional Access authentication context",
                .signIn(.stepUp), rules: [.authenticationContext],
                claims: GraphErrorMapper.claimsParameter(in: message))
        case "roleassignmentexists":
            return error(
                .alreadyExists, "This Azure role is already active for you (or an identical request exists)",
                .seeActiveOrDeactivate)
        case "activedurationtooshort", "activedurationtoosmall":
            return error(
                .refused, "An activation cannot be ended within 5 minutes of its start",
                .tryAgainLater(.inAFewMinutes))
        case "roleassignmentdoesnotexist":
            return error(.notFound, "Nothing is active to deactivate", .seeWhatIsActive)
        case "authorizationfailed":
            return error(.forbidden, forbiddenSentence(message), .getPermission)
        case "invalidauthenticationtokenaudience":
            return error(
                .signInRequired, "Azure Resource Manager refused the token: it was issued for another service",
                .getAzureAccess(.tokenRefused))
        default:
            break
        }

        if let shared = SharedStatusErrors.words(
            response, quoted: quoted, service: "Azure Resource Manager", endpoint: .arm)
        {
            return error(shared.kind, shared.text, shared.step)
        }
        switch response.status {
        case 401:
            if let claims = GraphErrorMapper.insufficientClaims(response.header("WWW-Authenticate")) {
                return error(
                    .signInRequired, "Azure Resource Manager asks for a stronger sign-in", .signIn(.stepUp),
                    claims: claims)
            }
            return error(
                .signInRequired, "Azure Resource Manager did not accept the token (missing, expired or revoked)",
                .getAzureAccess(.tokenRefused))
        case 403:
            return error(.forbidden, "Azure Resource Manager refused this for your account\(quoted)", .getPermission)
        case 404:
            return error(
                .notFound, "Azure Resource Manager does not know this object\(quoted)", .refresh(.mayBeGone))
        case 500...599:
            return error(
                .service,
                "Azure Resource Manager answered with a server error (HTTP \(response.status))\(quoted)",
                .tryAgainLater(.inAFewMinutes))
        case 400...499:
            let detail = code.map { ", \(Sanitizer.sanitize($0))" } ?? ""
            return error(
                .refused, "Azure Resource Manager refused the request (HTTP \(response.status)\(detail))\(quoted)",
                .checkInput)
        default:
            return error(
                .other, "Azure Resource Manager answered with an unexpected status (HTTP \(response.status))",
                .tryAgainThenInspect(report: false))
        }
    }

    /// `AuthorizationFailed` in one sentence naming what was refused where: "… does not have authorization to
    /// perform action 'X' over scope 'Y' …" → "You have no right to X at Y".
    static func forbiddenSentence(_ message: String) -> String {
        let action = quotedValue(after: "perform action", in: message)
        let scope = quotedValue(after: "over scope", in: message)
        switch (action, scope) {
        case (let action?, let scope?):
            return "Azure Resource Manager refused this: your account may not \(action) at \(scope)"
        case (nil, let scope?):
            return "Azure Resource Manager refused this: your account has no right to it at \(scope)"
        default:
            return "Azure Resource Manager refused this for your account\(GraphErrorMapper.quote(message))"
        }
    }

    /// The text between the quotes after `marker` (`over scope '/subscriptions/…'`), sanitised.
    static func quotedValue(after marker: String, in message: String) -> String? {
        guard let found = message.range(of: marker, options: .caseInsensitive),
            let open = message[found.upperBound...].firstIndex(of: "'")
        else { return nil }
        let rest = message[message.index(after: open)...]
        guard let close = rest.firstIndex(of: "'") else { return nil }
        let value = String(rest[..<close])
        guard !value.isEmpty else { return nil }
        return Sanitizer.sanitize(String(value.prefix(300)))
    }

    /// A 409 on an approval decision, or a stage found closed: another approver decided first.
    static func decided(_ error: PIMError) -> PIMError { GraphErrorMapper.decided(error) }
}
