import Foundation
import PIMCommandLine
import PIMDomain
import PIMGraph

/// Writes one line per exchange to stderr for `--verbose` (method, path, status, duration, request
/// id); never headers or bodies, so never a token.
struct LoggingTransport: Transport {
    let inner: any Transport

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let started = ContinuousClock.now
        func elapsed() -> Int {
            let duration = ContinuousClock.now - started
            return Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        }
        do {
            let response = try await inner.send(request)
            let requestId = response.header("request-id") ?? response.header("x-ms-request-id") ?? "-"
            log(
                """
                \(request.method) \(Self.path(request.url)) \(response.status) \(elapsed())ms \
                \(Sanitizer.sanitize(requestId))
                """
            )
            return response
        } catch {
            log("\(request.method) \(Self.path(request.url)) failed \(elapsed())ms -")
            throw error
        }
    }

    /// The path only: query strings may carry codes, and the host is always the demo tenant.
    static func path(_ url: URL) -> String { Sanitizer.sanitize(url.path.isEmpty ? "/" : url.path) }

    private func log(_ line: String) { StandardStreams.errLine(SecretMask.mask(line)) }
}
