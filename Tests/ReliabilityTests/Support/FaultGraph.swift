import Foundation
import LoopbackHTTP
import PIMGraph
import Synchronization

/// A scripted Graph tenant behind a `FaultServer`: routes by method and decoded path, answers
/// `$batch` by dispatching its items to the same routes, creates activation requests (and lists
/// them among "my requests", so the client can look for a lost answer), and records everything.
final class FaultGraph: Sendable {
    /// One scripted answer. `commits`: the service applied the write even though the answer failed.
    struct Step: Sendable {
        var fault: Fault
        var commits: Bool
    }

    private struct State {
        var routes: [String: [Step]] = [:]
        var beforeReading: [Fault] = []
        var received: [ReceivedRequest] = []
        var created: [[String: String]] = []
        var acceptedTokens: Set<String> = ["good-token", "fresh-token", "stepped-up-token"]
        var onReceive: (@Sendable (ReceivedRequest) -> Void)?
    }
    private let state = Mutex(State())
    let now: Date
    static let me = "5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11"
    static let roleId = "f2ef992c-3afb-46b9-b7cf-a126ee74c451"
    static let activationPath = "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests"
    static let myRoleRequestsPath =
        "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests/filterByCurrentUser(on='principal')"

    init(now: Date) {
        self.now = now
        on(
            "GET", "/v1.0/me",
            json: #"{"id":"\#(Self.me)","displayName":"Ada Admin","userPrincipalName":"ada@contoso.com"}"#)
    }

    // MARK: Script

    /// Sets the answers of a route; the last one repeats.
    func on(_ method: String, _ path: String, _ steps: Step...) {
        state.withLock { $0.routes["\(method) \(path)"] = steps }
    }

    func on(_ method: String, _ path: String, status: Int = 200, json: String, headers: [String: String] = [:]) {
        on(method, path, .answer(status, json, headers: headers))
    }

    /// The next connection gets `fault` before its request is read.
    func beforeReading(_ fault: Fault) { state.withLock { $0.beforeReading.append(fault) } }

    /// Runs `action` for every request read (a `$batch` item included), e.g. to let time pass.
    func onReceive(_ action: @escaping @Sendable (ReceivedRequest) -> Void) { state.withLock { $0.onReceive = action } }

    /// Tokens the service accepts (others get 401).
    func acceptTokens(_ tokens: Set<String>) { state.withLock { $0.acceptedTokens = tokens } }

    // MARK: Observations

    var received: [ReceivedRequest] { state.withLock { $0.received } }
    func received(_ method: String, _ path: String) -> [ReceivedRequest] {
        received.filter { $0.method == method && $0.path == path }
    }
    /// Activation requests the tenant holds (each one a schedule request the service created).
    var createdCount: Int { state.withLock { $0.created.count } }

    // MARK: Serving

    func server(lifetime: Double = 600) throws -> FaultServer {
        try FaultServer(lifetime: lifetime) { [self] request in
            guard let request else {
                return state.withLock {
                    $0.beforeReading.isEmpty ? .respond(HTTPResponse(status: 200)) : $0.beforeReading.removeFirst()
                }
            }
            return answer(request)
        }
    }

    func answer(_ request: ReceivedRequest) -> Fault {
        state.withLock { $0.onReceive }?(request)
        let accepted = state.withLock { state -> Bool in
            state.received.append(request)
            let token = request.header("Authorization")?.replacingOccurrences(of: "Bearer ", with: "") ?? ""
            return state.acceptedTokens.contains(token)
        }
        guard accepted else {
            return .respond(
                Self.json(
                    401,
                    #"""
                    {"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is \#
                    expired."}}
                    """#
                ))
        }
        let step = next("\(request.method) \(request.path)")
        if request.method == "POST", request.path.hasSuffix("/$batch") {
            return step?.fault ?? .respond(batch(request))
        }
        if request.method == "POST", request.path == Self.activationPath {
            return activation(request, step)
        }
        if request.method == "GET", request.path == Self.myRoleRequestsPath, step == nil {
            let list = state.withLock { $0.created }
            return .respond(Self.json(200, Self.encode(["value": list])))
        }
        return step?.fault ?? .respond(Self.json(404, #"{"error":{"code":"ResourceNotFound","message":"No route."}}"#))
    }

    private func next(_ key: String) -> Step? {
        state.withLock { state in
            guard var queue = state.routes[key], !queue.isEmpty else { return nil }
            let step = queue.count > 1 ? queue.removeFirst() : queue[0]
            state.routes[key] = queue
            return step
        }
    }

    /// Creates the request unless the script says the service failed before applying it.
    private func activation(_ request: ReceivedRequest, _ step: Step?) -> Fault {
        let applies: Bool
        switch step?.fault {
        case nil: applies = true
        case .respond(let response)?: applies = (200..<300).contains(response.status) || step!.commits
        default: applies = step!.commits
        }
        guard applies else { return step!.fault }
        let sent = (try? JSONSerialization.jsonObject(with: request.body ?? Data())) as? [String: Any] ?? [:]
        var created: [String: String] = [
            "id": "req-\(createdCount + 1)", "status": "Provisioned",
            "action": sent["action"] as? String ?? "selfActivate",
            "principalId": Self.me, "roleDefinitionId": sent["roleDefinitionId"] as? String ?? Self.roleId,
            "directoryScopeId": "/",
            "createdDateTime": ISO8601DateFormatter().string(from: now),
        ]
        created["justification"] = sent["justification"] as? String
        state.withLock { $0.created.append(created) }
        if let step, !(200..<300).contains(Self.status(of: step.fault) ?? 0) { return step.fault }
        return .respond(Self.json(201, Self.encode(created)))
    }

    private static func status(of fault: Fault) -> Int? {
        if case .respond(let response) = fault { return response.status }
        return nil
    }

    /// Answers each item from the routes; faults other than answers become 500 items.
    private func batch(_ request: ReceivedRequest) -> HTTPResponse {
        let version = request.path.hasPrefix("/beta/") ? "/beta" : "/v1.0"
        let object = (try? JSONSerialization.jsonObject(with: request.body ?? Data())) as? [String: Any] ?? [:]
        var responses: [[String: Any]] = []
        for item in (object["requests"] as? [[String: Any]]) ?? [] {
            let inner = ReceivedRequest(
                method: (item["method"] as? String) ?? "GET", target: version + ((item["url"] as? String) ?? ""),
                headers: request.headers, body: nil)
            var response = Self.json(500, #"{"error":{"code":"InternalServerError","message":"Scripted failure."}}"#)
            if case .respond(let answer) = answer(inner) { response = answer }
            var entry: [String: Any] = ["id": item["id"] ?? "", "status": response.status, "headers": response.headers]
            if let json = try? JSONSerialization.jsonObject(with: response.body) { entry["body"] = json }
            responses.append(entry)
        }
        return Self.json(200, encode(["responses": responses]))
    }

    private func encode(_ object: Any) -> String { Self.encode(object) }

    static func encode(_ object: Any) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
            body: Data(body.utf8))
    }
}

extension FaultGraph.Step {
    static func answer(_ status: Int, _ json: String, headers: [String: String] = [:]) -> Self {
        .init(fault: .respond(FaultGraph.json(status, json, headers: headers)), commits: false)
    }
    static func fault(_ fault: Fault, commits: Bool = false) -> Self { .init(fault: fault, commits: commits) }
}
