import Foundation

/// What an elevation grants: a directory role at a scope, a group's member or owner access, or an
/// Azure role (Azure RBAC) at a management group, subscription, resource group or resource.
public enum TargetKind: String, Hashable, Sendable, Codable, CaseIterable {
    case directoryRole = "role"
    case groupMember = "groupMember"
    case groupOwner = "groupOwner"
    case azureRole = "azure"

    public var isGroup: Bool { family == .group }

    /// Graph's `accessId` for PIM for Groups (`member` / `owner`); nil for directory roles.
    public var groupAccessId: String? {
        switch self {
        case .directoryRole, .azureRole: nil
        case .groupMember: "member"
        case .groupOwner: "owner"
        }
    }

    /// The words a user sees in the Kind column.
    public var label: String {
        switch self {
        case .directoryRole: "role"
        case .groupMember: "group member"
        case .groupOwner: "group owner"
        case .azureRole: "azure"
        }
    }
}

/// Identifies a target of elevation independent of any instance: the role definition (or group)
/// plus the scope. Two eligibilities for the same role at two scopes are two targets.
public struct TargetID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `roleDefinitionId` for directory roles, `groupId` for groups, the full scoped `roleDefinitionId`
    /// for Azure roles (`/subscriptions/…/providers/Microsoft.Authorization/roleDefinitions/{guid}`).
    public var resourceId: String
    /// `scope`, packed: an administrative unit's scope (one per target in a large tenant) in 16 bytes.
    private var packedScope: CompactID?
    /// Declared last so it sits in the packed scope's spare bytes: a key of the service's
    /// 50,000-entry policy cache stays 40 bytes.
    public var kind: TargetKind

    /// `directoryScopeId` for roles (`/` = tenant-wide); the ARM scope id for Azure roles
    /// (`/subscriptions/…/resourceGroups/app-rg`, as the service reports it); nil for groups.
    public var scope: String? {
        get { packedScope?.text }
        set { packedScope = newValue.map(CompactID.init) }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, resourceId, scope
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(TargetKind.self, forKey: .kind)
        resourceId = try container.decode(String.self, forKey: .resourceId)
        packedScope = try container.decodeIfPresent(CompactID.self, forKey: .scope)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(resourceId, forKey: .resourceId)
        try container.encodeIfPresent(packedScope, forKey: .scope)
    }

    public init(kind: TargetKind, resourceId: String, scope: String? = nil) {
        self.kind = kind
        self.resourceId = resourceId
        switch kind {
        case .directoryRole, .azureRole: self.scope = scope ?? "/"
        case .groupMember, .groupOwner: self.scope = nil
        }
    }

    public static func role(_ roleDefinitionId: String, scope: String = "/") -> TargetID {
        TargetID(kind: .directoryRole, resourceId: roleDefinitionId, scope: scope)
    }

    public static func group(_ groupId: String, owner: Bool = false) -> TargetID {
        TargetID(kind: owner ? .groupOwner : .groupMember, resourceId: groupId)
    }

    /// An Azure role at an ARM scope: `roleDefinitionId` as the eligibility carries it (full, scoped).
    public static func azure(roleDefinitionId: String, scope: String) -> TargetID {
        TargetID(kind: .azureRole, resourceId: roleDefinitionId, scope: scope)
    }

    public var description: String {
        switch kind {
        case .azureRole: "azure:\(resourceId)@\(scope ?? "/")"
        case .directoryRole: "role:\(resourceId)@\(scope ?? "/")"
        case .groupMember: "group:\(resourceId)#member"
        case .groupOwner: "group:\(resourceId)#owner"
        }
    }
}

/// A target with the names people know it by.
///
/// One target is copied into its eligibility, its row, the service's name cache and any request
/// or assignment for it: its fields live once behind `Compact`, so each copy is one pointer.
public struct ElevationTarget: CompactRecord, Codable, Identifiable {
    public struct Fields: Hashable, Sendable, Codable {
        public var id: TargetID
        /// Role or group display name, straight from the service: sanitise before display.
        public var displayName: String
        public var description: String?
        /// Human name of the scope (`Directory` for `/`, an administrative unit's name, …).
        public var scopeName: String?
        /// The role template id for built-in roles, used for the tier table.
        public var templateId: String?
    }

    public var storage: Compact<Fields>

    public init(storage: Compact<Fields>) { self.storage = storage }

    public init(
        id: TargetID, displayName: String, description: String? = nil,
        scopeName: String? = nil, templateId: String? = nil
    ) {
        storage = Compact(
            Fields(
                id: id, displayName: displayName, description: description,
                scopeName: scopeName, templateId: templateId))
    }

    /// Declared for `Identifiable`, which a dynamic member cannot satisfy.
    public var id: TargetID {
        get { storage.fields.id }
        set { storage.fields.id = newValue }
    }

    public var kind: TargetKind { id.kind }

    /// What the Scope column shows.
    public var scopeLabel: String {
        if let scopeName = self.scopeName { return scopeName }
        switch id.kind {
        case .directoryRole: return id.scope == "/" || id.scope == nil ? "Directory" : (id.scope ?? "/")
        case .groupMember, .groupOwner: return "Group"
        case .azureRole: return id.scope ?? "/"
        }
    }

    public var tier: PrivilegeTier { PrivilegeTier.of(self) }
}
