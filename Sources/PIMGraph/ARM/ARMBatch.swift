import Foundation
import PIMDomain

/// One GET inside ARM's `/batch`, under a name unique within the batch.
struct ARMBatchItem: Hashable, Sendable {
    var name: String
    var request: ARMRequest
}

extension GraphClient {
    /// ARM takes at most 20 requests per batch.
    static let armBatchLimit = 20

    /// `{"requests":[{"name","httpMethod","url"}]}` with urls relative to the ARM root, each with its own
    /// `api-version` (contract §10).
    static func armBatchBody(_ items: [ARMBatchItem]) throws -> Data {
        var requests: [[String: Any]] = []
        for item in items {
            var entry: [String: Any] = [
                "name": item.name, "httpMethod": item.request.method, "url": item.request.relativeReference,
            ]
            if let body = item.request.body { entry["content"] = try JSONSerialization.jsonObject(with: body) }
            requests.append(entry)
        }
        return try JSONSerialization.data(
            withJSONObject: ["requests": requests], options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The `responses` of an ARM batch by name (any order; `httpStatusCode`, `headers`, `content`).
    static func parseARMBatchResponse(_ data: Data) throws -> [String: HTTPResponse] {
        try parseBatchResponse(data, fields: .arm, service: "Azure Resource Manager")
    }
}

/// Sends ARM reads as `/batch` rounds, and falls back to one GET each (sent together) when the batch
/// endpoint is not there (404, 400, 405 or 501: it is undocumented, may be missing in a national cloud,
/// and a gateway or stand-in that only knows the documented calls answers it so).
/// Remembers the fallback so later reads do not ask again.
struct ARMBatchSender: Sendable {
    let client: GraphClient
    let state: ARMServiceState

    /// The answers that mean "no batch endpoint here" rather than "the batch failed".
    static let batchMissing: Set<Int> = [400, 404, 405, 501]

    func send(_ items: [ARMBatchItem]) async throws -> [String: HTTPResponse] {
        guard !items.isEmpty else { return [:] }
        return try await client.batchRounds(items, id: \.name, limit: GraphClient.armBatchLimit) { chunk in
            try await sendChunk(chunk)
        }
    }

    private func sendChunk(_ chunk: [ARMBatchItem]) async throws -> [String: HTTPResponse] {
        if !state.read(\.batchUnavailable) {
            let response = try await client.exchange(ARMEndpoints.batch(try GraphClient.armBatchBody(chunk)))
            if !Self.batchMissing.contains(response.status) {
                return try GraphClient.parseARMBatchResponse(try client.checked(response).body)
            }
            state.update { $0.batchUnavailable = true }
        }
        return try await withThrowingTaskGroup(of: (String, HTTPResponse).self) { group in
            for item in chunk { group.addTask { (item.name, try await client.exchange(item.request)) } }
            var answers: [String: HTTPResponse] = [:]
            for try await (name, response) in group { answers[name] = response }
            client.counter.overlapped(chunk.count - 1)
            return answers
        }
    }
}
