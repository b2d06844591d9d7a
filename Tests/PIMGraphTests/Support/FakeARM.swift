import Foundation
import PIMGraph
import Synchronization

/// A scripted Azure Resource Manager: answers by "METHOD /path?decoded-query", dispatches `/batch`
/// items (`name`, `httpMethod`, `url`) to the same routes and answers them as ARM does (`name`,
/// `httpStatusCode`, `headers`, `content`), and records every request (inner batch requests included).
final class FakeARM: Transport, Sendable {
    struct Recorded: Sendable {
        var method: String
        /// Decoded path and query, e.g. `/subscriptions?api-version=2022-12-01`.
        var target: String
        var headers: [String: String]
        var body: Data?
        var insideBatch: Bool
    }

    private struct State {
        var routes: [String: [FakeGraph.Reply]] = [:]
        var recorded: [Recorded] = []
        var exchanges = 0
        var batchMissing: Int?
        /// Answers for any target starting with a prefix (writes under a fresh GUID), by "METHOD prefix".
        var prefixRoutes: [String: HTTPResponse] = [:]
    }

    private let state = Mutex(State())
    let base = "https://management.example.test"
    var baseURL: URL { URL(string: base)! }

    /// Sets the replies of a route (replacing earlier ones); the last one repeats.
    func on(_ method: String, _ target: String, _ replies: FakeGraph.Reply...) {
        state.withLock { $0.routes["\(method) \(target)"] = replies }
    }

    func on(_ method: String, _ target: String, status: Int = 200, json: String, headers: [String: String] = [:]) {
        on(method, target, .response(Self.response(status: status, json: json, headers: headers)))
    }

    func on(_ method: String, _ target: String, status: Int = 200, fixture: String, headers: [String: String] = [:]) {
        on(method, target, status: status, json: Fixture.string("arm/" + fixture), headers: headers)
    }

    /// Answers every `method` request whose target starts with `prefix` (when no exact route matches).
    func on(_ method: String, prefix: String, status: Int, fixture: String) {
        let response = Self.response(status: status, json: Fixture.string("arm/" + fixture))
        state.withLock { $0.prefixRoutes["\(method) \(prefix)"] = response }
    }

    static func response(status: Int = 200, json: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
            body: Data(json.utf8))
    }

    /// The batch endpoint answers `status` (404 by default), as where it does not exist.
    func withoutBatch(answering status: Int = 404) { state.withLock { $0.batchMissing = status } }

    var recorded: [Recorded] { state.withLock { $0.recorded } }
    /// Exchanges on the wire (a batch is one).
    var exchanges: Int { state.withLock { $0.exchanges } }
    func recorded(_ method: String) -> [Recorded] { recorded.filter { $0.method == method } }
    /// Requests outside any batch (what went over the wire), batches included.
    var onTheWire: [Recorded] { recorded.filter { !$0.insideBatch } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse { try respond(request) }

    /// The answer to `request`, synchronously (the local HTTP server calls this from its thread).
    func respond(_ request: HTTPRequest) throws -> HTTPResponse {
        state.withLock { $0.exchanges += 1 }
        let target = FakeGraph.target(of: request.url)
        if request.method == "POST", target.hasPrefix("/batch?") {
            let missing = state.withLock { state in
                state.recorded.append(
                    .init(
                        method: "POST", target: target, headers: request.headers, body: request.body, insideBatch: false
                    ))
                return state.batchMissing
            }
            if let missing {
                return Self.response(
                    status: missing, json: #"{"error":{"code":"NotFound","message":"No batch here."}}"#)
            }
            return try batch(request.body ?? Data())
        }
        return try route(
            method: request.method, target: target, headers: request.headers, body: request.body, insideBatch: false)
    }

    private func route(
        method: String, target: String, headers: [String: String], body: Data?, insideBatch: Bool
    ) throws -> HTTPResponse {
        let reply: FakeGraph.Reply? = state.withLock { state in
            state.recorded.append(
                .init(method: method, target: target, headers: headers, body: body, insideBatch: insideBatch))
            let key = "\(method) \(target)"
            guard var queue = state.routes[key], !queue.isEmpty else {
                let prefixed = state.prefixRoutes.first { key.hasPrefix($0.key) }
                return prefixed.map { .response($0.value) }
            }
            let next = queue.count > 1 ? queue.removeFirst() : queue[0]
            state.routes[key] = queue
            return next
        }
        switch reply {
        case .response(let response)?: return response
        case .failure(let error)?: throw error
        case nil:
            return Self.response(
                status: 404, json: #"{"error":{"code":"NotFound","message":"No route for \#(method) \#(target)"}}"#)
        }
    }

    private func batch(_ body: Data) throws -> HTTPResponse {
        let object = try JSONSerialization.jsonObject(with: body) as! [String: Any]
        let requests = object["requests"] as! [[String: Any]]
        precondition(requests.count <= 20, "batch over 20 items")
        var responses: [[String: Any]] = []
        for item in requests.reversed() {  // answers come in any order
            let url = URL(string: base + (item["url"] as! String))!
            let response: HTTPResponse
            do {
                response = try route(
                    method: item["httpMethod"] as! String, target: FakeGraph.target(of: url), headers: [:], body: nil,
                    insideBatch: true)
            } catch {
                response = HTTPResponse(status: 500)
            }
            var entry: [String: Any] = [
                "name": item["name"]!, "httpStatusCode": response.status, "headers": response.headers,
            ]
            if !response.body.isEmpty, let json = try? JSONSerialization.jsonObject(with: response.body) {
                entry["content"] = json
            }
            responses.append(entry)
        }
        return HTTPResponse(
            status: 200, headers: ["Content-Type": "application/json"],
            body: try JSONSerialization.data(withJSONObject: ["responses": responses]))
    }
}
