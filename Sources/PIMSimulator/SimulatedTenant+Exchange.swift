import Foundation
import PIMGraph

/// One HTTP exchange: version, authentication, state transaction, routing, envelope.
extension SimulatedTenant {
    func handle(_ request: HTTPRequest, _ exchange: Exchange) -> HTTPResponse {
        if ARMTarget.isARM(request.url) { return handleARM(request, exchange) }
        let response = answer(request, exchange)
        var headers = response.headers
        headers["request-id"] = exchange.requestId
        headers["client-request-id"] = exchange.clientRequestId
        headers["Date"] = GraphDate.httpDate(exchange.now)
        if response.body != nil, headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
        return HTTPResponse(status: response.status, headers: headers, body: response.body?.data ?? Data())
    }

    private func failure(_ f: GraphFailure, _ exchange: Exchange) -> TenantResponse {
        TenantResponse.failure(
            f, requestId: exchange.requestId, clientRequestId: exchange.clientRequestId, now: exchange.now)
    }

    private func answer(_ request: HTTPRequest, _ exchange: Exchange) -> TenantResponse {
        let method = request.method.uppercased()
        guard let (version, rest) = GraphTarget.fromURL(request.url) else {
            return failure(.badRequest("Invalid request URL."), exchange)
        }
        let target = GraphTarget(version: version, relative: rest)
        guard version == "v1.0" || version == "beta" else {
            record(
                RecordedRequest(method: method, path: "/\(version)\(target.path)", query: [:], body: nil, status: 400))
            return failure(.badRequest("Invalid version: \(version)"), exchange)
        }
        let token: TenantToken
        switch authenticate(request.header("Authorization")) {
        case let .success(t): token = t
        case let .failure(f):
            record(
                RecordedRequest(
                    method: method, path: "/\(version)\(target.path)", query: Self.queryDictionary(target.query),
                    body: nil, status: f.status))
            return failure(f, exchange)
        }
        do {
            return try store.transact(now: exchange.now) { session -> TenantResponse in
                if session.state.advance(to: exchange.now) { session.changed = true }
                if target.segments.count == 1, target.segments[0] == "$batch" {
                    return batch(
                        method: method, version: version, body: request.body,
                        contentType: request.header("Content-Type"), token: token, exchange, &session)
                }
                return dispatch(
                    method: method, target: target, body: request.body, contentType: request.header("Content-Type"),
                    token: token, exchange, &session, batchItemId: nil)
            }
        } catch {
            let message =
                (error as? SimulatorError)?.description ?? "The demo tenant state could not be used: \(error)."
            return failure(GraphFailure(status: 500, code: "UnknownError", message: message), exchange)
        }
    }

    private func authenticate(_ header: String?) -> Result<TenantToken, GraphFailure> {
        guard let header, !header.isEmpty else {
            return .failure(
                GraphFailure(status: 401, code: "InvalidAuthenticationToken", message: "Access token is empty."))
        }
        let parts = header.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0].caseInsensitiveCompare("Bearer") == .orderedSame,
            let token = TenantToken.decode(parts[1].trimmingCharacters(in: .whitespaces)),
            token.audience == SimulatedAudience.graph.value
        else {
            return .failure(
                GraphFailure(
                    status: 401, code: "InvalidAuthenticationToken",
                    message: "Access token validation failure. Invalid audience.",
                    headers: [
                        "WWW-Authenticate":
                            """
                        Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2\
                        /authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"
                        """
                    ]))
        }
        return .success(token)
    }

    /// Routes one request (top level or `$batch` item) inside the current transaction.
    func dispatch(
        method: String, target: GraphTarget, body: Data?, contentType: String?, token: TenantToken,
        _ exchange: Exchange, _ session: inout TenantSession, batchItemId: String?
    ) -> TenantResponse {
        var parsedBody: SimJSON?
        let response: TenantResponse
        defer {
            record(
                RecordedRequest(
                    method: method, path: "/\(target.version)\(target.path)", query: Self.queryDictionary(target.query),
                    body: parsedBody, status: response.status, batchItemId: batchItemId))
        }
        do {
            let query: ODataQuery
            do { query = try ODataQuery(pairs: target.query) } catch { throw GraphFailure.badRequest(error.message) }
            if let body, !body.isEmpty {
                guard let type = contentType, type.lowercased().contains("application/json") else {
                    throw GraphFailure(
                        status: 415, code: "BadRequest",
                        message: "The Content-Type header must be application/json for a request with a body.")
                }
                do { parsedBody = try SimJSON.parse(body) } catch {
                    throw GraphFailure.badRequest(
                        """
                        Unable to read JSON request payload. Please ensure Content-Type header is set and payload is \
                        of valid JSON format.
                        """
                    )
                }
            }
            guard let caller = session.state.user(token.objectId) else {
                throw GraphFailure(
                    status: 401, code: "InvalidAuthenticationToken",
                    message: "Access token validation failure: the user does not exist in this tenant.")
            }
            let ctx = RequestContext(
                method: method, target: target, query: query, body: parsedBody, contentType: contentType,
                caller: caller, token: token, now: exchange.now, origin: exchange.origin,
                pageSize: configuration.pageSize)
            response = try Router.route(ctx, &session)
        } catch let f as GraphFailure {
            response = failure(f, exchange)
        } catch {
            response = failure(
                GraphFailure(status: 500, code: "UnknownError", message: "An error has occurred."), exchange)
        }
        return response
    }

    /// A request's query as recorded, first value of each name (Graph's and ARM's alike).
    static func queryDictionary(_ query: [(String, String)]) -> [String: String] {
        Dictionary(query, uniquingKeysWith: { first, _ in first })
    }
}
