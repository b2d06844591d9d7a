import Foundation

/// A refusal as the service words it: HTTP status, Graph error `code` and `message`. Handlers throw
/// it; the tenant wraps it in the error envelope with `innerError` (date, request-id).
struct GraphFailure: Error, Equatable {
    var status: Int
    var code: String
    var message: String
    var headers: [String: String] = [:]

    static func badRequest(_ message: String, code: String = "BadRequest") -> GraphFailure {
        GraphFailure(status: 400, code: code, message: message)
    }

    static func segmentNotFound(_ segment: String) -> GraphFailure {
        GraphFailure(status: 400, code: "BadRequest", message: "Resource not found for the segment '\(segment)'.")
    }

    static let methodNotAllowed = GraphFailure(
        status: 405, code: "Request_BadRequest", message: "Specified HTTP method is not allowed for the request target."
    )

    static func notFound(_ what: String) -> GraphFailure {
        GraphFailure(status: 404, code: "ResourceNotFound", message: "\(what) was not found.")
    }

    static let forbidden = GraphFailure(
        status: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.")

    static func invalidRequest(_ detail: String) -> GraphFailure {
        GraphFailure(
            status: 400, code: "InvalidRoleAssignmentRequest",
            message: "The role assignment request is invalid. \(detail)")
    }

    /// `RoleAssignmentRequestPolicyValidationFailed` naming the failed rules as a JSON array.
    static func policyFailed(_ rules: [String]) -> GraphFailure {
        let list = rules.map { "\"\($0)\"" }.joined(separator: ",")
        return GraphFailure(
            status: 400, code: "RoleAssignmentRequestPolicyValidationFailed",
            message: "The following policy rules failed: [\(list)]")
    }

    /// The authentication-context refusal carrying the claims request the client must sign in with.
    static func acrsFailed(claimValue: String) -> GraphFailure {
        let claims = "{\"access_token\":{\"acrs\":{\"essential\":true, \"value\":\"\(claimValue)\"}}}"
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = claims.addingPercentEncoding(withAllowedCharacters: allowed) ?? claims
        return GraphFailure(
            status: 400, code: "RoleAssignmentRequestAcrsValidationFailed", message: "&claims=\(encoded)")
    }

    static let exists = GraphFailure(
        status: 400, code: "RoleAssignmentExists", message: "The Role assignment already exists.")
    static let doesNotExist = GraphFailure(
        status: 400, code: "RoleAssignmentDoesNotExist", message: "The Role assignment does not exist.")
    static let pending = GraphFailure(
        status: 400, code: "PendingRoleAssignmentRequest",
        message: "There already exists a pending role assignment request for the same principal and target.")
    /// The service's wording, including its typo.
    static let tooShort = GraphFailure(
        status: 400, code: "ActiveDurationTooShort",
        message: "The Active duration is too short. Miniumum Required is 5 minutes.")
}

/// One answer before it becomes an `HTTPResponse` (or an item of a `$batch` response).
struct TenantResponse: Equatable {
    var status: Int
    var headers: [String: String] = [:]
    var body: SimJSON?

    static func json(_ body: SimJSON, status: Int = 200) -> TenantResponse {
        TenantResponse(status: status, headers: ["Content-Type": TenantResponse.odataContentType], body: body)
    }

    static let noContent = TenantResponse(status: 204)

    static let odataContentType =
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"

    static func failure(_ f: GraphFailure, requestId: String, clientRequestId: String, now: Date) -> TenantResponse {
        var headers = f.headers
        headers["Content-Type"] = "application/json"
        let body: SimJSON = [
            "error": [
                "code": .string(f.code),
                "message": .string(f.message),
                "innerError": [
                    "date": .string(GraphDate.formatInnerError(now)),
                    "request-id": .string(requestId),
                    "client-request-id": .string(clientRequestId),
                ],
            ]
        ]
        return TenantResponse(status: f.status, headers: headers, body: body)
    }
}
