import Foundation
import PIMDomain

/// An ARM scope parsed from its id: the tenant root `/`, a management group, a subscription, a
/// resource group or a resource. Both subscription spellings (`/subscriptions/{id}` and the alias
/// `/providers/Microsoft.Subscription/subscriptions/{id}`) parse to the same scope.
enum ARMScope: Equatable, Sendable {
    case root
    case managementGroup(String)
    case subscription(String)
    case resourceGroup(subscription: String, name: String)
    /// `type` is `Microsoft.KeyVault/vaults`.
    case resource(subscription: String, group: String, type: String, name: String)

    /// Parses decoded path segments (no leading slash); nil when they are not a scope.
    init?(segments: [String]) {
        let s = AzureScope.canonicalSegments(segments)
        let lower = s.map { $0.lowercased() }
        switch s.count {
        case 0: self = .root
        case 2 where lower[0] == "subscriptions": self = .subscription(s[1])
        case 3 where lower[0] == "providers" && lower[1] == "microsoft.management":
            return nil
        case 4 where lower[0] == "providers" && lower[1] == "microsoft.management" && lower[2] == "managementgroups":
            self = .managementGroup(s[3])
        case 4 where lower[0] == "subscriptions" && lower[2] == "resourcegroups":
            self = .resourceGroup(subscription: s[1], name: s[3])
        case 8 where lower[0] == "subscriptions" && lower[2] == "resourcegroups" && lower[4] == "providers":
            self = .resource(subscription: s[1], group: s[3], type: "\(s[5])/\(s[6])", name: s[7])
        default: return nil
        }
    }

    /// Parses a scope id such as `/subscriptions/{id}/resourceGroups/{rg}`.
    init?(id: String) {
        guard id.hasPrefix("/") || id.isEmpty else { return nil }
        // Split by bytes: "/" is ASCII, and the estate's every answer parses scopes many times over.
        self.init(segments: id.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) })
    }

    /// The canonical id: `/subscriptions/{id}…`, `/` for the root.
    var id: String {
        switch self {
        case .root: "/"
        case .managementGroup(let name): "/providers/Microsoft.Management/managementGroups/\(name)"
        case .subscription(let sub): "/subscriptions/\(sub)"
        case .resourceGroup(let sub, let name): "/subscriptions/\(sub)/resourceGroups/\(name)"
        case .resource(let sub, let group, let type, let name):
            "/subscriptions/\(sub)/resourceGroups/\(group)/providers/\(type)/\(name)"
        }
    }

    /// What precedes `/providers/Microsoft.Authorization/…` in ids of objects at this scope.
    var idPrefix: String { self == .root ? "" : id }

    var subscriptionId: String? {
        switch self {
        case .root, .managementGroup: nil
        case .subscription(let s), .resourceGroup(let s, _), .resource(let s, _, _, _): s
        }
    }

    /// `expandedProperties.scope.type` and the child-resource `type`.
    var typeName: String {
        switch self {
        case .root: "tenant"
        case .managementGroup: "managementgroup"
        case .subscription: "subscription"
        case .resourceGroup: "resourcegroup"
        case .resource: "resource"
        }
    }

    /// The role definition id as ARM spells it at this scope: management groups and the root without a
    /// subscription prefix, everything else with `/subscriptions/{id}`.
    func roleDefinitionId(_ roleId: String) -> String {
        let prefix = subscriptionId.map { "/subscriptions/\($0)" } ?? ""
        return "\(prefix)/providers/Microsoft.Authorization/roleDefinitions/\(roleId)"
    }
}

/// Scope ids compare without regard to case, as ARM compares them (bytes first, like ids).
func sameScope(_ a: String, _ b: String) -> Bool { sameID(a, b) }

