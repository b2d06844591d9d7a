import Foundation
import PIMDomain

/// The names a batch answer gives each response's id, status and body: Graph's `$batch` says
/// `id`/`status`/`body`, Azure Resource Manager's `/batch` says `name`/`httpStatusCode`/`content`.
struct BatchAnswerFields: Sendable {
    var id: String
    var status: String
    var body: String

    static let graph = BatchAnswerFields(id: "id", status: "status", body: "body")
    static let arm = BatchAnswerFields(id: "name", status: "httpStatusCode", body: "content")
}

/// One request inside a `$batch`, under an id unique within the batch.
struct BatchItem: Hashable, Sendable {
    var id: String
    var request: GraphRequest
}

extension GraphClient {
    /// Graph accepts at most 20 requests per batch.
    static let batchLimit = 20

    /// Sends `items` as JSON batches of at most 20, all at once, and returns each item's own response by id.
    /// Items throttled or unavailable inside the batch (429/503/504) go again in a new batch after the
    /// longest `Retry-After`, under the same `RetryPolicy` as single requests. A failure of the batch
    /// itself (transport, outer status) throws; failures of items are in their responses.
    func batch(_ items: [BatchItem], version: GraphVersion = .v1) async throws -> [String: HTTPResponse] {
        try await batchRounds(items, id: \.id, limit: Self.batchLimit) { chunk in
            try await sendBatch(chunk, version: version)
        }
    }

