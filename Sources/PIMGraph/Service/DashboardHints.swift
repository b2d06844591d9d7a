import Foundation
import PIMDomain

/// What one run learned that lets the next one ask for everything in its first batch: the policy
/// reads the user's targets needed (one per distinct policy) and the groups whose elevations are
/// listed. Without them a new process needs a second round trip, because group policies and group
/// assignments can only be asked for by group id, and the ids arrive with the first answer.
///
/// Hints only decide what is asked; answers are always fresh. A hint that is no longer true (the
/// user lost an eligibility, another account signed in) costs one unused read and is dropped.
public struct DashboardHints: Codable, Hashable, Sendable {
    /// The object id the hints were learned for; answers asked for another user's hints are not used.
    public var userId: String
    /// One target per policy read (`PolicyReads.key`), in the order they were read.
    public var policyTargets: [TargetID]
    /// The ids of my groups: their active assignments make up the group part of the tenant's elevations,
    /// and the roles they hold are what each group gives (`confers`).
    public var groups: [String]
    /// The Azure side's (absent in files written before Azure roles, or without an Azure side).
    public var azure: AzureDashboardHints?
    /// The access review periods in progress I review (absent in files written before access reviews).
    public var reviews: [AccessReviewScope]?

    public init(
        userId: String, policyTargets: [TargetID], groups: [String], azure: AzureDashboardHints? = nil,
        reviews: [AccessReviewScope]? = nil
    ) {
        self.reviews = reviews
        self.userId = userId
        self.policyTargets = policyTargets
        self.groups = groups
        self.azure = azure
    }
}

/// Where hints are kept between runs (`DashboardHintFile` on disk; nothing in tests that want cold runs).
public protocol DashboardHintStore: Sendable {
    func load() -> DashboardHints?
    func save(_ hints: DashboardHints)
}

/// Hints in the private cache directory (0700, file 0600, replaced atomically), one file per Graph
/// root, tenant and account label, so two tenants or personas never mix.
public struct DashboardHintFile: DashboardHintStore {
    private let storage: PrivateDirectory
    let name: String

    /// - Parameters:
    ///   - directory: pim's cache directory (`$XDG_CACHE_HOME/pim`).
    ///   - scope: what the hints belong to, e.g. `graph.microsoft.com|contoso.onmicrosoft.com`; made into a file name.
    public init(directory: URL, scope: String) {
        storage = PrivateDirectory(url: directory, warn: { _ in })
        let safe = scope.unicodeScalars.map {
            CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-" ? Character($0) : "_"
        }
        name = Self.prefix + String(safe.prefix(120)) + ".json"
    }

    static let prefix = "dashboard-hints-"

    /// Deletes every hint file in `directory` (`pim logout`: nothing about the account stays behind).
    public static func removeAll(in directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    public func load() -> DashboardHints? {
        // A hints file that is not pim's own (a link) is not read: the start only costs a round trip.
        ((try? storage.read(name)) ?? nil).flatMap { try? JSONDecoder().decode(DashboardHints.self, from: $0) }
    }

    /// Best effort: a cache that cannot be written only costs the next start a round trip.
    public func save(_ hints: DashboardHints) {
        guard let data = try? JSONEncoder().encode(hints) else { return }
        try? storage.store(data, as: name)
    }
}
