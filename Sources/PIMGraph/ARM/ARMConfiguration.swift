import Foundation

/// Where Azure Resource Manager lives and how patiently to talk to it (the same knobs as Graph's).
public struct ARMConfiguration: Hashable, Sendable {
    /// ARM root, e.g. `https://management.azure.com`.
    public var baseURL: URL
    /// How transient failures (429, 503, 504, dropped connections) are retried.
    public var retryPolicy: RetryPolicy
    /// Seconds before one HTTP exchange is given up.
    public var requestTimeout: Double
    /// `User-Agent` of every request.
    public var userAgent: String?
    /// Seconds one listing may take over all its pages.
    public var listingDeadline: Double
    /// Seconds role policies (and the subscription and management group names) stay cached.
    public var policyCacheTTL: Double

    public init(
        baseURL: URL = URL(string: "https://management.azure.com")!, retryPolicy: RetryPolicy = .standard,
        requestTimeout: Double = 30, userAgent: String? = nil, listingDeadline: Double = 300,
        policyCacheTTL: Double = 600
    ) {
        self.baseURL = baseURL
        self.retryPolicy = retryPolicy
        self.requestTimeout = requestTimeout
        self.userAgent = userAgent
        self.listingDeadline = listingDeadline
        self.policyCacheTTL = policyCacheTTL
    }
}
