import Foundation

/// A refusal as Azure Resource Manager words it: HTTP status and the `{"error":{"code","message"}}`
/// envelope (no Graph `innerError`). Handlers throw it; the tenant adds ARM's request-id headers.
struct ARMFailure: Error, Equatable {
    var status: Int
    var code: String
    var message: String
    var headers: [String: String] = [:]

    var response: TenantResponse {
        var all = headers
        all["Content-Type"] = ARMResponse.contentType
        let body: SimJSON = ["error": ["code": .string(code), "message": .string(message)]]
        return TenantResponse(status: status, headers: all, body: body)
    }

    static func badRequest(_ code: String, _ message: String) -> ARMFailure {
        ARMFailure(status: 400, code: code, message: message)
    }

    static let missingApiVersion = badRequest(
        "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.")

    static func invalidApiVersion(_ given: String, resource: String, supported: String) -> ARMFailure {
        badRequest(
            "InvalidApiVersionParameter",
            """
            The api-version '\(given)' is invalid. The supported versions for resource type '\(resource)' are \
            '\(supported)'.
            """
        )
    }

    static func invalidContent(_ detail: String) -> ARMFailure {
        badRequest("InvalidRequestContent", "The request content was invalid and could not be deserialized: \(detail)")
    }

    static func notFound(_ code: String, _ message: String) -> ARMFailure {
        ARMFailure(status: 404, code: code, message: message)
    }

    static func noRoute(_ path: String) -> ARMFailure {
        badRequest("InvalidResourceType", "The resource type could not be found for the request path '\(path)'.")
    }

    static let methodNotAllowed = ARMFailure(
        status: 405, code: "MethodNotAllowed", message: "The requested method is not allowed for this resource.")

    /// ARM's wording when a caller holds no role that allows the action at the scope.
    static func authorizationFailed(_ caller: TenantUser, action: String, scope: String) -> ARMFailure {
        ARMFailure(
            status: 403, code: "AuthorizationFailed",
            message: """
                The client '\(caller.userPrincipalName)' with object id '\(caller.id)' does not have authorization \
                to perform action '\(action)' over scope '\(scope)' or the scope is invalid. If access was recently \
                granted, please refresh your credentials.
                """)
    }

    static func policyFailed(_ rules: [String]) -> ARMFailure {
        let f = GraphFailure.policyFailed(rules)
        return badRequest(f.code, f.message)
    }

    static func acrsFailed(_ claimValue: String) -> ARMFailure {
        let f = GraphFailure.acrsFailed(claimValue: claimValue)
        return badRequest(f.code, f.message)
    }

    static let exists = badRequest("RoleAssignmentExists", "The Role assignment already exists.")
    static let doesNotExist = badRequest("RoleAssignmentDoesNotExist", "The Role assignment does not exist.")
    static let tooShort = badRequest(
        "ActiveDurationTooShort", "The Active duration is too short. Miniumum Required is 5 minutes.")

    static let invalidToken = ARMFailure(
        status: 401, code: "InvalidAuthenticationToken", message: "The access token is invalid.",
        headers: [
            "WWW-Authenticate":
                """
            Bearer authorization_uri="https://login.microsoftonline.com/\(TenantSeed.tenantId)", \
            error="invalid_token", error_description="The access token is invalid."
            """
        ])

    static let missingToken = ARMFailure(
        status: 401, code: "InvalidAuthenticationToken",
        message: "The access token is missing. Send it in the Authorization header as 'Bearer {token}'.",
        headers: invalidToken.headers)

    static func wrongAudience(_ audience: String) -> ARMFailure {
        ARMFailure(
            status: 401, code: "InvalidAuthenticationTokenAudience",
            message: """
                The access token has been obtained for wrong audience or resource '\(audience)'. It should exactly \
                match with one of the allowed audiences 'https://management.core.windows.net/',\
                'https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'.
                """,
            headers: invalidToken.headers)
    }
}

enum ARMResponse {
    static let contentType = "application/json; charset=utf-8"

    static func json(_ body: SimJSON, status: Int = 200) -> TenantResponse {
        TenantResponse(status: status, headers: ["Content-Type": contentType], body: body)
    }

    /// `200 OK` with an empty body (cancel).
    static let emptyOK = TenantResponse(status: 200)
}
