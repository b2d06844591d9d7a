import Foundation

/// Where Graph lives and how patiently to talk to it.
public struct GraphConfiguration: Hashable, Sendable {
    /// Graph root without a version segment, e.g. `https://graph.microsoft.com`.
    public var baseURL: URL
    /// How transient failures (429, 503, 504, dropped connections) are retried.
    public var retryPolicy: RetryPolicy
    /// Seconds a role or group policy stays cached; a refresh within it costs no policy reads.
    public var policyCacheTTL: Double
    /// Seconds before one HTTP exchange is given up.
    public var requestTimeout: Double
    /// Seconds one listing may take to send all its pages (the 1,000-page limit alone would let slow
    /// pages run for hours); past it the listing is reported incomplete. Five minutes by default.
    public var listingDeadline: Double
    /// `User-Agent` of every request (`pim/0.1.0`), so tenants can tell pim's calls apart in their logs.
    public var userAgent: String?

    public init(
        baseURL: URL, retryPolicy: RetryPolicy = .standard, policyCacheTTL: Double = 600,
        requestTimeout: Double = 30, userAgent: String? = nil, listingDeadline: Double = 300
    ) {
        self.userAgent = userAgent
        self.listingDeadline = listingDeadline
        self.baseURL = baseURL
        self.retryPolicy = retryPolicy
        self.policyCacheTTL = policyCacheTTL
        self.requestTimeout = requestTimeout
    }

    /// The configuration for a national cloud's Graph root.
    public init(cloud: GraphCloud) {
        self.init(baseURL: cloud.graphURL)
    }
}
