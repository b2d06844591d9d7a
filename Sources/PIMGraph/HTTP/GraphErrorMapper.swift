import Foundation
import PIMDomain

/// Turns a failed Graph response into a `PIMError`: what happened, and the next step as data.
/// The Graph code and request id are kept for support; service text is sanitised before it is quoted.
enum GraphErrorMapper {
    /// Claims that ask for a multi-factor sign-in (the community practice for `MfaRule`, which carries none).
    static let mfaClaims = #"{"access_token":{"amr":{"values":["mfa"]}}}"#

    static func map(_ response: HTTPResponse) -> PIMError {
        let envelope = try? JSONDecoder().decode(GraphErrorEnvelope.self, from: response.body)
        let code = envelope?.error.code.flatMap { $0.isEmpty ? nil : $0 }
        let message = envelope?.error.message ?? ""
        let requestId = envelope?.error.innerError?.requestId ?? response.header("request-id")
        func error(
            _ kind: PIMError.Kind, _ text: String, _ step: NextStep, rules: [PolicyRule] = [],
            claims: String? = nil
        ) -> PIMError {
            PIMError(
                kind, text, step: step, graphCode: code, requestId: requestId, httpStatus: response.status,
                failedRules: rules, claims: claims)
        }
        let quoted = quote(message)

        switch code?.lowercased() {
        case "roleassignmentrequestpolicyvalidationfailed":
            let rules = policyRules(in: message)
            let claims = rules.contains(.mfa) ? mfaClaims : nil
            guard !rules.isEmpty else {
                return error(.refused, "The service refused the request under its policy\(quoted).", .none)
            }
            return error(.refused, "", .satisfyRules(rules), rules: rules, claims: claims)
        case "roleassignmentrequestacrsvalidationfailed":
            let claims = claimsParameter(in: message)
            return error(
                .signInRequired, "This activation requires a Conditional Access authentication context",
                .signIn(.stepUp), rules: [.authenticationContext], claims: claims)
        case "roleassignmentexists":
            return error(
                .alreadyExists,
                "This role or group is already active for you (or an identical request exists)",
                .seeActiveOrDeactivate)
        case "pendingroleassignmentrequest":
            return error(.alreadyExists, "A request for this role or group is already pending", .seePendingOrCancel)
        case "activedurationtoosmall", "activedurationtooshort":
            return error(
                .refused, "An activation cannot be ended within 5 minutes of its start",
                .tryAgainLater(.inAFewMinutes))
        case "roleassignmentdoesnotexist":
            return error(.notFound, "Nothing is active to deactivate", .seeWhatIsActive)
        case "invalidroleassignmentrequest":
            return error(.invalidInput, "The service found the request invalid\(quoted)", .checkRequestDetails)
        default:
            break
        }

        if let shared = SharedStatusErrors.words(response, quoted: quoted, service: "Graph", endpoint: .graph) {
            return error(shared.kind, shared.text, shared.step)
        }
        switch response.status {
        case 401:
            if let claims = insufficientClaims(response.header("WWW-Authenticate")) {
                return error(
                    .signInRequired, "The service asks for a stronger sign-in", .signIn(.stepUp),
                    claims: claims)
            }
            return error(
                .signInRequired, "Your sign-in is missing, expired or not accepted by Graph",
                .signIn(.expired))
        case 403:
            if let scope = missingScope(in: message) {
                return PIMError(
                    .forbidden,
                    "The token lacks the permission \(scope) (the Azure CLI token cannot do PIM writes)",
                    step: .signIn(.ownSignIn), graphCode: "PermissionScopeNotGranted", requestId: requestId,
                    httpStatus: 403)
            }
            return error(.forbidden, "Graph refused this for your account\(quoted)", .getPermission)
        case 404:
            return error(.notFound, "The service does not know this object\(quoted)", .refresh(.mayBeGone))
        case 503, 504:
            return error(
                .service,
                "Graph answered with a server error (HTTP \(response.status)) after retries\(quoted)",
                .tryAgainLater(.inAFewMinutes))
        case 500...599:
            // 500 and 502 are not retried (the service may have acted): do not claim it was.
            return error(
                .service, "Graph answered with a server error (HTTP \(response.status))\(quoted)",
                .tryAgainLater(.inAFewMinutes))
        case 400...499:
            let detail = code.map { ", \(Sanitizer.sanitize($0))" } ?? ""
            return error(.refused, "Graph refused the request (HTTP \(response.status)\(detail))\(quoted)", .checkInput)
        default:
            return error(
                .other, "Graph answered with an unexpected status (HTTP \(response.status))",
                .tryAgainThenInspect(report: false))
        }
    }

