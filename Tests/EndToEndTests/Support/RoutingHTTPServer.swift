import Foundation
import LoopbackHTTP
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A 127.0.0.1 server whose answers come from `route`, recording every request it read, for runs of
/// the built binary that need more than one fixed answer (sign-in, then Graph).
final class RoutingHTTPServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let route: @Sendable (RawRequest) -> (status: Int, body: String)
    private let stopped = Atomic<Bool>(false)
    private let seen = Mutex<[RawRequest]>([])

    init(route: @escaping @Sendable (RawRequest) -> (status: Int, body: String)) throws {
        self.route = route
        (listener, port) = try LoopbackSocket.listen()
        Thread { [self] in self.acceptLoop() }.start()
    }

    var url: String { "http://127.0.0.1:\(port)" }
    var requests: [RawRequest] { seen.withLock { $0 } }

    func stop() { stopped.store(true, ordering: .sequentiallyConsistent) }
    deinit { stop() }

    private func acceptLoop() {
        defer { close(listener) }
        while !stopped.load(ordering: .sequentiallyConsistent) {
            guard let client = LoopbackSocket.accept(listener, waitingAtMost: 50) else { continue }
            if let request = LoopbackSocket.readRequest(client) {
                seen.withLock { $0.append(request) }
                let answer = route(request)
                LoopbackSocket.write(client, LoopbackSocket.encode(status: answer.status, body: Data(answer.body.utf8)))
            }
            close(client)
        }
    }
}