extension ARMEstate {
    /// The scope with this id in its canonical spelling, nil when the estate has no such scope.
    func canonical(_ scope: ARMScope) -> ARMScope? {
        switch scope {
        case .root: return .root
        case .managementGroup(let name):
            return managementGroups.first { sameScope($0.name, name) }.map { .managementGroup($0.name) }
        case .subscription(let id):
            return subscriptions.first { sameScope($0.id, id) }.map { .subscription($0.id) }
        case .resourceGroup(let sub, let name):
            return resourceGroups.first { sameScope($0.subscriptionId, sub) && sameScope($0.name, name) }
                .map { .resourceGroup(subscription: $0.subscriptionId, name: $0.name) }
        case .resource(let sub, let group, let type, let name):
            return resources.first {
                sameScope($0.subscriptionId, sub) && sameScope($0.resourceGroup, group) && sameScope($0.type, type)
                    && sameScope($0.name, name)
            }.map { .resource(subscription: $0.subscriptionId, group: $0.resourceGroup, type: $0.type, name: $0.name) }
        }
    }

    /// The scopes above `scope`, nearest first, ending at the root.
    func ancestors(of scope: ARMScope) -> [ARMScope] {
        switch scope {
        case .root: return []
        case .managementGroup: return [.root]
        case .subscription(let id):
            let group = subscriptions.first { sameScope($0.id, id) }?.managementGroup
            return (group.map { [ARMScope.managementGroup($0)] } ?? []) + [.root]
        case .resourceGroup(let sub, _):
            return [.subscription(sub)] + ancestors(of: .subscription(sub))
        case .resource(let sub, let group, _, _):
            return [.resourceGroup(subscription: sub, name: group)]
                + ancestors(of: .resourceGroup(subscription: sub, name: group))
        }
    }

    /// Whether `outer` is `inner` or one of its ancestors.
    func covers(_ outer: String, _ inner: String) -> Bool {
        if sameScope(outer, inner) { return true }
        guard let scope = ARMScope(id: inner) else { return false }
        return ancestors(of: scope).contains { sameScope($0.id, outer) }
    }

    /// Whether two scopes lie on one line: the same, or one above the other.
    func related(_ a: String, _ b: String) -> Bool { covers(a, b) || covers(b, a) }

    /// The scopes directly or indirectly below `scope` that PIM offers for activation.
    func descendants(of scope: ARMScope) -> [ARMScope] {
        switch scope {
        case .root:
            return managementGroups.flatMap {
                [ARMScope.managementGroup($0.name)] + descendants(of: .managementGroup($0.name))
            }
        case .managementGroup(let name):
            return subscriptions.filter { sameScope($0.managementGroup, name) }.flatMap {
                [ARMScope.subscription($0.id)] + descendants(of: .subscription($0.id))
            }
        case .subscription(let id):
            return resourceGroups.filter { sameScope($0.subscriptionId, id) }.flatMap {
                let group = ARMScope.resourceGroup(subscription: $0.subscriptionId, name: $0.name)
                return [group] + descendants(of: group)
            }
        case .resourceGroup(let sub, let name):
            return resources.filter { sameScope($0.subscriptionId, sub) && sameScope($0.resourceGroup, name) }.map {
                .resource(subscription: $0.subscriptionId, group: $0.resourceGroup, type: $0.type, name: $0.name)
            }
        case .resource: return []
        }
    }

    /// The name a person knows the scope by: the management group's or subscription's display name,
    /// the resource group's or resource's name.
    func displayName(of scope: ARMScope) -> String {
        switch scope {
        case .root: return "Tenant Root Group"
        case .managementGroup(let name): return managementGroups.first { sameScope($0.name, name) }?.displayName ?? name
        case .subscription(let id): return subscriptions.first { sameScope($0.id, id) }?.displayName ?? id
        case .resourceGroup(_, let name): return name
        case .resource(_, _, _, let name): return name
        }
    }

    /// The Entra groups (holding Azure eligibilities or assignments) the user is a standing member of.
    func groups(of userId: String) -> [String] {
        groupMembers.filter { $0.memberIds.contains { sameID($0, userId) } }.map(\.groupId)
    }

    /// Whether `principalId` is the user or a group the user is in.
    func reaches(_ userId: String, _ principalId: String) -> Bool {
        sameID(principalId, userId) || groups(of: userId).contains { sameID($0, principalId) }
    }

    /// Whether the user holds any role in force at `scope` or above it (every built-in role can read
    /// role assignments, which is what listing them needs).
    func canRead(_ userId: String, at scope: String, now: Date) -> Bool {
        assignments.contains {
            reaches(userId, $0.principalId) && $0.start <= now && ($0.end.map { $0 > now } ?? true)
                && covers($0.scope, scope)
        }
    }
}
