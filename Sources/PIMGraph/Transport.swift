import Foundation

/// One HTTP request as the client sends it: the values the transports (libcurl, the simulated tenant,
/// test fakes) agree on.
public struct HTTPRequest: Hashable, Sendable {
    public var method: String
    public var url: URL
    /// Header names as sent; compare without case (`header(_:)`).
    public var headers: [String: String]
    public var body: Data?
    /// Seconds before the transport gives up on this exchange.
    public var timeout: Double

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: Double = 30) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// One HTTP response.
public struct HTTPResponse: Hashable, Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Why an exchange produced no response. `requestMayHaveBeenSent` decides whether a write may be retried.
public struct TransportError: Error, Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case timedOut, cannotConnect, connectionLost, dnsFailure, tlsFailure, cancelled, other
        /// The answer was longer than the client reads (`CurlTransport.bodyLimit`); asking again would not help.
        case tooLarge
        /// The answer was not HTTP a service sends (control characters or an endless head, an
        /// unreadable encoding); asking again would not help.
        case malformedAnswer
    }

    public var kind: Kind
    public var message: String
    /// False only when the transport is sure nothing reached the server (e.g. connection refused).
    public var requestMayHaveBeenSent: Bool

    public init(_ kind: Kind, _ message: String, requestMayHaveBeenSent: Bool) {
        self.kind = kind
        self.message = message
        self.requestMayHaveBeenSent = requestMayHaveBeenSent
    }
}

/// Sends one HTTP exchange. Implementations: `CurlTransport` (the network) and
/// `SimulatedTenant` (PIMSimulator). Throws `TransportError` when there is no response;
/// HTTP error statuses are responses, not errors.
public protocol Transport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// Supplies bearer tokens. `claims` (a JSON claims request) asks for a token that satisfies a
/// claims challenge (MFA, authentication context): implementations sign in again to get one.
public protocol TokenProvider: Sendable {
    func accessToken(claims: String?) async throws -> String
    /// Graph refused `token` (401 without a claims challenge: expired early, revoked, clock skew).
    /// A provider that can renew stops handing it out, so the next `accessToken` refreshes; the client
    /// then retries the exchange once with the new token.
    func tokenRejected(_ token: String) async
}

extension TokenProvider {
    /// A fixed token cannot be renewed: nothing to forget.
    public func tokenRejected(_ token: String) async {}
}
