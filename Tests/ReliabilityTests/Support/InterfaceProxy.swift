import Foundation
import LoopbackHTTP
import PIMGraph
import Synchronization

/// What the proxy does with one matching request instead of passing the tenant's answer on.
enum ProxyStep: Sendable {
    /// A canned answer; the tenant never sees the request.
    case answer(HTTPResponse)
    /// Reads the request, hands it to the tenant when `applied`, then resets the connection.
    case reset(applied: Bool)
    /// Reads the request, hands it to the tenant when `applied`, then says nothing until the client gives up.
    case stall(applied: Bool)
    /// Hands the request to the tenant and sends its answer with only the first `keep` body bytes.
    case cut(keep: Int)
    /// Hands the request to the tenant (it acts on it) but answers `response` instead.
    case answerAfterApplying(HTTPResponse)
    /// Hands the request to the tenant and passes on its answer changed by `change`.
    case transform(@Sendable (HTTPResponse) -> HTTPResponse)
}

/// The simulated tenant behind a real HTTP server on 127.0.0.1, so the client's `CurlTransport`
/// meets faults that only exist on the wire: resets, stalls before and after the request was read,
/// bodies cut short, answers the tenant would never give. Everything not scripted is passed to the
/// tenant as is (the tenant builds its next-page links from the proxy's address).
final class TenantProxy: Sendable {
    private struct Rule {
        var traffic: Traffic
        var step: ProxyStep
        var remaining: Int
    }
    private struct Script {
        var rules: [Rule] = []
        var beforeReading: [Fault] = []
        /// Scripted steps and faults played so far.
        var played = 0
    }
    /// The script, shared with the server's connection threads.
    private final class Shared: Sendable {
        let script = Mutex(Script())
        func withLock<T>(_ body: (inout Script) -> T) -> T { script.withLock { body(&$0) } }
    }

    private let script = Shared()
    let server: FaultServer

    init(upstream: any Transport) throws {
        let script = self.script
        server = try FaultServer(lifetime: 120) { request in
            guard let request else {
                return script.withLock { script in
                    guard !script.beforeReading.isEmpty else { return .respond(HTTPResponse(status: 200)) }
                    script.played += 1
                    return script.beforeReading.removeFirst()
                }
            }
            let step = script.withLock { script -> ProxyStep? in
                guard
                    let index = script.rules.firstIndex(where: {
                        $0.remaining > 0
                            && $0.traffic.matches(method: request.method, path: request.path, query: request.query)
                    })
                else { return nil }
                script.rules[index].remaining -= 1
                script.played += 1
                return script.rules[index].step
            }
            switch step {
            case nil: return TenantProxy.forward(request, to: upstream).map(Fault.respond) ?? .resetAfterReading
            case .answer(let response)?: return .respond(response)
            case .reset(let applied)?:
                if applied { _ = TenantProxy.forward(request, to: upstream) }
                return .resetAfterReading
            case .stall(let applied)?:
                if applied { _ = TenantProxy.forward(request, to: upstream) }
                return .stallAfterReading
            case .cut(let keep)?:
                guard let response = TenantProxy.forward(request, to: upstream) else { return .resetAfterReading }
                return .cutOff(response, keep: keep)
            case .answerAfterApplying(let response)?:
                _ = TenantProxy.forward(request, to: upstream)
                return .respond(response)
            case .transform(let change)?:
                return TenantProxy.forward(request, to: upstream).map { .respond(change($0)) } ?? .resetAfterReading
            }
        }
    }

    var baseURL: URL { server.baseURL }

    /// The next `times` matching requests get `step`.
    func on(_ traffic: Traffic, _ step: ProxyStep, times: Int = 1) {
        script.withLock { $0.rules.append(Rule(traffic: traffic, step: step, remaining: times)) }
    }

    /// The next connection gets `fault` (`.resetBeforeReading`, `.stallBeforeReading`) before its request is read.
    func beforeReading(_ fault: Fault) { script.withLock { $0.beforeReading.append(fault) } }

    /// Drops whatever is still scripted: the wire is healthy again.
    func clear() {
        script.withLock {
            $0.rules = []; $0.beforeReading = []
        }
    }

    /// How many scripted faults the client met.
    var played: Int { script.withLock { $0.played } }

    func stop() { server.stop() }

    /// Hands one request read off the wire to the tenant and waits for its answer (the server's
    /// connection thread is not part of Swift concurrency, so it may block).
    static func forward(_ request: ReceivedRequest, to upstream: any Transport) -> HTTPResponse? {
        var components = URLComponents()
        components.scheme = "http"
        components.host = "127.0.0.1"
        let host = request.header("Host") ?? ""
        components.port = host.split(separator: ":").last.flatMap { Int($0) }
        components.path = request.path
        if !request.query.isEmpty { components.query = request.query }
        guard let url = components.url else { return nil }
        let headers = request.headers.filter {
            !["host", "content-length", "connection"].contains($0.key.lowercased())
        }
        let http = HTTPRequest(method: request.method, url: url, headers: headers, body: request.body)
        let answer = Answer()
        Task {
            answer.set(try? await upstream.send(http))
        }
        answer.done.wait()
        return answer.value
    }

    /// The tenant's answer, handed from its task to the connection thread.
    private final class Answer: Sendable {
        let done = DispatchSemaphore(value: 0)
        private let storage = Mutex<HTTPResponse?>(nil)
        func set(_ response: HTTPResponse?) {
            storage.withLock { $0 = response }
            done.signal()
        }
        var value: HTTPResponse? { storage.withLock { $0 } }
    }
}