    /// The retry rounds every batch shares (Graph's `$batch`, ARM's `/batch`): `items` go in chunks of
    /// `limit`, all at once; items throttled or unavailable (429/503/504) go again in a new batch after
    /// the longest `Retry-After`; an item the answer left out reads as a 502. `send` posts one chunk and
    /// returns its answers by id.
    func batchRounds<Item: Sendable>(
        _ items: [Item], id: @escaping @Sendable (Item) -> String, limit: Int,
        send: @escaping @Sendable ([Item]) async throws -> [String: HTTPResponse]
    ) async throws -> [String: HTTPResponse] {
        var results: [String: HTTPResponse] = [:]
        var pending = items
        var attempt = 0
        let started = clock.now()
        while !pending.isEmpty {
            attempt += 1
            let chunks = stride(from: 0, to: pending.count, by: limit).map {
                Array(pending[$0..<min($0 + limit, pending.count)])
            }
            // The chunks are independent reads: sent together they cost one round trip, not one each.
            // Each chunk runs to its end; a failure is the first chunk's in order, not whichever lost a race
            // (a sibling cancelled by it would otherwise say "cancelled" instead of what went wrong).
            let outcomes = await withTaskGroup(of: (Int, Result<[String: HTTPResponse], any Error>).self) { group in
                for (index, chunk) in chunks.enumerated() {
                    group.addTask {
                        do { return (index, .success(try await send(chunk))) } catch { return (index, .failure(error)) }
                    }
                }
                return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            var answered: [([Item], [String: HTTPResponse])] = []
            for (index, chunk) in chunks.enumerated() {
                answered.append((chunk, try outcomes[index]!.get()))
            }
            counter.overlapped(chunks.count - 1)
            for (chunk, answers) in answered {
                for item in chunk {
                    results[id(item)] =
                        answers[id(item)]
                        ?? HTTPResponse(
                            status: 502,
                            body: Data(
                                #"""
                                {"error":{"code":"MissingBatchResponse","message":"The batch answer left this request \#
                                out."}}
                                """#
                                .utf8))
                }
            }
            // Decide per throttled item; wait once for the longest of them.
            var again: [Item] = []
            var longest = 0.0
            for item in pending {
                guard let response = results[id(item)] else { continue }
                let decision = retry.decide(
                    status: response.status, headers: response.headers, attempt: attempt,
                    elapsed: clock.now().timeIntervalSince(started), now: clock.now())
                if case .retry(let delay) = decision {
                    again.append(item)
                    longest = max(longest, delay)
                }
            }
            pending = again
            if !pending.isEmpty { try await wait(longest) }
        }
        return results
    }

    /// One `POST /$batch` of at most 20 items.
    func sendBatch(_ items: [BatchItem], version: GraphVersion) async throws -> [String: HTTPResponse] {
        let body = try Self.batchBody(items)
        let response = try await send(Endpoints.batch(body, version: version))
        return try Self.parseBatchResponse(response.body)
    }

    /// `{"requests":[{"id","method","url","headers"?,"body"?}]}` with urls relative to the version root.
    static func batchBody(_ items: [BatchItem]) throws -> Data {
        var requests: [[String: Any]] = []
        for item in items {
            var entry: [String: Any] = [
                "id": item.id, "method": item.request.method, "url": item.request.relativeReference,
            ]
            if let body = item.request.body {
                entry["body"] = try JSONSerialization.jsonObject(with: body)
                entry["headers"] = ["Content-Type": "application/json"]
            }
            requests.append(entry)
        }
        return try JSONSerialization.data(
            withJSONObject: ["requests": requests], options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The `responses` of a batch by id (they come in any order), each as an HTTP response. Each
    /// body is handed on as the bytes of its JSON value, unparsed (see `JSONSpanReader`).
    static func parseBatchResponse(
        _ data: Data, fields: BatchAnswerFields = .graph, service: String = "Graph"
    ) throws -> [String: HTTPResponse] {
        do {
            return try readBatchResponse(data, fields: fields)
        } catch {
            throw PIMError(
                .service, "\(service) sent a batch answer that could not be read",
                step: .tryAgainThenInspect(report: false))
        }
    }

    /// An item's status as sent (`200`, `200.0`); anything that is not a plausible HTTP status
    /// (`1e300`, `nan`, `-1`) counts as a server error instead of trapping on the conversion.
    static func status(_ text: String) -> Int {
        if let value = Int(text), (100...999).contains(value) { return value }
        if let value = Double(text), value.isFinite, (100...999).contains(value) { return Int(value) }
        return 500
    }

    private static func readBatchResponse(_ data: Data, fields: BatchAnswerFields) throws -> [String: HTTPResponse] {
        var reader = JSONSpanReader(data)
        var result: [String: HTTPResponse] = [:]
        var sawResponses = false
        try reader.readObject { key, reader in
            guard key == "responses" else { _ = try reader.skipValue(); return }
            sawResponses = true
            try reader.readArray { reader in
                var id: String?
                var status = 500
                var headers: [String: String] = [:]
                var body = Data()
                try reader.readObject { field, reader in
                    switch field {
                    case fields.id:
                        if reader.peek() == UInt8(ascii: "\"") {
                            id = try reader.readString()
                        } else {
                            id = reader.text(try reader.skipValue())
                        }
                    case fields.status:
                        if reader.peek() == UInt8(ascii: "\"") {
                            status = Self.status(try reader.readString())
                        } else {
                            let text = reader.text(try reader.skipValue())
                            status = Self.status(text)
                        }
                    case "headers":
                        guard reader.peek() == UInt8(ascii: "{") else { _ = try reader.skipValue(); return }
                        try reader.readObject { name, reader in
                            if reader.peek() == UInt8(ascii: "\"") {
                                headers[name] = try reader.readString()
                            } else {
                                headers[name] = reader.text(try reader.skipValue())
                            }
                        }
                    case fields.body:
                        if reader.peek() == UInt8(ascii: "\"") {
                            // Non-JSON bodies come base64-encoded.
                            let text = try reader.readString()
                            body = Data(base64Encoded: text) ?? Data(text.utf8)
                        } else {
                            let span = try reader.skipValue()
                            let raw = reader.bytes[span]
                            if !raw.elementsEqual("null".utf8) { body = Data(raw) }
                        }
                    default:
                        _ = try reader.skipValue()
                    }
                }
                if let id { result[id] = HTTPResponse(status: status, headers: headers, body: body) }
            }
        }
        guard sawResponses, reader.atEnd() else { throw JSONSpanReader.Malformed() }
        return result
    }
}
