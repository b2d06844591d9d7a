import Foundation
import LoopbackHTTP
import PIMGraph
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What a hostile server does with one request.
enum HostileAnswer: Sendable {
    /// Answers and keeps the connection open for the next request.
    case respond(HTTPResponse)
    /// Writes these bytes as they are (any head, any body), then closes.
    case raw(Data)
    /// Resets the connection without a byte of answer.
    case reset
}

/// One request as the hostile server read it, with the connection it came on.
struct HostileRequest: Sendable {
    var request: RawRequest
    /// 1 for the first connection the server accepted, 2 for the next, …
    var connection: Int
    /// 1 for the first request on its connection; more means the client reused the connection.
    var position: Int
}

/// A 127.0.0.1 HTTP/1.1 server that keeps connections alive and answers whatever a test scripts:
/// redirects, compressed bombs, heads with control characters, resets on reused connections. It
/// records every request with its connection, and how many answer bytes the client took before it
/// hung up. Bounded: it stops by itself after `lifetime` seconds.
final class HostileServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (HostileRequest) -> HostileAnswer
    private let log = Mutex<(requests: [HostileRequest], connections: Int, unsent: [Int])>(([], 0, []))
    private let stopped = Atomic<Bool>(false)

    init(lifetime: Double = 600, _ handler: @escaping @Sendable (HostileRequest) -> HostileAnswer) throws {
        self.handler = handler
        (listener, port) = try LoopbackSocket.listen()
        let deadline = Date().addingTimeInterval(lifetime)
        Thread { [self] in self.acceptLoop(until: deadline) }.start()
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var requests: [HostileRequest] { log.withLock { $0.requests } }
    /// For each `.raw` answer, the bytes that could not be delivered because the client had closed.
    var undeliveredBytes: [Int] { log.withLock { $0.unsent } }

    /// The undelivered bytes of the first `.raw` answer, once its writer has finished (it may still be
    /// pushing into the socket when the client has already given up); nil if it never finishes.
    func undeliveredBytesOfFirstAnswer(waitingAtMost seconds: Double = 10) -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let first = undeliveredBytes.first { return first }
            usleep(10_000)
        }
        return nil
    }

    func stop() { stopped.store(true, ordering: .sequentiallyConsistent) }

    private func acceptLoop(until deadline: Date) {
        defer { close(listener) }
        while !stopped.load(ordering: .sequentiallyConsistent), Date() < deadline {
            guard let client = LoopbackSocket.accept(listener, waitingAtMost: 50) else { continue }
            let connection = log.withLock {
                $0.connections += 1; return $0.connections
            }
            Thread { [self] in self.serve(client, connection: connection) }.start()
        }
    }

    private func serve(_ client: Int32, connection: Int) {
        var position = 0
        while !stopped.load(ordering: .sequentiallyConsistent), let request = LoopbackSocket.readRequest(client) {
            position += 1
            let seen = HostileRequest(request: request, connection: connection, position: position)
            log.withLock { $0.requests.append(seen) }
            switch handler(seen) {
            case .respond(let response):
                LoopbackSocket.write(
                    client,
                    LoopbackSocket.encode(
                        status: response.status, headers: response.headers,
                        body: response.body, keepAlive: true))
            case .raw(let bytes):
                let unsent = Self.write(client, bytes)
                log.withLock { $0.unsent.append(unsent) }
                close(client)
                return
            case .reset:
                LoopbackSocket.reset(client)
                return
            }
        }
        close(client)
    }

    /// Writes `bytes` in pieces; returns how many the peer never took (it closed or reset first).
    private static func write(_ client: Int32, _ bytes: Data) -> Int {
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(client, raw.baseAddress! + sent, min(65_536, raw.count - sent), Int32(MSG_NOSIGNAL))
                if n <= 0 { break }
                sent += n
            }
            return raw.count - sent
        }
    }

    /// A raw HTTP/1.1 answer: status line, headers exactly as given, and the body — with its
    /// `Content-Length`, or `chunked` in 64 KiB chunks so the client cannot know its size up front.
    static func rawAnswer(status: Int = 200, headers: [(String, String)], body: Data, chunked: Bool = false) -> Data {
        var head = "HTTP/1.1 \(status) Status\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        guard chunked else {
            head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
            return Data(head.utf8) + body
        }
        return Data((head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").utf8)
            + LoopbackSocket.chunked(body)
    }
}
