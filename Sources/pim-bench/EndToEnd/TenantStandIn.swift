import Foundation
import PIMGraph
import PIMSimulator
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The simulated tenant behind two 127.0.0.1 HTTP/1.1 listeners, one for Graph and one for Azure Resource
/// Manager, so the real `pim` binary can be pointed at it with `PIM_GRAPH_URL` and `PIM_ARM_URL`.
/// Keep-alive, one thread per connection (curl opens several for concurrent chunks), `Content-Length`
/// bodies; every answer is written `latency` after its request's head arrived, as over a network. It records
/// when each head arrived and each answer was written, and can hold the first answer of a run to measure
/// what the waiting client costs.
final class TenantStandIn: Sendable {
    /// What one run asks of the stand-in beyond answering.
    final class Hold: Sendable {
        let seconds: Double
        /// The waiting client's process id (set right after spawning it).
        let process = Mutex<pid_t?>(nil)
        /// CPU seconds (user + system) of the client while the first request waited, and the wall seconds.
        let measured = Mutex<(cpu: Double, wall: Double)?>(nil)

        init(seconds: Double) { self.seconds = seconds }
    }

    private struct RunState: Sendable {
        var exchanges: [WireExchange] = []
        var hold: Hold?
        var held = false
    }

    private let tenant: SimulatedTenant
    private let latencyNanoseconds: UInt64
    private let graph: (descriptor: Int32, port: UInt16)
    private let arm: (descriptor: Int32, port: UInt16)
    private let run = Mutex(RunState())
    private let stopped = Atomic<Bool>(false)

    var graphURL: String { "http://127.0.0.1:\(graph.port)" }
    var armURL: String { "http://127.0.0.1:\(arm.port)" }

    init(tenant: SimulatedTenant, latencyMilliseconds: Int) throws {
        self.tenant = tenant
        latencyNanoseconds = UInt64(latencyMilliseconds) * 1_000_000
        graph = try Self.listen()
        arm = try Self.listen()
        for (listener, service) in [(graph, WireExchange.Service.graph), (arm, .arm)] {
            let descriptor = listener.descriptor
            Thread { [self] in self.acceptLoop(descriptor, service) }.start()
        }
    }

    func stop() { stopped.store(true, ordering: .sequentiallyConsistent) }

    /// Forgets the last run's exchanges; with `hold`, the first request of this run is answered only after
    /// `hold.seconds`.
    func beginRun(hold: Hold? = nil) {
        run.withLock { $0 = RunState(hold: hold) }
    }

    /// The exchanges of the run so far, oldest first.
    func exchanges() -> [WireExchange] { run.withLock { $0.exchanges } }

    // MARK: sockets

