import Foundation
import LoopbackHTTP
import PIMGraph
import PIMSimulator
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The simulated tenant behind a real HTTP/1.1 server on 127.0.0.1: every request read from the
/// socket is handed to the tenant's `send` (async, bridged to this connection's thread) and its
/// answer written back, unless a scripted answer takes the request first. It records what arrived
/// (method, target, the Authorization header) so tests can tell which token reached which server.
final class TenantServer: Sendable {
    struct Arrival: Sendable {
        var method: String
        var target: String
        var authorization: String?
        var status: Int
    }

    let port: UInt16
    private let listener: Int32
    private let tenant: SimulatedTenant
    private let stopped = Atomic<Bool>(false)
    private let state = Mutex<
        (
            script: [@Sendable (RawRequest) -> HTTPResponse?],
            rewrite: (@Sendable (RawRequest, HTTPResponse) -> HTTPResponse)?, arrivals: [Arrival]
        )
    >(([], nil, []))

    init(tenant: SimulatedTenant, lifetime: Double = 600) throws {
        self.tenant = tenant
        (listener, port) = try LoopbackSocket.listen()
        let deadline = Date().addingTimeInterval(lifetime)
        Thread { [self] in self.acceptLoop(until: deadline) }.start()
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    func stop() { stopped.store(true, ordering: .sequentiallyConsistent) }

    /// Answers the requests `answer` returns a response for (checked before the tenant, newest rule first).
    func script(_ answer: @escaping @Sendable (RawRequest) -> HTTPResponse?) {
        state.withLock { $0.script.insert(answer, at: 0) }
    }

    /// Changes the tenant's answers before they are written (a scripted answer is left as it is).
    func rewrite(_ change: @escaping @Sendable (RawRequest, HTTPResponse) -> HTTPResponse) {
        state.withLock { $0.rewrite = change }
    }

    var arrivals: [Arrival] { state.withLock { $0.arrivals } }

    private func acceptLoop(until deadline: Date) {
        defer { close(listener) }
        while !stopped.load(ordering: .sequentiallyConsistent), Date() < deadline {
            guard let client = LoopbackSocket.accept(listener, waitingAtMost: 50) else { continue }
            Thread { [self] in self.serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let raw = LoopbackSocket.readRequest(client) else { return }
        // Each rule is asked once (a rule may count what it has answered).
        var scripted: HTTPResponse?
        for rule in state.withLock({ $0.script }) where scripted == nil { scripted = rule(raw) }
        let rewrite = state.withLock { $0.rewrite }
        let response = scripted ?? rewrite.map { $0(raw, answer(raw)) } ?? answer(raw)
        state.withLock {
            $0.arrivals.append(
                Arrival(
                    method: raw.method, target: raw.target, authorization: raw.header("Authorization"),
                    status: response.status))
        }
        var headers = response.headers
        headers["Content-Length"] = nil
        LoopbackSocket.write(
            client, LoopbackSocket.encode(status: response.status, headers: headers, body: response.body))
    }

    /// The tenant's answer, waited for on this thread (the server's threads are not the caller's tasks).
    private func answer(_ raw: RawRequest) -> HTTPResponse {
        let request = HTTPRequest(
            method: raw.method, url: URL(string: baseURL.absoluteString + raw.target)!, headers: raw.headers,
            body: raw.body)
        let result = Mutex<HTTPResponse?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task { [tenant] in
            let response: HTTPResponse
            do { response = try await tenant.send(request) } catch {
                response = HTTPResponse(status: 599, headers: [:], body: Data("\(error)".utf8))
            }
            result.withLock { $0 = response }
            done.signal()
        }
        done.wait()
        return result.withLock { $0! }
    }
}
