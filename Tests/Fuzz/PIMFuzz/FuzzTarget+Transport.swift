import Foundation
import LoopbackHTTP
import PIMGraph

extension FuzzTarget {
    /// The body limit under fuzzing: small, so compressed inputs reach it.
    static let transportBodyLimit = 64 * 1024

    /// A server's answer, byte for byte (status line, headers, a body plain, chunked or compressed),
    /// read by the HTTP transport as every real exchange is: a one-shot server on 127.0.0.1 answers
    /// it to `CurlTransport`. Whatever the bytes, a kept answer is within the body limit and its
    /// headers carry no control characters. Blocks the calling thread (the fuzz driver's).
    static func transport(_ data: Data) {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<HTTPResponse, TransportError>?
        Task {
            outcome = await readAnswer(data, bodyLimit: transportBodyLimit)
            done.signal()
        }
        done.wait()
        switch outcome {
        case .success(let response)?:
            precondition(response.body.count <= transportBodyLimit, "an answer longer than the limit was kept")
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

    /// Sends a GET to a one-shot server that answers `bytes`.
    static func readAnswer(_ bytes: Data, bodyLimit: Int) async -> Result<HTTPResponse, TransportError> {
        guard let port = LoopbackSocket.answerOnce(bytes) else {
            return .failure(TransportError(.other, "no loopback socket", requestMayHaveBeenSent: false))
        }
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(port)/v1.0/me")!, timeout: 5)
        do {
            return .success(try await CurlTransport(bodyLimit: bodyLimit).send(request))
        } catch {
            return .failure(
                error as? TransportError ?? TransportError(.other, "\(error)", requestMayHaveBeenSent: true))
        }
    }
}
