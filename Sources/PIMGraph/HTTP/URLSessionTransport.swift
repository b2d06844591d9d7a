import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The network `Transport`: URLSession (libcurl on Linux). TLS certificates are verified by the
/// system as always; this type has no switch to turn that off. HTTP error statuses are returned as
/// responses; only the absence of a response throws a `TransportError`.
public final class URLSessionTransport: Transport {
    /// The longest answer pim reads (128 MiB): far above the largest `$batch` of full pages Graph sends,
    /// far below what would exhaust memory.
    public static let bodyLimit = 128 * 1_048_576

    private let session: URLSession
    private let collector: ResponseCollector
    private let logger: VerboseLogger?

    /// - Parameters:
    ///   - logger: receives one line per exchange (`--verbose`); nil logs nothing.
    ///   - bodyLimit: answers longer than this fail with `TransportError.Kind.tooLarge`.
    public init(logger: VerboseLogger? = nil, bodyLimit: Int = URLSessionTransport.bodyLimit) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        collector = ResponseCollector(limit: bodyLimit)
        session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        self.logger = logger
    }

    // The session holds its delegate until it is invalidated.
    deinit { session.finishTasksAndInvalidate() }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = request.timeout
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let started = ContinuousClock.now
        do {
            // libcurl ignores the resource timeout on Linux: enforce the overall limit here.
            let prepared = urlRequest
            let (data, response) = try await withDeadline(seconds: request.timeout) { [session, collector] in
                try await collector.data(for: prepared, in: session)
            }
            guard let http = response as? HTTPURLResponse else {
                throw TransportError(.other, "The answer was not HTTP.", requestMayHaveBeenSent: true)
            }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields { headers["\(name)"] = "\(value)" }
            let result = HTTPResponse(status: http.statusCode, headers: headers, body: data)
            logger?.exchange(request, status: result.status, milliseconds: Self.milliseconds(since: started),
                             requestId: result.header("request-id") ?? result.header("client-request-id"))
            return result
        } catch {
            let failure = Self.transportError(error)
            logger?.exchange(request, status: nil, milliseconds: Self.milliseconds(since: started), requestId: nil,
                             failure: failure.kind.rawValue)
            throw failure
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// URLError → TransportError. Only failures before any byte left (refused, DNS, TLS setup) are
    /// certain not to have reached the server.
    static func transportError(_ error: any Error) -> TransportError {
        if let error = error as? TransportError { return error }
        if error is CancellationError { return TransportError(.cancelled, "cancelled", requestMayHaveBeenSent: true) }
        guard let urlError = error as? URLError else {
            return TransportError(.other, String(describing: error), requestMayHaveBeenSent: true)
        }
        switch urlError.code {
        case .timedOut:
            return TransportError(.timedOut, "timed out", requestMayHaveBeenSent: true)
        case .cannotConnectToHost, .notConnectedToInternet:
            return TransportError(.cannotConnect, "could not connect", requestMayHaveBeenSent: false)
        case .cannotFindHost, .dnsLookupFailed:
            return TransportError(.dnsFailure, "host not found", requestMayHaveBeenSent: false)
        case .networkConnectionLost:
            return TransportError(.connectionLost, "connection lost", requestMayHaveBeenSent: true)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return TransportError(.tlsFailure, "TLS verification failed", requestMayHaveBeenSent: false)
        case .cancelled:
            return TransportError(.cancelled, "cancelled", requestMayHaveBeenSent: true)
        default:
            return TransportError(.other, "network error \(urlError.code.rawValue)", requestMayHaveBeenSent: true)
        }
    }
}

/// Runs `body`, throwing `URLError(.timedOut)` when it takes longer than `seconds`.
func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(max(0.001, seconds + 1) * 1_000_000_000))
            throw URLError(.timedOut)
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw URLError(.timedOut) }
        return first
    }
}
