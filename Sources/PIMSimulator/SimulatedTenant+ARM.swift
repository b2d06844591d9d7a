import Foundation
import PIMGraph

/// One Azure Resource Manager exchange: authentication (ARM audience only), api-version, state
/// transaction, routing, ARM's error envelope and `x-ms-request-id` headers; and ARM's `/batch`.
extension SimulatedTenant {
    func handleARM(_ request: HTTPRequest, _ exchange: Exchange) -> HTTPResponse {
        let response = answerARM(request, exchange)
        var headers = response.headers
        headers.merge(armHeaders(request, exchange)) { _, new in new }
        if response.body != nil, headers["Content-Type"] == nil { headers["Content-Type"] = ARMResponse.contentType }
        return HTTPResponse(status: response.status, headers: headers, body: response.body?.data ?? Data())
    }

    func armHeaders(_ request: HTTPRequest, _ exchange: Exchange) -> [String: String] {
        [
            "x-ms-request-id": exchange.requestId,
            "x-ms-correlation-request-id": request.header("x-ms-correlation-request-id") ?? exchange.clientRequestId,
            "Date": GraphDate.httpDate(exchange.now),
        ]
    }

    static func armTarget(_ url: URL) -> ARMTarget {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? url.path
        let query = components?.percentEncodedQuery.map { "?" + $0 } ?? ""
        return ARMTarget(relative: (path.hasPrefix("/") ? path : "/" + path) + query)
    }

    private func answerARM(_ request: HTTPRequest, _ exchange: Exchange) -> TenantResponse {
        let method = request.method.uppercased()
        let target = Self.armTarget(request.url)
        let token: TenantToken
        switch authenticateARM(request.header("Authorization")) {
        case .success(let t): token = t
        case .failure(let f):
            record(
                RecordedRequest(
                    method: method, path: target.path, query: Self.queryDictionary(target.query), body: nil,
                    status: f.status))
            return f.response
        }
        do {
            return try store.transact(now: exchange.now) { session -> TenantResponse in
                if session.state.azure.advance(to: exchange.now) { session.changed = true }
                return dispatchARM(
                    method: method, target: target, body: request.body, contentType: request.header("Content-Type"),
                    token: token, exchange, &session, batchItemId: nil)
            }
        } catch {
            let message =
                (error as? SimulatorError)?.description ?? "The demo tenant state could not be used: \(error)."
            return ARMFailure(status: 500, code: "InternalServerError", message: message).response
        }
    }

