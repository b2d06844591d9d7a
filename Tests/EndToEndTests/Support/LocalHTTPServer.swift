import Foundation
import LoopbackHTTP
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A tiny HTTP/1.1 server on 127.0.0.1 that answers every request with the same response, so
/// the built binary can be driven against "Graph" failing in a controlled way (503 after 503).
final class LocalHTTPServer: Sendable {
    let port: UInt16
    private let socketFD: Int32
    private let served = Mutex(0)
    private let stopped = Mutex(false)
    private let received = Mutex<[String]>([])

    /// Starts listening on an ephemeral port; every connection gets `status`, `headers` and `body`.
    init(status: Int, headers: [String: String] = [:], body: String = "", address: String = "127.0.0.1") throws {
        do { (socketFD, port) = try LoopbackSocket.listen(backlog: 16, address: address) } catch {
            throw ServerError("bind/listen failed")
        }
        var allHeaders = headers
        if allHeaders["Content-Type"] == nil { allHeaders["Content-Type"] = "application/json" }
        let response = LoopbackSocket.encode(status: status, headers: allHeaders, body: Data(body.utf8))
        Thread { [self] in self.serve(response) }.start()
    }

    /// Starts listening; every connection gets `raw` as it is (any head, any body).
    init(raw: Data) throws {
        do { (socketFD, port) = try LoopbackSocket.listen(backlog: 16) } catch {
            throw ServerError("bind/listen failed")
        }
        Thread { [self] in self.serve(raw) }.start()
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Requests answered so far.
    var requestCount: Int { served.withLock { $0 } }

    /// Every request received so far (head and body as text), oldest first.
    var requests: [String] { received.withLock { $0 } }

    private func serve(_ response: Data) {
        while !stopped.withLock({ $0 }) {
            let client = accept(socketFD, nil, nil)
            if client < 0 { return }
            if let request = LoopbackSocket.readRequest(client) { received.withLock { $0.append(request.text) } }
            LoopbackSocket.write(client, response)
            served.withLock { $0 += 1 }
            close(client)
        }
    }

    /// Stops listening; closes the socket exactly once (a second close could hit a reused descriptor).
    func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    deinit { stop() }

    /// A port on 127.0.0.1 that nothing listens on (bound, then closed).
    static func closedPort() throws -> UInt16 {
        let server = try LocalHTTPServer(status: 200)
        let port = server.port
        server.stop()
        return port
    }
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