    private static func listen() throws -> (descriptor: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw BenchError("The stand-in could not open a socket (errno \(errno)).") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else {
            close(fd)
            throw BenchError("The stand-in could not listen on 127.0.0.1 (errno \(errno)).")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private func acceptLoop(_ listener: Int32, _ service: WireExchange.Service) {
        defer { close(listener) }
        while !stopped.load(ordering: .sequentiallyConsistent) {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            Thread { [self] in self.serve(client, service) }.start()
        }
    }

    /// One connection: requests one after another until the client closes it.
    private func serve(_ client: Int32, _ service: WireExchange.Service) {
        defer { close(client) }
        var reader = RequestReader(descriptor: client)
        while !stopped.load(ordering: .sequentiallyConsistent) {
            guard reader.waitForData(stopped: { self.stopped.load(ordering: .sequentiallyConsistent) }) else {
                return
            }
            let arrived = Measure.nanoseconds()
            guard let request = reader.next() else { return }
            let answer = respond(to: request, service: service, arrived: arrived)
            guard Self.write(client, answer.bytes) else { return }
            let answered = Measure.nanoseconds()
            let path = String(request.target.prefix { $0 != "?" })
            run.withLock {
                $0.exchanges.append(
                    WireExchange(
                        service: service, method: request.method, path: path, arrived: arrived, answered: answered))
            }
        }
    }

    private func respond(
        to raw: RequestReader.Request, service: WireExchange.Service, arrived: UInt64
    ) -> (bytes: [UInt8], status: Int) {
        let base = service == .graph ? graphURL : armURL
        guard let url = URL(string: base + raw.target) else {
            return (Self.encode(HTTPResponse(status: 400)), 400)
        }
        let request = HTTPRequest(method: raw.method, url: url, headers: raw.headers, body: raw.body)
        let hold = run.withLock { state -> Hold? in
            guard let hold = state.hold, !state.held else { return nil }
            state.held = true
            return hold
        }
        let before = hold.flatMap { Self.processCPU($0) }
        let response = Self.blockingSend(request, to: tenant)
        let due = arrived + (hold.map { UInt64($0.seconds * 1e9) } ?? latencyNanoseconds)
        let now = Measure.nanoseconds()
        if due > now { Self.sleep(nanoseconds: due - now) }
        if let hold, let before, let after = Self.processCPU(hold) {
            hold.measured.withLock { $0 = (after.cpu - before.cpu, Double(after.at - before.at) / 1e9) }
        }
        return (Self.encode(response), response.status)
    }

    /// The held client's CPU seconds now, and when they were read.
    private static func processCPU(_ hold: Hold) -> (cpu: Double, at: UInt64)? {
        var pid: pid_t?
        for _ in 0..<200 {
            // The request can beat the spawner to recording the id by a moment.
            pid = hold.process.withLock { $0 }
            if pid != nil { break }
            sleep(nanoseconds: 5_000_000)
        }
        guard let pid, let cpu = ProcessCPU.seconds(of: pid) else { return nil }
        return (cpu, Measure.nanoseconds())
    }

    /// The tenant's answer, waited for on this connection's thread.
    private static func blockingSend(_ request: HTTPRequest, to tenant: SimulatedTenant) -> HTTPResponse {
        let answer = Answer()
        Task {
            answer.set((try? await tenant.send(request)) ?? HTTPResponse(status: 500))
        }
        return answer.wait()
    }

    /// An answer handed from the tenant's task to the connection's thread.
    private final class Answer: Sendable {
        private let response = Mutex<HTTPResponse?>(nil)
        private let done = DispatchSemaphore(value: 0)

        func set(_ value: HTTPResponse) {
            response.withLock { $0 = value }
            done.signal()
        }

        func wait() -> HTTPResponse {
            done.wait()
            return response.withLock { $0 } ?? HTTPResponse(status: 500)
        }
    }

    private static func encode(_ response: HTTPResponse) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(response.status < 400 ? "OK" : "Error")\r\n"
        let dropped: Set<String> = ["content-length", "connection", "transfer-encoding", "content-encoding"]
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key })
        where !dropped.contains(name.lowercased()) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\nConnection: keep-alive\r\n\r\n"
        return Array(head.utf8) + Array(response.body)
    }

    private static func write(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(client, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { return false }
                sent += n
            }
            return true
        }
    }

    static func sleep(nanoseconds: UInt64) {
        var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var left = timespec()
        while nanosleep(&request, &left) == -1 && errno == EINTR { request = left }
    }
}

/// HTTP/1.1 requests from one keep-alive connection: the head up to the blank line, then a
/// `Content-Length` body; bytes of the next request that arrived early stay for the next call.
struct RequestReader {
    struct Request {
        var method: String
        /// As sent: the path and query.
        var target: String
        var headers: [String: String]
        var body: Data?
    }

    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Waits until a request's first bytes are here (false: the client closed or the stand-in stopped).
    mutating func waitForData(stopped: () -> Bool) -> Bool {
        while buffer.isEmpty {
            if stopped() { return false }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) >= 0 else { return false }
            if poller.revents != 0 { return fill() }
        }
        return true
    }

    mutating func next() -> Request? {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd = buffer.firstRange(of: separator)
        while headEnd == nil {
            guard fill() else { return nil }
            headEnd = buffer.firstRange(of: separator)
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers.first { $0.key.lowercased() == "content-length" }?.value ?? "0") ?? 0
        while buffer.count - headEnd.upperBound < length {
            guard fill() else { return nil }
        }
        let body = Data(buffer[headEnd.upperBound..<(headEnd.upperBound + length)])
        buffer.removeFirst(headEnd.upperBound + length)
        return Request(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
            body: length > 0 ? body : nil)
    }

    /// Reads what is there (blocking); false when the client closed.
    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = read(descriptor, &chunk, chunk.count)
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }
}
