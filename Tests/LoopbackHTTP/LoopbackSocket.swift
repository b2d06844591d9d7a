import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 request as a loopback test server read it.
public struct RawRequest: Sendable {
    public var method: String
    /// The request target as sent, e.g. `/v1.0/me?$select=id`.
    public var target: String
    public var headers: [String: String]
    public var body: Data?
    /// The head and body as text, as they arrived.
    public var text: String

    /// The decoded path without the query.
    public var path: String { URLComponents(string: target)?.path ?? target }
    /// The decoded query, without `?`.
    public var query: String { URLComponents(string: target)?.query ?? "" }

    public init(method: String, target: String, headers: [String: String], body: Data?, text: String = "") {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.text = text
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// The socket work the test servers share: a listening socket on 127.0.0.1 and a port the kernel
/// picks, reading one request (head, then body by `Content-Length`), writing whole answers, resets.
/// Each server keeps its own policy (fixed answer, handler, fault script) on top.
public enum LoopbackSocket {
    /// A listening socket (close-on-exec: tests spawn programs that must not inherit it) and its port.
    /// `address` is 127.0.0.1 unless a test needs a server reachable through another of this
    /// machine's addresses (to prove pim does not connect there).
    public static func listen(
        backlog: Int32 = 32, address host: String = "127.0.0.1"
    ) throws -> (descriptor: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0  // the kernel picks a free port
        address.sin_addr.s_addr = inet_addr(host)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(fd, backlog) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// An IPv4 address of this machine that is not loopback (nil when it has none).
    public static func nonLoopbackAddress() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return nil }
        defer { freeifaddrs(list) }
        var entry = list
        while let current = entry {
            defer { entry = current.pointee.ifa_next }
            guard let address = current.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else {
                continue
            }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            let ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            var copy = ipv4
            guard inet_ntop(AF_INET, &copy, &text, socklen_t(text.count)) != nil else { continue }
            let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !name.hasPrefix("127.") { return name }
        }
        return nil
    }

    /// Accepts one connection, waiting at most `milliseconds` (nil when none came or the socket closed).
    public static func accept(_ listener: Int32, waitingAtMost milliseconds: Int32) -> Int32? {
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return nil }
        let client = Glibc.accept(listener, nil, nil)
        guard client >= 0 else { return nil }
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        return client
    }

    /// Reads the head and the body (by `Content-Length`); nil when the client closed first.
    public static func readRequest(_ client: Int32) -> RawRequest? {
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
        return RawRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
            body: body.isEmpty ? nil : body,
            text: head + "\r\n\r\n" + String(decoding: body, as: UTF8.self))
    }

    /// An answer with `Content-Length`, `Connection: close` (or keep-alive) and a JSON content type when there is a
    /// body.
    public static func encode(
        status: Int, headers: [String: String] = [:], body: Data = Data(), keepAlive: Bool = false
    ) -> Data {
        var out = "HTTP/1.1 \(status) \(reason(status))\r\n"
        var all = headers
        all["Content-Length"] = "\(body.count)"
        all["Connection"] = keepAlive ? "keep-alive" : "close"
        if all["Content-Type"] == nil, !body.isEmpty { all["Content-Type"] = "application/json" }
        for (name, value) in all.sorted(by: { $0.key < $1.key }) { out += "\(name): \(value)\r\n" }
        out += "\r\n"
        return Data(out.utf8) + body
    }

    /// `body` in HTTP/1.1 chunked transfer coding (64 KiB chunks and the last, empty one), so the
    /// client cannot know its length before it has read it all.
    public static func chunked(_ body: Data) -> Data {
        var out = Data()
        var offset = body.startIndex
        while offset < body.endIndex {
            let end = min(offset + 65_536, body.endIndex)
            out.append(Data((String(end - offset, radix: 16) + "\r\n").utf8))
            out.append(body[offset..<end])
            out.append(Data("\r\n".utf8))
            offset = end
        }
        out.append(Data("0\r\n\r\n".utf8))
        return out
    }

    /// A server on 127.0.0.1 that answers one connection with `bytes`, whatever was asked, and
    /// closes; its port, or nil when no socket could be had. The answer is written on a thread of
    /// its own (it may be larger than the socket buffer), and the request is drained before the
    /// close so the client sees an orderly end. It gives up after 5 s without a client.
    public static func answerOnce(_ bytes: Data) -> UInt16? {
        guard let (listener, port) = try? listen(backlog: 1) else { return nil }
        Thread {
            defer { close(listener) }
            guard let client = accept(listener, waitingAtMost: 5000) else { return }
            write(client, bytes)
            shutdown(client, Int32(SHUT_WR))
            var sink = [UInt8](repeating: 0, count: 4096)
            var reader = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            while poll(&reader, 1, 5000) > 0, recv(client, &sink, sink.count, 0) > 0 {}
            close(client)
        }.start()
        return port
    }

    /// Writes all of `bytes` (a peer that went away ends it early, without SIGPIPE).
    public static func write(_ client: Int32, _ bytes: Data) {
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(client, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { break }
                sent += n
            }
        }
    }

    /// Closes with SO_LINGER 0: the peer sees a reset, not an orderly end.
    public static func reset(_ client: Int32) {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(client)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        default: "Status"
        }
    }
}
