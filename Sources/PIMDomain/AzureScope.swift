import Foundation

/// An Azure Resource Manager scope id read for what a person needs from it: which kind of scope it is
/// and which subscription it belongs to. ARM reports scopes as `/subscriptions/{id}…` but accepts, and
/// some answers use, the `/providers/Microsoft.Subscription/subscriptions/{id}…` alias; both read alike.
public struct AzureScope: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        case root = "tenant"
        case managementGroup, subscription, resourceGroup, resource

        /// The words a person reads ("resource group").
        public var label: String {
            switch self {
            case .root: "tenant"
            case .managementGroup: "management group"
            case .subscription: "subscription"
            case .resourceGroup: "resource group"
            case .resource: "resource"
            }
        }
    }

    /// The scope id as given.
    public let id: String
    public let kind: Kind
    /// The subscription GUID, for subscription, resource-group and resource scopes.
    public let subscriptionId: String?
    /// The management group's name, the resource group's name or the resource's name: the last segment.
    public let leafName: String?

    /// The scope as ARM reports it in `properties.scope` (`/subscriptions/{id}…`, never the alias), so two
    /// spellings of one scope compare equal.
    public let canonical: String

    public init(_ id: String) {
        self.id = id
        let parts = Self.canonicalSegments(id.split(separator: "/", omittingEmptySubsequences: true).map(String.init))
        canonical = "/" + parts.joined(separator: "/")
        let lowered = parts.map { $0.lowercased() }
        if lowered.count >= 4, lowered[0] == "providers", lowered[1] == "microsoft.management",
            lowered[2] == "managementgroups"
        {
            kind = .managementGroup
            subscriptionId = nil
            leafName = parts[3]
        } else if lowered.count >= 2, lowered[0] == "subscriptions" {
            subscriptionId = parts[1]
            if lowered.count == 2 {
                kind = .subscription
                leafName = nil
            } else if lowered.count == 4, lowered[2] == "resourcegroups" {
                kind = .resourceGroup
                leafName = parts[3]
            } else {
                kind = .resource
                leafName = parts.last
            }
        } else {
            kind = .root
            subscriptionId = nil
            leafName = nil
        }
    }

    /// What two ids of one scope share whatever their spelling or case: the key to compare and file them by.
    public var key: String { canonical.lowercased() }

    /// A scope id's segments with the subscription alias folded away:
    /// `/providers/Microsoft.Subscription/subscriptions/{id}…` is `/subscriptions/{id}…`.
    public static func canonicalSegments(_ segments: [String]) -> [String] {
        guard segments.count >= 3, segments[0].lowercased() == "providers",
            segments[1].lowercased() == "microsoft.subscription", segments[2].lowercased() == "subscriptions"
        else { return segments }
        return Array(segments.dropFirst(2))
    }
}
