import Foundation
import PIMDomain

/// `expandedProperties` of ARM instances and requests: the scope, role and principal with their names.
struct ARMExpandedProperties: Decodable {
    struct Named: Decodable {
        var id: String?
        var displayName: String?
        var type: String?
        var email: String?

        enum CodingKeys: String, CodingKey { case id, displayName, type, email }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = c.lenient(String.self, forKey: .id)
            displayName = c.lenient(String.self, forKey: .displayName)
            type = c.lenient(String.self, forKey: .type)
            email = c.lenient(String.self, forKey: .email)
        }
    }
    var scope: Named?
    var roleDefinition: Named?
    var principal: Named?

    enum CodingKeys: String, CodingKey { case scope, roleDefinition, principal }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scope = c.lenient(Named.self, forKey: .scope)
        roleDefinition = c.lenient(Named.self, forKey: .roleDefinition)
        principal = c.lenient(Named.self, forKey: .principal)
    }
}

/// The names a person knows scopes by (contract §12): subscriptions from Z14, management groups from Z15.
/// A resource group or resource is shown under its subscription: `Prod-Payments / app-rg`.
struct ARMScopeNames: Hashable, Sendable {
    /// By lowercased subscription GUID.
    var subscriptions: [String: String] = [:]
    /// By lowercased management group name (the last segment of its id).
    var managementGroups: [String: String] = [:]

    /// The Scope column's words for `scope`; `expanded` is what the instance itself says.
    func name(of scope: String, expanded: String?) -> String? {
        let parsed = AzureScope(scope)
        let own = expanded.flatMap { $0.isEmpty ? nil : $0 }
        switch parsed.kind {
        case .root:
            return own
        case .managementGroup:
            return parsed.leafName.flatMap { managementGroups[$0.lowercased()] } ?? own ?? parsed.leafName
        case .subscription:
            return parsed.subscriptionId.flatMap { subscriptions[$0.lowercased()] } ?? own
        case .resourceGroup, .resource:
            let leaf = own ?? parsed.leafName
            guard let subscription = parsed.subscriptionId.flatMap({ subscriptions[$0.lowercased()] }) else {
                return leaf
            }
            return leaf.map { "\(subscription) / \($0)" } ?? subscription
        }
    }

    /// Names from a later read win over older ones.
    mutating func merge(_ other: ARMScopeNames) {
        subscriptions.merge(other.subscriptions) { _, new in new }
        managementGroups.merge(other.managementGroups) { _, new in new }
    }
}

/// One subscription of Z14.
struct ARMSubscriptionDTO: Decodable {
    var subscriptionId: String
    var displayName: String?
    var tenantId: String?
    var state: String?

    enum CodingKeys: String, CodingKey { case id, subscriptionId, displayName, tenantId, state }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = c.lenient(String.self, forKey: .id)
        guard
            let subscriptionId = c.lenient(String.self, forKey: .subscriptionId)
                ?? id.flatMap({ AzureScope($0).subscriptionId })
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .subscriptionId, in: c, debugDescription: "A subscription without an id")
        }
        self.subscriptionId = subscriptionId
        displayName = c.lenient(String.self, forKey: .displayName)
        tenantId = c.lenient(String.self, forKey: .tenantId)
        state = c.lenient(String.self, forKey: .state)
    }
}

/// One management group of Z15.
struct ARMManagementGroupDTO: Decodable {
    struct Properties: Decodable {
        var displayName: String?
    }
    var name: String
    var displayName: String?

    enum CodingKeys: String, CodingKey { case id, name, properties }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = c.lenient(String.self, forKey: .id)
        guard let name = c.lenient(String.self, forKey: .name) ?? id.flatMap({ AzureScope($0).leafName }) else {
            throw DecodingError.dataCorruptedError(forKey: .name, in: c, debugDescription: "A group without a name")
        }
        self.name = name
        displayName = c.lenient(Properties.self, forKey: .properties)?.displayName
    }
}

extension ARMScopeNames {
    init(subscriptions: [ARMSubscriptionDTO], managementGroups: [ARMManagementGroupDTO]) {
        for subscription in subscriptions {
            if let name = subscription.displayName {
                self.subscriptions[subscription.subscriptionId.lowercased()] = name
            }
        }
        for group in managementGroups {
            if let name = group.displayName { self.managementGroups[group.name.lowercased()] = name }
        }
    }
}
