import Foundation

/// The network `Transport`: libcurl, driven directly (see docs/decisions.md, 2026-12-06).
///
/// What it guarantees, whatever the other end sends:
/// - redirects are answers, never followed, so the bearer token stays with the host it was meant for;
/// - an answer is cut off as soon as its decoded bytes pass `bodyLimit` (a small gzip bomb cannot
///   grow memory), and a head over `ResponseHead.limit` or with control characters is refused;
/// - a write (POST, PATCH, PUT, DELETE) goes out on a fresh connection and is never resent by the
///   transport: a reset is reported at once and the client decides;
/// - TLS is verified (peer and host name; the system's certificates), with no switch to turn it off;
///   proxies come from the environment as libcurl reads them (`https_proxy`, `no_proxy`, …).
///
/// HTTP error statuses are responses; only the absence of a response throws a `TransportError`.
public struct CurlTransport: Transport {
    /// The longest answer the client reads (128 MiB, after decompression): far above the largest `$batch` of
    /// full pages Graph sends, far below what would exhaust memory.
    public static let bodyLimit = 128 * 1_048_576

    private let logger: VerboseLogger?
    private let bodyLimit: Int

    /// - Parameters:
    ///   - logger: receives one line per exchange (the verbose log); nil logs nothing.
    ///   - bodyLimit: answers longer than this (decoded) fail with `TransportError.Kind.tooLarge`.
    public init(logger: VerboseLogger? = nil, bodyLimit: Int = CurlTransport.bodyLimit) {
        self.logger = logger
        self.bodyLimit = bodyLimit
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let started = ContinuousClock.now
        do {
            let exchange = try CurlExchange(request, bodyLimit: bodyLimit)
            let response = try await CurlEngine.shared.perform(exchange)
            logger?.exchange(
                request, status: response.status, milliseconds: Self.milliseconds(since: started),
                requestId: response.header("request-id") ?? response.header("x-ms-request-id")
                    ?? response.header("client-request-id"))
            return response
        } catch {
            let failure =
                error as? TransportError
                ?? TransportError(.other, "network error", requestMayHaveBeenSent: true)
            logger?.exchange(
                request, status: nil, milliseconds: Self.milliseconds(since: started), requestId: nil,
                failure: failure.kind.rawValue)
            throw failure
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
