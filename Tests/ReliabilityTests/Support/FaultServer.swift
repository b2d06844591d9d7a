import Foundation
import LoopbackHTTP
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
    /// Resets the connection once the client's request has arrived, without reading it: the service
    /// never saw it, while the client had sent it (so it cannot know). Resetting at accept instead
    /// raced the client's write: when the reset won, the client knew nothing had left and rightly sent
    /// again, and the scenario changed with the machine's load.
    case resetBeforeReading
    /// Reads the request and says nothing until the client gives up (bounded by `FaultServer.stallLimit`).
    case stallAfterReading
    /// Accepts but reads nothing until the client gives up: the service never saw the request.
    case stallBeforeReading
    /// Answers with the full `Content-Length` of `response` but only its first `keep` body bytes, then closes.
    case cutOff(HTTPResponse, keep: Int)
}

/// One request as the fault server read it.
typealias ReceivedRequest = RawRequest

/// A small HTTP/1.1 server on 127.0.0.1 whose every connection follows a script: answer, reset,
/// stall, or cut the body short. One thread per connection (`Connection: close`), so a stalled
/// exchange does not hold up the client's retry. Bounded: it stops by itself after `lifetime`
/// seconds (ten minutes: in a full parallel run a test may wait its turn for over a minute between
/// starting its server and sending, and a server that had already closed made "could not connect"
/// failures out of nothing), and a stall never outlasts `stallLimit`.
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
    init(lifetime: Double = 600, decide: @escaping @Sendable (ReceivedRequest?) -> Fault) throws {
        self.decide = decide
        (listener, port) = try LoopbackSocket.listen()
        let deadline = Date().addingTimeInterval(lifetime)
        Thread { [self] in self.acceptLoop(until: deadline) }.start()
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    func stop() { stopped.store(true, ordering: .sequentiallyConsistent) }

    private func acceptLoop(until deadline: Date) {
        defer { close(listener) }
        while !stopped.load(ordering: .sequentiallyConsistent), Date() < deadline {
            guard let client = LoopbackSocket.accept(listener, waitingAtMost: 50) else { continue }
            Thread { [self] in self.serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        switch decide(nil) {
        case .resetBeforeReading:
            var poller = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            _ = poll(&poller, 1, 2000)
            LoopbackSocket.reset(client)
            return
        case .stallBeforeReading: stall(client); close(client); return
        default: break
        }
        guard let request = LoopbackSocket.readRequest(client) else { close(client); return }
        switch decide(request) {
        case .respond(let response): LoopbackSocket.write(client, Self.encode(response)); close(client)
        case .resetAfterReading: LoopbackSocket.reset(client)
        case .stallAfterReading: stall(client); close(client)
        case .cutOff(let response, let keep):
            let full = Self.encode(response)
            LoopbackSocket.write(client, full.prefix(full.count - response.body.count + min(keep, response.body.count)))
            close(client)
        case .resetBeforeReading, .stallBeforeReading: LoopbackSocket.reset(client)
        }
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

    static func encode(_ response: HTTPResponse) -> Data {
        LoopbackSocket.encode(status: response.status, headers: response.headers, body: response.body)
    }
}