    private func authenticateARM(_ header: String?) -> Result<TenantToken, ARMFailure> {
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(.missingToken) }
        let parts = header.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0].caseInsensitiveCompare("Bearer") == .orderedSame,
            let token = TenantToken.decode(parts[1].trimmingCharacters(in: .whitespaces))
        else { return .failure(.invalidToken) }
        guard Self.armAudiences.contains(token.audience) else { return .failure(.wrongAudience(token.audience)) }
        return .success(token)
    }

    /// The audiences ARM accepts in the public cloud (contract §11.1).
    static let armAudiences: Set<String> = [
        "https://management.core.windows.net/", "https://management.core.windows.net",
        "https://management.azure.com/", "https://management.azure.com",
    ]

    /// Routes one request (top level or batch item) inside the current transaction.
    func dispatchARM(
        method: String, target: ARMTarget, body: Data?, contentType: String?, token: TenantToken,
        _ exchange: Exchange, _ session: inout TenantSession, batchItemId: String?
    ) -> TenantResponse {
        var parsedBody: SimJSON?
        let response: TenantResponse
        defer {
            record(
                RecordedRequest(
                    method: method, path: target.path, query: Self.queryDictionary(target.query), body: parsedBody,
                    status: response.status, batchItemId: batchItemId))
        }
        do {
            guard let version = target.apiVersion, !version.isEmpty else { throw ARMFailure.missingApiVersion }
            guard let route = ARMRoute(target.segments) else { throw ARMFailure.noRoute(target.path) }
            guard version == route.apiVersion else {
                throw ARMFailure.invalidApiVersion(version, resource: route.resourceType, supported: route.apiVersion)
            }
            if let body, !body.isEmpty {
                guard let type = contentType, type.lowercased().contains("application/json") else {
                    throw ARMFailure(
                        status: 415, code: "UnsupportedMediaType",
                        message:
                            """
                            The content media type '\(contentType ?? "")' is not supported. Only 'application/json' \
                            is supported.
                            """
                    )
                }
                do { parsedBody = try SimJSON.parse(body) } catch {
                    throw ARMFailure.invalidContent("the body is not valid JSON.")
                }
            }
            guard let caller = session.state.user(token.objectId) else { throw ARMFailure.invalidToken }
            let ctx = ARMContext(
                method: method, target: target, route: route,
                filter: try target.filter.map { f throws(ARMFailure) in try ARMFilter(f) },
                body: parsedBody, caller: caller, token: token, now: exchange.now, origin: exchange.origin,
                pageSize: configuration.pageSize)
            if route == .batch {
                guard batchItemId == nil else {
                    throw ARMFailure.badRequest("InvalidBatchRequest", "A batch cannot contain another batch.")
                }
                response = try armBatch(ctx, exchange, &session)
            } else {
                response = try ARMRouter.route(ctx, &session)
            }
        } catch let f as ARMFailure {
            response = f.response
        } catch {
            response = ARMFailure(status: 500, code: "InternalServerError", message: "An error has occurred.").response
        }
        return response
    }

    /// `POST /batch`: at most 20 requests with unique names, each answered as if sent alone.
    private func armBatch(
        _ ctx: ARMContext, _ exchange: Exchange, _ session: inout TenantSession
    ) throws -> TenantResponse {
        try ctx.requireMethod("POST")
        let body = try ctx.jsonBody()
        guard let items = body.member(ignoringCase: "requests")?.arrayValue else {
            throw ARMFailure.badRequest("InvalidBatchRequest", "The batch body needs a 'requests' array.")
        }
        guard (1...20).contains(items.count) else {
            throw ARMFailure.badRequest(
                "InvalidBatchRequest", "A batch holds 1 to 20 requests; this one holds \(items.count).")
        }
        var parsed: [(name: String, method: String, target: ARMTarget, content: Data?)] = []
        var names = Set<String>()
        for (n, item) in items.enumerated() {
            guard let name = item.member(ignoringCase: "name")?.stringValue, !name.isEmpty else {
                throw ARMFailure.badRequest("InvalidBatchRequest", "Request \(n + 1) of the batch has no 'name'.")
            }
            guard names.insert(name.lowercased()).inserted else {
                throw ARMFailure.badRequest(
                    "InvalidBatchRequest", "The name '\(name)' is used by more than one request.")
            }
            let method = item.member(ignoringCase: "httpMethod")?.stringValue?.uppercased() ?? ""
            guard ["GET", "PUT", "POST", "PATCH", "DELETE"].contains(method) else {
                throw ARMFailure.badRequest("InvalidBatchRequest", "Request '\(name)' has no valid 'httpMethod'.")
            }
            guard let url = item.member(ignoringCase: "url")?.stringValue, let target = ARMTarget(url: url),
                let first = target.segments.first, ARMTarget.roots.contains(first.lowercased())
            else {
                throw ARMFailure.badRequest(
                    "InvalidBatchRequest", "Request '\(name)' needs a 'url' on Azure Resource Manager.")
            }
            let content = item.member(ignoringCase: "content").flatMap { $0.isNull ? nil : $0.data }
            parsed.append((name, method, target, content))
        }
        var responses: [SimJSON] = []
        for item in parsed {
            var inner: TenantResponse
            var headers: [(String, SimJSON)] = []
            if let retry = innerThrottle() {
                inner =
                    ARMFailure(
                        status: 429, code: "TooManyRequests",
                        message:
                            "The request is being throttled as the limit has been reached for operation type - Read.",
                        headers: ["Retry-After": String(retry)]
                    ).response
                record(
                    RecordedRequest(
                        method: item.method, path: item.target.path, query: Self.queryDictionary(item.target.query),
                        body: nil,
                        status: 429, batchItemId: item.name))
            } else {
                inner = dispatchARM(
                    method: item.method, target: item.target, body: item.content,
                    contentType: item.content == nil ? nil : "application/json", token: ctx.token, exchange, &session,
                    batchItemId: item.name)
            }
            var generator = SystemRandomNumberGenerator()
            headers.append(("x-ms-request-id", .string(StableID.random(using: &generator))))
            for (k, v) in inner.headers.sorted(by: { $0.key < $1.key }) where k != "Content-Type" {
                headers.append((k, .string(v)))
            }
            let length = inner.body?.utf8Count ?? 0
            responses.append(
                .object([
                    ("name", .string(item.name)), ("httpStatusCode", .int(inner.status)), ("headers", .object(headers)),
                    ("content", inner.body ?? .null), ("contentLength", .int(length)),
                ]))
        }
        return ARMResponse.json(["responses": .array(responses)])
    }
}
