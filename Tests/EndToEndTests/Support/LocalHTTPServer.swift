import Foundation
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
    init(status: Int, headers: [String: String] = [:], body: String = "") throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw ServerError("bind/listen failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        socketFD = fd
        var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\n"
        var allHeaders = headers
        allHeaders["Content-Length"] = String(body.utf8.count)
        allHeaders["Connection"] = "close"
        if allHeaders["Content-Type"] == nil { allHeaders["Content-Type"] = "application/json" }
        for (name, value) in allHeaders.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        let response = Array((head + "\r\n" + body).utf8)
        let thread = Thread { [self] in self.serve(response) }
        thread.start()
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Requests answered so far.
    var requestCount: Int { served.withLock { $0 } }

    /// Every request received so far (head and body as text), oldest first.
    var requests: [String] { received.withLock { $0 } }

    private func serve(_ response: [UInt8]) {
        while !stopped.withLock({ $0 }) {
            let client = accept(socketFD, nil, nil)
            if client < 0 { return }
            readRequest(client)
            _ = response.withUnsafeBytes { send(client, $0.baseAddress, response.count, Int32(MSG_NOSIGNAL)) }
            served.withLock { $0 += 1 }
            close(client)
        }
    }

    /// Reads the head and the body (by Content-Length) so the client sees a complete exchange.
    private func readRequest(_ client: Int32) {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return }
            data += buffer[0..<count]
            guard let text = String(bytes: data, encoding: .utf8), let end = text.range(of: "\r\n\r\n") else { continue }
            let head = text[..<end.lowerBound].lowercased()
            let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            if text.utf8.count - text.utf8.distance(from: text.startIndex, to: end.upperBound) >= length {
                received.withLock { $0.append(text) }
                return
            }
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