    /// A 409 on an approval decision: another approver decided first.
    static func decided(_ error: PIMError) -> PIMError {
        guard error.httpStatus == 409 else { return error }
        var decided = error
        decided.kind = .alreadyDecided
        decided.event = "This request was already decided by someone else"
        decided.step = .refresh(.decidedElsewhere)
        return decided
    }

    /// The rule names inside `The following policy rules failed: ["JustificationRule","TicketingRule"]`.
    static func policyRules(in message: String) -> [PolicyRule] {
        var names: [String] = []
        if let open = message.firstIndex(of: "["), let close = message[open...].firstIndex(of: "]"),
            let data = String(message[open...close]).data(using: .utf8),
            let list = try? JSONSerialization.jsonObject(with: data) as? [String]
        {
            names = list
        } else {
            // Unquoted or free-form text: take every word ending in "Rule".
            let words = message.split { !$0.isLetter && !$0.isNumber }
            names = words.map(String.init).filter { $0.hasSuffix("Rule") && $0.count > 4 }
        }
        var seen: [PolicyRule] = []
        for name in names where !name.isEmpty {
            // An unknown rule name is quoted in the message the user reads: service text, so sanitised.
            let rule = PolicyRule(serviceName: Sanitizer.sanitize(name))
            if !seen.contains(rule) { seen.append(rule) }
        }
        return seen
    }

    /// The `claims=` value inside an authentication-context failure, URL-decoded.
    static func claimsParameter(in message: String) -> String? {
        guard let range = message.range(of: "claims=") else { return nil }
        var value = message[range.upperBound...]
        if let end = value.firstIndex(where: { $0 == "&" || $0 == "\"" || $0 == " " || $0 == "\n" }) {
            value = value[..<end]
        }
        let decoded = String(value).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(value)
        return decoded.isEmpty ? nil : decoded
    }

    /// The claims of a `WWW-Authenticate: Bearer …, error="insufficient_claims", claims="<base64>"` challenge.
    static func insufficientClaims(_ header: String?) -> String? {
        guard let header, header.range(of: "insufficient_claims", options: .caseInsensitive) != nil,
            let start = header.range(of: "claims=\"", options: .caseInsensitive)
        else { return nil }
        let rest = header[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        var encoded = String(rest[..<end]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(
            of: "_", with: "/")
        while encoded.count % 4 != 0 { encoded += "=" }
        guard let data = Data(base64Encoded: encoded), let json = String(data: data, encoding: .utf8) else {
            return nil
        }
        return json
    }

    /// The scope list of a nested `PermissionScopeNotGranted` message (a JSON string inside `message`).
    static func missingScope(in message: String) -> String? {
        guard message.contains("PermissionScopeNotGranted") else { return nil }
        var text = message
        if let data = message.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let inner = object["message"] as? String
        {
            text = inner
        }
        if let range = text.range(of: "permission scope ") {
            var scope = String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            while scope.hasSuffix(".") || scope.hasSuffix("\"") || scope.hasSuffix("}") { scope.removeLast() }
            return Sanitizer.sanitize(scope)
        }
        return "it needs"
    }

    /// ` ("service text")` when the service said something, sanitised and shortened.
    static func quote(_ message: String) -> String {
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "" }
        // Masked before shortening: a cut must not leave half a token behind.
        let masked = Redaction.maskingTokens(SecretMask.mask(trimmed))
        let short = masked.count > 200 ? String(masked.prefix(200)) + "…" : masked
        return " (\"\(Sanitizer.sanitize(short))\")"
    }
}
