import Foundation
import PIMDomain

/// Sends `GraphRequest`s: adds the bearer token, retries transient failures under `RetryPolicy`,
/// follows `@odata.nextLink`, decodes bodies and maps failures to `PIMError`. With the `.arm` dialect
/// the same core speaks to Azure Resource Manager (its error codes, `nextLink`, request-id headers).
struct GraphClient: Sendable {
    let baseURL: URL
    let transport: any Transport
    let tokens: any TokenProvider
    let retry: RetryPolicy
    let clock: any GraphClock
    let timeout: Double
    /// Sent on every request so tenants can find the client in their Graph activity and sign-in logs.
    var userAgent: String? = nil
    /// Seconds one listing may take over all its pages (see `GraphConfiguration.listingDeadline`).
    var listingDeadline: Double = 300
    /// Which service this client speaks to.
    var dialect: ServiceDialect = .graph
    let counter = ExchangeCounter()

    /// One exchange with retries; returns whatever status the service ended with.
    /// For writes (`write: true`), only throttling (429) and failures known to have sent nothing are
    /// retried; anything ambiguous throws `AmbiguousWriteError`.
    func exchange(_ request: GraphRequest, write: Bool = false, token: String? = nil) async throws -> HTTPResponse {
        try await exchange(
            url: request.url(baseURL: baseURL), method: request.method, body: request.body,
            write: write, token: token)
    }

