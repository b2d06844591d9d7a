import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The transport's reading of an answer, reachable with arbitrary bytes (PIMFuzz `transport`):
/// `bytes` are what a one-shot server on 127.0.0.1 answers, read through libcurl's HTTP parser,
/// chunked decoding and decompression into the same callbacks as every real exchange. `@_spi(Fuzzing)`.
@_spi(Fuzzing)
public enum TransportFuzzing {
    /// The body limit under fuzzing: small, so compressed inputs reach it.
    public static let bodyLimit = 64 * 1024

    /// Reads `bytes` as the answer (see `read`) and checks the invariants; a violation traps.
    /// Blocks the calling thread: for the fuzz driver, never for code on Swift's cooperative pool.
    public static func exercise(_ bytes: Data) {
        let done = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        Task {
            outcome.value = await read(bytes)
            done.signal()
        }
        done.wait()
        switch outcome.value {
        case .success(let response)?:
            precondition(response.body.count <= bodyLimit, "an answer longer than the limit was kept")
            for (name, value) in response.headers {
                precondition(
                    !(name + value).unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F },
                    "a header with control characters was kept")
            }
        case .failure?:
            break
        case nil:
            preconditionFailure("the exchange ended without an outcome")
        }
    }

    /// Sends a GET to a one-shot server on 127.0.0.1 that answers `bytes` and then closes.
    public static func read(_ bytes: Data) async -> Result<HTTPResponse, TransportError> {
        guard let (listener, port) = listenOnLoopback() else {
            return .failure(TransportError(.other, "no loopback socket", requestMayHaveBeenSent: false))
        }
        // The server side answers on its own thread (the answer may be larger than the socket buffer).
        Thread {
            defer { close(listener) }
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 5000) > 0 else { return }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            bytes.withUnsafeBytes { raw in
                var sent = 0
                while sent < raw.count {
                    let n = send(client, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                    if n <= 0 { break }
                    sent += n
                }
            }
            shutdown(client, Int32(SHUT_WR))
            // Let the request arrive and the client close first, so the close is orderly.
            var sink = [UInt8](repeating: 0, count: 4096)
            var reader = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            while poll(&reader, 1, 5000) > 0, recv(client, &sink, sink.count, 0) > 0 {}
            close(client)
        }.start()
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(port)/v1.0/me")!, timeout: 5)
        do {
            let exchange = try CurlExchange(request, bodyLimit: bodyLimit)
            return .success(try await CurlEngine.shared.perform(exchange))
        } catch let error as TransportError {
            return .failure(error)
        } catch {
            preconditionFailure("a failure that is not a TransportError: \(error)")
        }
    }

    private static func listenOnLoopback() -> (Int32, UInt16)? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ready else { close(fd); return nil }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// Carries the outcome from the task to the waiting thread (the semaphore orders the accesses).
    private final class OutcomeBox: @unchecked Sendable {
        var value: Result<HTTPResponse, TransportError>?
    }
}
