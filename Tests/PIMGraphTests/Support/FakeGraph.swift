import Foundation
import PIMGraph
import Synchronization

/// A scripted Graph: answers by "METHOD /version/path?decoded-query", dispatches `$batch` items to the
/// same routes, and records every request it saw (inner batch requests included).
final class FakeGraph: Transport, Sendable {
    struct Recorded: Sendable {
        var method: String
        /// Decoded path and query, e.g. `/v1.0/me?$select=id,displayName,userPrincipalName`.
        var target: String
        var headers: [String: String]
        var body: Data?
        var insideBatch: Bool
    }

    enum Reply: Sendable {
        case response(HTTPResponse)
        case failure(TransportError)
    }

    private struct State {
        var routes: [String: [Reply]] = [:]
        var recorded: [Recorded] = []
        var exchanges = 0
    }

    private let state = Mutex(State())
    let base = "https://graph.example.test"

    /// Sets the replies of a route (replacing earlier ones); the last one repeats.
    func on(_ method: String, _ target: String, _ replies: Reply...) {
        state.withLock { $0.routes["\(method) \(target)"] = replies }
    }

    func on(_ method: String, _ target: String, status: Int = 200, json: String, headers: [String: String] = [:]) {
        on(
            method, target,
            .response(
                HTTPResponse(
                    status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
                    body: Data(json.utf8))))
    }

    func on(_ method: String, _ target: String, status: Int = 200, fixture: String, headers: [String: String] = [:]) {
        on(method, target, status: status, json: Fixture.string(fixture), headers: headers)
    }

    var recorded: [Recorded] { state.withLock { $0.recorded } }
    /// Round trips on the wire (a batch is one).
    var exchanges: Int { state.withLock { $0.exchanges } }
    func recorded(_ method: String) -> [Recorded] { recorded.filter { $0.method == method } }

    static func target(of url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.path ?? url.path
        guard let query = components?.percentEncodedQuery, !query.isEmpty else { return path }
        return path + "?" + (query.removingPercentEncoding ?? query)
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse { try respond(request) }

    /// The answer to `request`, synchronously (the local HTTP server calls this from its thread).
    func respond(_ request: HTTPRequest) throws -> HTTPResponse {
        state.withLock { $0.exchanges += 1 }
        let target = Self.target(of: request.url)
        if request.method == "POST", target.hasSuffix("/$batch") {
            let version = target.hasPrefix("/beta/") ? "beta" : "v1.0"
            state.withLock {
                $0.recorded.append(
                    .init(
                        method: "POST", target: target, headers: request.headers, body: request.body, insideBatch: false
                    ))
            }
            return try batch(request.body ?? Data(), version: version)
        }
        return try route(
            method: request.method, target: target, headers: request.headers, body: request.body, insideBatch: false)
    }

    private func route(
        method: String, target: String, headers: [String: String], body: Data?, insideBatch: Bool
    ) throws -> HTTPResponse {
        let reply: Reply? = state.withLock { state in
            state.recorded.append(
                .init(method: method, target: target, headers: headers, body: body, insideBatch: insideBatch))
            let key = "\(method) \(target)"
            guard var queue = state.routes[key], !queue.isEmpty else { return nil }
            let next = queue.count > 1 ? queue.removeFirst() : queue[0]
            state.routes[key] = queue
            return next
        }
        switch reply {
        case .response(let response)?: return response
        case .failure(let error)?: throw error
        case nil:
            return HTTPResponse(
                status: 404, headers: ["Content-Type": "application/json"],
                body: Data(
                    #"{"error":{"code":"ResourceNotFound","message":"No route for \#(method) \#(target)"}}"#.utf8))
        }
    }

    private func batch(_ body: Data, version: String) throws -> HTTPResponse {
        let object = try JSONSerialization.jsonObject(with: body) as! [String: Any]
        let requests = object["requests"] as! [[String: Any]]
        precondition(requests.count <= 20, "batch over 20 items")
        var responses: [[String: Any]] = []
        for item in requests.reversed() {  // answers come in any order
            let url = URL(string: base + "/" + version + (item["url"] as! String))!
            let innerBody = (item["body"]).flatMap { try? JSONSerialization.data(withJSONObject: $0) }
            let response: HTTPResponse
            do {
                response = try route(
                    method: item["method"] as! String, target: Self.target(of: url),
                    headers: (item["headers"] as? [String: String]) ?? [:], body: innerBody, insideBatch: true)
            } catch {
                response = HTTPResponse(status: 500)
            }
            var entry: [String: Any] = ["id": item["id"]!, "status": response.status, "headers": response.headers]
            if !response.body.isEmpty, let json = try? JSONSerialization.jsonObject(with: response.body) {
                entry["body"] = json
            }
            responses.append(entry)
        }
        return HTTPResponse(
            status: 200, headers: ["Content-Type": "application/json"],
            body: try JSONSerialization.data(withJSONObject: ["responses": responses]))
    }
}

/// A clock that never sleeps: waiting moves time forward and is recorded.
final class TestClock: GraphClock, Sendable {
    private let state: Mutex<(now: Date, sleeps: [Double])>

    init(_ now: Date = Date(timeIntervalSince1970: 1_767_686_400)) {  // 2026-01-06T08:00:00Z
        state = Mutex((now, []))
    }

    func now() -> Date { state.withLock { $0.now } }
    func sleep(seconds: Double) async throws {
        state.withLock {
            $0.now += seconds; $0.sleeps.append(seconds)
        }
    }
    func advance(_ seconds: Double) { state.withLock { $0.now += seconds } }
    var sleeps: [Double] { state.withLock { $0.sleeps } }
}

/// Hands out "token-N"; records the claims it was asked for.
final class FakeTokens: TokenProvider, Sendable {
    private let state = Mutex<[String?]>([])
    func accessToken(claims: String?) async throws -> String {
        state.withLock { calls in
            calls.append(claims)
            return claims == nil ? "token-plain" : "token-stepped-up"
        }
    }
    var claimsAsked: [String] { state.withLock { $0.compactMap { $0 } } }
}