    func exchange(
        url: URL, method: String = "GET", body: Data? = nil, write: Bool = false,
        token: String? = nil
    ) async throws -> HTTPResponse {
        let started = clock.now()
        var attempt = 0
        var renewed: String?
        while true {
            attempt += 1
            let bearer: String
            if let token {
                bearer = token
            } else if let renewed {
                bearer = renewed
            } else {
                bearer = try await accessToken(claims: nil)
            }
            // Whatever the service answers, this token must not be printed back.
            SecretMask.remember(bearer)
            var headers = [
                "Authorization": "Bearer \(bearer)", "Accept": "application/json",
                dialect.clientRequestIdHeader: UUID().uuidString.lowercased(),
            ]
            if body != nil { headers["Content-Type"] = "application/json" }
            if let userAgent { headers["User-Agent"] = userAgent }
            let http = HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: timeout)
            let elapsed = { clock.now().timeIntervalSince(started) }
            let response: HTTPResponse
            do {
                counter.increment()
                response = try await transport.send(http)
            } catch let failure as TransportError {
                if write && failure.requestMayHaveBeenSent {
                    throw AmbiguousWriteError(underlying: .network(failure, dialect))
                }
                if !failure.isWorthRetrying { throw PIMError.network(failure, dialect) }
                switch retry.decideAfterTransportFailure(attempt: attempt, elapsed: elapsed()) {
                case .retry(let delay): try await wait(delay); continue
                case .fail: throw PIMError.network(failure, dialect)
                }
            } catch let error as PIMError {
                throw error
            } catch is CancellationError {
                throw PIMError(.network, "The request was cancelled before \(dialect.name) answered", step: .tryAgain)
            } catch {
                let reason = Sanitizer.sanitize(String(describing: error))
                throw PIMError(.network, "\(dialect.name) could not be reached (\(reason))", step: .checkNetwork)
            }
            // A token refused before its time (revoked, clock skew): renew once and send again. Safe for
            // writes too: a 401 means the service did not act on the request.
            if response.status == 401, token == nil, renewed == nil,
                GraphErrorMapper.insufficientClaims(response.header("WWW-Authenticate")) == nil
            {
                await tokens.tokenRejected(bearer)
                let fresh = try await accessToken(claims: nil)
                if fresh != bearer {
                    renewed = fresh
                    continue
                }
            }
            if write && response.status >= 500 {
                throw AmbiguousWriteError(underlying: dialect.mapError(response))
            }
            if write && response.status != 429 { return response }
            switch retry.decide(
                status: response.status, headers: response.headers, attempt: attempt,
                elapsed: elapsed(), now: clock.now())
            {
            case .retry(let delay): try await wait(delay)
            case .fail: return response
            }
        }
    }

    func wait(_ seconds: Double) async throws {
        do { try await clock.sleep(seconds: seconds) } catch {
            throw PIMError(.network, "Waiting to retry was cancelled", step: .tryAgain)
        }
    }

    func accessToken(claims: String?) async throws -> String {
        do {
            return try await tokens.accessToken(claims: claims)
        } catch let error as PIMError {
            throw error
        } catch {
            throw PIMError(
                .signInRequired,
                "No access token could be obtained (\(Sanitizer.sanitize(String(describing: error))))",
                step: .signIn(.expired))
        }
    }

    /// Sends and insists on success (2xx); anything else becomes the mapped `PIMError`.
    func send(_ request: GraphRequest, token: String? = nil) async throws -> HTTPResponse {
        let response = try await exchange(request, token: token)
        return try checked(response)
    }

    /// Sends a write once (plus throttling retries). An unknown outcome becomes a `PIMError` that says
    /// to check before trying again; callers that can look for the result catch `AmbiguousWriteError` instead.
    func sendWrite(_ request: GraphRequest, token: String? = nil) async throws -> HTTPResponse {
        try await sendingOnce { try await exchange(request, write: true, token: token) }
    }

    /// A write's exchange, insisting on success; an unknown outcome says to check before trying again.
    /// Graph's and ARM's `sendWrite` both end here.
    func sendingOnce(_ exchange: () async throws -> HTTPResponse) async throws -> HTTPResponse {
        do {
            return try checked(try await exchange())
        } catch let ambiguous as AmbiguousWriteError {
            var error = ambiguous.underlying
            let reason = error.event.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            error.event = "The change may or may not have been applied (\(reason))."
            error.step = .checkRequests(.beforeTryingAgain)
            throw error
        }
    }

    func checked(_ response: HTTPResponse) throws -> HTTPResponse {
        guard (200..<300).contains(response.status) else { throw dialect.mapError(response) }
        return response
    }

    func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse) throws -> T {
        let ok = try checked(response)
        do {
            let decoder = GraphDate.decoder()
            decoder.userInfo[.nextLinkKey] = dialect.nextLinkKey
            return try decoder.decode(T.self, from: ok.body)
        } catch {
            throw PIMError(
                .service, "\(dialect.name) sent a response that could not be read",
                step: .tryAgainThenInspect(report: true),
                requestId: response.header(dialect.requestIdHeader), httpStatus: response.status)
        }
    }

    /// Every item of a collection, following `@odata.nextLink` to the end.
    func collect<T: Decodable>(_ type: T.Type, _ request: GraphRequest) async throws -> [T] {
        let started = clock.now()
        return try await collect(T.self, from: try await exchange(request), started: started)
    }

    /// Every item of a collection whose first page is `response` (alone or from inside a `$batch`).
    /// `started`: when the listing began, for its deadline.
    func collect<T: Decodable>(_ type: T.Type, from response: HTTPResponse, started: Date? = nil) async throws -> [T] {
        let started = started ?? clock.now()
        var page = try decode(GraphPage<T>.self, from: response)
        var items = page.value
        var followed: Set<URL> = []
        while let link = page.nextLink {
            // A listing is shown whole or not at all: a link that cannot be followed, that leads back
            // to a page already read, that never ends or that takes too long is an error, not the end of the list.
            guard let url = try nextURL(link) else {
                throw PIMError(
                    .service,
                    "\(dialect.name) sent a next-page link that could not be read, so the listing is incomplete",
                    step: .tryAgainThenInspect(report: false))
            }
            guard followed.insert(url).inserted else {
                throw PIMError(
                    .service,
                    "\(dialect.name) sent the same page twice (its next-page link loops), "
                        + "so the listing is incomplete",
                    step: .tryAgainLater(.later))
            }
            guard followed.count < Self.pageLimit else {
                throw PIMError(
                    .service,
                    "\(dialect.name) kept sending more pages (over \(Self.pageLimit)), so the listing is incomplete",
                    step: .narrowListing)
            }
            guard clock.now().timeIntervalSince(started) < listingDeadline else {
                throw Self.deadlineError(listingDeadline, pages: followed.count, service: dialect.name)
            }
            page = try decode(GraphPage<T>.self, from: try await exchange(url: url))
            items += page.value
        }
        return items
    }

    /// The listing ran past `GraphConfiguration.listingDeadline`.
    static func deadlineError(_ deadline: Double, pages: Int, service: String = "Graph") -> PIMError {
        let limit =
            deadline >= 60 && deadline.truncatingRemainder(dividingBy: 60) == 0
            ? "\(Int(deadline / 60)) minute\(deadline == 60 ? "" : "s")" : "\(Int(deadline)) seconds"
        return PIMError(
            .service,
            "\(service) was still sending pages after \(limit) (\(pages) pages so far), "
                + "so the listing is incomplete",
            step: .tryAgainLater(.whenFaster))
    }

    /// Pages followed before a listing is given up as endless.
    static let pageLimit = 1000

    /// The next page's URL, used as is; refused when it points away from the service's host (the token must
    /// not travel elsewhere).
    func nextURL(_ link: String) throws -> URL? {
        guard
            let url = URL(string: link)
                ?? URL(string: link.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")
        else {
            return nil
        }
        if url.scheme == nil, url.host == nil {
            // Relative link: resolve against the root.
            return URL(string: link, relativeTo: baseURL)?.absoluteURL
        }
        // A scheme without a host (`http:/host`, `data:`, `mailto:`) leads nowhere a token can be sent.
        guard let host = url.host, !host.isEmpty else { return nil }
        guard url.scheme?.lowercased() == baseURL.scheme?.lowercased(),
            url.host?.lowercased() == baseURL.host?.lowercased(),
            Self.effectivePort(url) == Self.effectivePort(baseURL)
        else {
            let shown = Sanitizer.sanitize(url.host ?? "?")
            throw PIMError(
                .service,
                "\(dialect.name) pointed the next page at another host (\(shown)); "
                    + "the listing stopped rather than send your token there.",
                step: .checkEndpoint(dialect.endpoint, thenRetry: false))
        }
        return url
    }

    /// The port a URL connects to, with the scheme's default filled in.
    static func effectivePort(_ url: URL) -> Int? {
        url.port ?? (url.scheme?.lowercased() == "https" ? 443 : url.scheme?.lowercased() == "http" ? 80 : nil)
    }
}
