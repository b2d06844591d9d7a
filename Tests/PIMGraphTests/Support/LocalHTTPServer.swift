import Foundation
import LoopbackHTTP
import PIMGraph
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 and a random port, for driving the real URLSession transport.
/// One thread accepts and answers connections one at a time (`Connection: close`); the answers come
/// from `handler`, which sees each request as an `HTTPRequest`.
final class LocalHTTPServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let stopped = Atomic<Bool>(false)

    init(handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws {
        self.handler = handler
        (listener, port) = try LoopbackSocket.listen(backlog: 16)
        Thread { [self] in self.acceptLoop() }.start()
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Stops accepting. The accept thread closes the socket itself on its way out, so the descriptor
    /// number cannot be reused by another server while this thread might still call `accept` on it.
    func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while !stopped.load(ordering: .sequentiallyConsistent) {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            if let request = LoopbackSocket.readRequest(client) {
                let url = URL(string: "http://127.0.0.1:\(port)\(request.target)")!
                let response = handler(
                    HTTPRequest(method: request.method, url: url, headers: request.headers, body: request.body))
                LoopbackSocket.write(
                    client,
                    LoopbackSocket.encode(status: response.status, headers: response.headers, body: response.body))
            }
            close(client)
        }
    }
}
