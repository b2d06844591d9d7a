import Foundation

/// One Azure Resource Manager call as a value: method, path (a scope id inside it kept verbatim, since
/// ARM declares `scope` with `x-ms-skip-url-encoding`), the `api-version` every call needs, an optional
/// `$filter`, and a JSON body. Kept apart from sending so it can go out alone or inside ARM's `/batch`.
struct ARMRequest: Hashable, Sendable {
    var method: String
    /// Path below the ARM root, starting with `/`.
    var path: String
    var apiVersion: String
    /// `$filter`, unencoded (`asTarget()`).
    var filter: String?
    var body: Data?

    init(method: String = "GET", path: String, apiVersion: String, filter: String? = nil, body: Data? = nil) {
        self.method = method
        self.path = path
        self.apiVersion = apiVersion
        self.filter = filter
        self.body = body
    }

    /// Path and query relative to the ARM root: what a `/batch` item's `url` holds
    /// (`/providers/Microsoft.Authorization/roleEligibilityScheduleInstances?api-version=2020-10-01`
    /// followed by `&$filter=asTarget()`).
    var relativeReference: String {
        let encodedPath = GraphRequest.encode(path, allowed: GraphRequest.pathAllowed)
        var query = "api-version=" + GraphRequest.encode(apiVersion, allowed: GraphRequest.queryAllowed)
        if let filter { query += "&$filter=" + GraphRequest.encode(filter, allowed: GraphRequest.queryAllowed) }
        return encodedPath + "?" + query
    }

    /// The absolute URL under the ARM root (`https://management.azure.com`).
    func url(baseURL: URL) -> URL {
        var root = baseURL.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        // Built from encoded parts only, so this cannot fail for a valid base URL.
        return URL(string: root + relativeReference)!
    }
}

extension GraphClient {
    /// Sends an ARM request with the client's retries (reads), or once plus throttling retries (`write`).
    func exchange(_ request: ARMRequest, write: Bool = false, token: String? = nil) async throws -> HTTPResponse {
        try await exchange(
            url: request.url(baseURL: baseURL), method: request.method, body: request.body, write: write,
            token: token)
    }

    /// Sends and insists on success (2xx).
    func send(_ request: ARMRequest) async throws -> HTTPResponse {
        try checked(try await exchange(request))
    }

    /// Sends a write once; an unknown outcome says to check before trying again.
    func sendWrite(_ request: ARMRequest, token: String? = nil) async throws -> HTTPResponse {
        try await sendingOnce { try await exchange(request, write: true, token: token) }
    }

    /// Every item of an ARM collection, following `nextLink` to the end.
    func collect<T: Decodable>(_ type: T.Type, _ request: ARMRequest) async throws -> [T] {
        let started = clock.now()
        return try await collect(T.self, from: try await exchange(request), started: started)
    }
}
