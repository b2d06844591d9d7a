import Foundation
import PIMDomain

/// One request inside a `$batch`, under an id unique within the batch.
struct BatchItem: Hashable, Sendable {
    var id: String
    var request: GraphRequest
}

extension GraphClient {
    /// Graph accepts at most 20 requests per batch.
    static let batchLimit = 20

    /// Sends `items` as JSON batches of at most 20 and returns each item's own response by id.
    /// Items throttled or unavailable inside the batch (429/503/504) go again in a new batch after the
    /// longest `Retry-After`, under the same `RetryPolicy` as single requests. A failure of the batch
    /// itself (transport, outer status) throws; failures of items are in their responses.
    func batch(_ items: [BatchItem], version: GraphVersion = .v1) async throws -> [String: HTTPResponse] {
        var results: [String: HTTPResponse] = [:]
        var pending = items
        var attempt = 0
        let started = clock.now()
        while !pending.isEmpty {
            attempt += 1
            for start in stride(from: 0, to: pending.count, by: Self.batchLimit) {
                let chunk = Array(pending[start..<min(start + Self.batchLimit, pending.count)])
                let answers = try await sendBatch(chunk, version: version)
                for item in chunk {
                    results[item.id] = answers[item.id] ?? HTTPResponse(status: 502, body: Data(
                        #"{"error":{"code":"MissingBatchResponse","message":"The batch answer left this request out."}}"#.utf8))
                }
            }
            // Decide per throttled item; wait once for the longest of them.
            var again: [BatchItem] = []
            var longest = 0.0
            for item in pending {
                guard let response = results[item.id] else { continue }
                let decision = retry.decide(status: response.status, headers: response.headers, attempt: attempt,
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
            var entry: [String: Any] = ["id": item.id, "method": item.request.method, "url": item.request.relativeReference]
            if let body = item.request.body {
                entry["body"] = try JSONSerialization.jsonObject(with: body)
                entry["headers"] = ["Content-Type": "application/json"]
            }
            requests.append(entry)
        }
        return try JSONSerialization.data(withJSONObject: ["requests": requests], options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The `responses` of a batch by id (they come in any order), each as an HTTP response.
    static func parseBatchResponse(_ data: Data) throws -> [String: HTTPResponse] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let responses = object["responses"] as? [[String: Any]] else {
            throw PIMError(.service, "Graph sent a batch answer pim could not read: try again, and run with --verbose if it persists.")
        }
        var result: [String: HTTPResponse] = [:]
        for entry in responses {
            guard let id = entry["id"].map({ "\($0)" }) else { continue }
            let status = (entry["status"] as? Int) ?? Int("\(entry["status"] ?? "")") ?? 500
            var headers: [String: String] = [:]
            for (name, value) in (entry["headers"] as? [String: Any]) ?? [:] { headers[name] = "\(value)" }
            var body = Data()
            switch entry["body"] {
            case let text as String:
                // Non-JSON bodies come base64-encoded.
                body = Data(base64Encoded: text) ?? Data(text.utf8)
            case let value? where !(value is NSNull):
                body = (try? JSONSerialization.data(withJSONObject: value)) ?? Data()
            default:
                break
            }
            result[id] = HTTPResponse(status: status, headers: headers, body: body)
        }
        return result
    }
}
