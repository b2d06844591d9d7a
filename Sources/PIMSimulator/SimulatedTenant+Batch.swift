import Foundation

/// `POST /$batch`: up to 20 requests with unique ids, relative URLs (leading slash optional),
/// `dependsOn` chains whose failures become `424`, per-item status, headers and body.
extension SimulatedTenant {
    static let batchLimit = 20

    func batch(
        method: String, version: String, body: Data?, contentType: String?, token: TenantToken, _ exchange: Exchange,
        _ session: inout TenantSession
    ) -> TenantResponse {
        func refuse(_ message: String, status: Int = 400, code: String = "BadRequest") -> TenantResponse {
            let r = TenantResponse.failure(
                GraphFailure(status: status, code: code, message: message), requestId: exchange.requestId,
                clientRequestId: exchange.clientRequestId, now: exchange.now)
            record(
                RecordedRequest(
                    method: method, path: "/\(version)/$batch", query: [:],
                    body: body.flatMap { try? SimJSON.parse($0) },
                    status: r.status))
            return r
        }
        guard method == "POST" else {
            return refuse(GraphFailure.methodNotAllowed.message, status: 405, code: "Request_BadRequest")
        }
        guard let body, let json = try? SimJSON.parse(body),
            let items = json.member(ignoringCase: "requests")?.arrayValue
        else {
            return refuse("Invalid batch payload format.")
        }
        guard items.count <= Self.batchLimit else {
            return refuse("The number of requests in a batch is limited to \(Self.batchLimit); split the batch.")
        }
        var ids: [String] = []
        for item in items {
            guard let id = item["id"]?.stringValue ?? item["id"]?.intValue.map(String.init), !id.isEmpty else {
                return refuse("Every request in a batch needs an 'id'.")
            }
            guard !ids.contains(where: { $0.caseInsensitiveCompare(id) == .orderedSame }) else {
                return refuse("Batch request ids must be unique; '\(id)' appears more than once.")
            }
            ids.append(id)
        }
        for item in items {
            for dep in item["dependsOn"]?.arrayValue?.compactMap(\.stringValue) ?? [] where !ids.contains(dep) {
                return refuse("The dependsOn value '\(dep)' does not name a request of this batch.")
            }
        }
        record(RecordedRequest(method: "POST", path: "/\(version)/$batch", query: [:], body: json, status: 200))
        var statuses: [String: Int] = [:]
        var responses: [SimJSON] = []
        var remaining = Array(zip(ids, items))
        while !remaining.isEmpty {
            guard
                let next = remaining.firstIndex(where: { _, item in
                    (item["dependsOn"]?.arrayValue?.compactMap(\.stringValue) ?? []).allSatisfy { statuses[$0] != nil }
                })
            else {
                for (id, _) in remaining { responses.append(dependencyFailed(id, exchange)) }
                break
            }
            let (id, item) = remaining.remove(at: next)
            let deps = item["dependsOn"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let answer: TenantResponse
            if deps.contains(where: { !(200..<300).contains(statuses[$0] ?? 0) }) {
                answer = TenantResponse.failure(
                    GraphFailure(
                        status: 424, code: "FailedDependency",
                        message: "Failed dependency: a request this one depends on failed."),
                    requestId: exchange.requestId, clientRequestId: exchange.clientRequestId, now: exchange.now)
            } else {
                answer = batchItem(id: id, item, version: version, token: token, exchange, &session)
            }
            statuses[id] = answer.status
            var entry: [(String, SimJSON)] = [("id", .string(id)), ("status", .int(answer.status))]
            var headers = answer.headers
            if answer.body != nil, headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
            entry.append(
                ("headers", .object(headers.sorted { $0.key < $1.key }.map { ($0.key, SimJSON.string($0.value)) })))
            if let b = answer.body { entry.append(("body", b)) }
            responses.append(.object(entry))
        }
        return .json(["responses": .array(responses)])
    }

    private func dependencyFailed(_ id: String, _ exchange: Exchange) -> SimJSON {
        let r = TenantResponse.failure(
            GraphFailure(status: 424, code: "FailedDependency", message: "Failed dependency."),
            requestId: exchange.requestId, clientRequestId: exchange.clientRequestId, now: exchange.now)
        return [
            "id": .string(id), "status": 424, "headers": ["Content-Type": "application/json"], "body": r.body ?? .null,
        ]
    }

    private func batchItem(
        id: String, _ item: SimJSON, version: String, token: TenantToken, _ exchange: Exchange,
        _ session: inout TenantSession
    ) -> TenantResponse {
        func refuse(_ f: GraphFailure) -> TenantResponse {
            TenantResponse.failure(
                f, requestId: exchange.requestId, clientRequestId: exchange.clientRequestId, now: exchange.now)
        }
        guard let method = item["method"]?.stringValue?.uppercased(), let url = item["url"]?.stringValue, !url.isEmpty
        else {
            return refuse(.badRequest("A batch request needs 'method' and 'url'."))
        }
        if url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") {
            return refuse(.badRequest("A batch request url must be relative to the batch's version root, such as /me."))
        }
        let relative = url.hasPrefix("/") ? url : "/" + url
        let firstSegment = String(relative.drop { $0 == "/" }.prefix { $0 != "/" })
        if ["beta", "v1.0"].contains(firstSegment.lowercased()), firstSegment.lowercased() != version.lowercased() {
            return refuse(
                GraphFailure(
                    status: 400, code: "BadRequest",
                    message:
                        """
                        A \(firstSegment) request cannot be part of a \(version) batch; send it to \
                        /\(firstSegment)/$batch or on its own.
                        """
                ))
        }
        let headers = item["headers"]?.objectMembers ?? []
        let contentType = headers.first { $0.0.caseInsensitiveCompare("Content-Type") == .orderedSame }?.1.stringValue
        var bodyData: Data?
        if let b = item["body"], !b.isNull {
            guard contentType != nil else {
                return refuse(.badRequest("A batch request with a body needs a Content-Type header."))
            }
            bodyData = b.stringValue.flatMap { TenantToken.fromBase64url($0) } ?? b.data
        }
        let spaced = relative.utf8.contains(UInt8(ascii: " "))
        let target = GraphTarget(
            version: version, relative: spaced ? relative.replacingOccurrences(of: " ", with: "%20") : relative)
        if let retryAfter = innerThrottle() {
            // Graph throttles each request of a batch on its own: the item answers 429, the batch 200.
            record(
                RecordedRequest(
                    method: method, path: "/\(version)\(target.path)", query: Self.queryDictionary(target.query),
                    body: nil, status: 429, batchItemId: id))
            var throttled = GraphFailure(status: 429, code: "TooManyRequests", message: "Please retry again later.")
            throttled.headers = ["Retry-After": String(retryAfter)]
            return refuse(throttled)
        }
        return dispatch(
            method: method, target: target, body: bodyData, contentType: contentType, token: token, exchange,
            &session, batchItemId: id)
    }
}
