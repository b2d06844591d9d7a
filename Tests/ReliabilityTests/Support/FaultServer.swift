import Foundation
import PIMGraph
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What the fault server does with one connection.
enum Fault: Sendable {
    /// Reads the request and answers it.
    case respond(HTTPResponse)
    /// Reads the request, then resets the connection (RST) without a byte of answer.
    case resetAfterReading
    /// Resets the connection as soon as it is accepted, before reading the request.
    case resetBeforeReading
    /// Reads the request and says nothing until the client gives up (bounded by `FaultServer.stallLimit`).
    case stallAfterReading
    /// Accepts but reads nothing until the client gives up: the service never saw the request.
    case stallBeforeReading
    /// Answers with the full `Content-Length` of `response` but only its first `keep` body bytes, then closes.
    case cutOff(HTTPResponse, keep: Int)
}

/// One request as the fault server read it.
struct ReceivedRequest: Sendable {
    var method: String
    /// Decoded path without the query, e.g. `/v1.0/me`.
    var path: String
    /// Decoded query, without `?`.
    var query: String
    var headers: [String: String]
    var body: Data?

    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// A small HTTP/1.1 server on 127.0.0.1 whose every connection follows a script: answer, reset,
/// stall, or cut the body short. One thread per connection (`Connection: close`), so a stalled
/// exchange does not hold up the client's retry. Bounded: it stops by itself after `lifetime`
/// seconds, and a stall never outlasts `stallLimit`.
final class FaultServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let decide: @Sendable (ReceivedRequest?) -> Fault
    private let stopped = Atomic<Bool>(false)
    static let stallLimit = 3.0

    /// - Parameters:
    ///   - lifetime: seconds after which the server stops accepting even if nobody called `stop()`.
    ///   - decide: the fault for a connection, given the request read (nil for faults before reading:
    ///     `decide(nil)` is asked first, and only `.resetBeforeReading` / `.stallBeforeReading` act on it).
    init(lifetime: Double = 60, decide: @escaping @Sendable (ReceivedRequest?) -> Fault) throws {
        self.decide = decide
        // Close-on-exec: other tests in this process spawn programs, which must not inherit the socket.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 32) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let deadline = Date().addingTimeInterval(lifetime)
        Thread { [self] in self.acceptLoop(until: deadline) }.start()
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    func stop() { stopped.store(true, ordering: .sequentiallyConsistent) }

    private func acceptLoop(until deadline: Date) {
        defer { close(listener) }
        while !stopped.load(ordering: .sequentiallyConsistent), Date() < deadline {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            Thread { [self] in self.serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        switch decide(nil) {
        case .resetBeforeReading: reset(client); return
        case .stallBeforeReading: stall(client); close(client); return
        default: break
        }
        guard let request = readRequest(client) else { close(client); return }
        switch decide(request) {
        case .respond(let response): write(client, Self.encode(response)); close(client)
        case .resetAfterReading: reset(client)
        case .stallAfterReading: stall(client); close(client)
        case .cutOff(let response, let keep):
            let full = Self.encode(response)
            write(client, full.prefix(full.count - response.body.count + min(keep, response.body.count)))
            close(client)
        case .resetBeforeReading, .stallBeforeReading: reset(client)
        }
    }

    /// Closes with SO_LINGER 0: the peer sees a reset, not an orderly end.
    private func reset(_ client: Int32) {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(client)
    }

    /// Waits until the client closes its end (it timed out) or `stallLimit` passes.
    private func stall(_ client: Int32) {
        let end = Date().addingTimeInterval(Self.stallLimit)
        var byte = [UInt8](repeating: 0, count: 1)
        while Date() < end, !stopped.load(ordering: .sequentiallyConsistent) {
            var poller = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 50) > 0 {
                // Readable with nothing to read: the client hung up.
                if recv(client, &byte, 1, Int32(MSG_PEEK)) <= 0 { return }
                usleep(20_000)
            }
        }
    }

    private func readRequest(_ client: Int32) -> ReceivedRequest? {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let separator = Data("\r\n\r\n".utf8)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            let count = read(client, &chunk, chunk.count)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            headerEnd = buffer.range(of: separator)
        }
        let head = String(decoding: buffer[..<headerEnd!.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers.first { $0.key.lowercased() == "content-length" }?.value ?? "0") ?? 0
        var body = Data(buffer[headerEnd!.upperBound...])
        while body.count < length {
            let count = read(client, &chunk, chunk.count)
            guard count > 0 else { break }
            body.append(contentsOf: chunk[0..<count])
        }
        let components = URLComponents(string: String(requestLine[1]))
        return ReceivedRequest(method: String(requestLine[0]), path: components?.path ?? String(requestLine[1]),
                               query: components?.query ?? "", headers: headers, body: body.isEmpty ? nil : body)
    }

    private func write(_ client: Int32, _ bytes: Data) {
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = Glibc.write(client, raw.baseAddress! + sent, raw.count - sent)
                if n <= 0 { break }
                sent += n
            }
        }
    }

    static func encode(_ response: HTTPResponse) -> Data {
        var out = "HTTP/1.1 \(response.status) Status\r\n"
        var headers = response.headers
        headers["Content-Length"] = "\(response.body.count)"
        headers["Connection"] = "close"
        if headers["Content-Type"] == nil, !response.body.isEmpty { headers["Content-Type"] = "application/json" }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { out += "\(name): \(value)\r\n" }
        out += "\r\n"
        return Data(out.utf8) + response.body
    }
}
