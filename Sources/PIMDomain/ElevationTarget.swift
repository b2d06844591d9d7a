import Foundation

/// What an elevation grants: a directory role at a scope, or a group's member or owner access.
public enum TargetKind: String, Hashable, Sendable, Codable, CaseIterable {
    case directoryRole = "role"
    case groupMember = "groupMember"
    case groupOwner = "groupOwner"

    public var isGroup: Bool { family == .group }

    /// Graph's `accessId` for PIM for Groups (`member` / `owner`); nil for directory roles.
    public var groupAccessId: String? {
        switch self {
        case .directoryRole: nil
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
        }
    }
}

/// Identifies a target of elevation independent of any instance: the role definition (or group)
/// plus the scope. Two eligibilities for the same role at two scopes are two targets.
public struct TargetID: Hashable, Sendable, Codable, CustomStringConvertible {
    public var kind: TargetKind
    /// `roleDefinitionId` for directory roles, `groupId` for groups.
    public var resourceId: String
    /// `directoryScopeId` for roles (`/` = tenant-wide); nil for groups.
    public var scope: String?

    public init(kind: TargetKind, resourceId: String, scope: String? = nil) {
        self.kind = kind
        self.resourceId = resourceId
        self.scope = kind == .directoryRole ? (scope ?? "/") : nil
    }

    public static func role(_ roleDefinitionId: String, scope: String = "/") -> TargetID {
        TargetID(kind: .directoryRole, resourceId: roleDefinitionId, scope: scope)
    }

    public static func group(_ groupId: String, owner: Bool = false) -> TargetID {
        TargetID(kind: owner ? .groupOwner : .groupMember, resourceId: groupId)
    }

    public var description: String {
        switch kind {
        case .directoryRole: "role:\(resourceId)@\(scope ?? "/")"
        case .groupMember: "group:\(resourceId)#member"
        case .groupOwner: "group:\(resourceId)#owner"
        }
    }
}

/// A target with the names people know it by.
///
/// One target is copied into its eligibility, its row, the service's name cache and any request
/// or assignment for it: its fields live once behind `Shared`, so each copy is one pointer.
public struct ElevationTarget: Hashable, Sendable, Codable, Identifiable {
    struct Fields: Hashable, Sendable, Codable {
        var id: TargetID
        var displayName: String
        var description: String?
        var scopeName: String?
        var templateId: String?
    }

    private var fields: Shared<Fields>

    public var id: TargetID {
        get { fields.value.id }
        set { change { $0.id = newValue } }
    }
    /// Role or group display name, straight from the service: sanitise before display.
    public var displayName: String {
        get { fields.value.displayName }
        set { change { $0.displayName = newValue } }
    }
    public var description: String? {
        get { fields.value.description }
        set { change { $0.description = newValue } }
    }
    /// Human name of the scope (`Directory` for `/`, an administrative unit's name, …).
    public var scopeName: String? {
        get { fields.value.scopeName }
        set { change { $0.scopeName = newValue } }
    }
    /// The role template id for built-in roles, used for the tier table.
    public var templateId: String? {
        get { fields.value.templateId }
        set { change { $0.templateId = newValue } }
    }

    public init(id: TargetID, displayName: String, description: String? = nil,
                scopeName: String? = nil, templateId: String? = nil) {
        fields = Shared(Fields(id: id, displayName: displayName, description: description,
                               scopeName: scopeName, templateId: templateId))
    }

    private mutating func change(_ edit: (inout Fields) -> Void) {
        var copy = fields.value
        edit(&copy)
        fields = Shared(copy)
    }

    public static func == (a: ElevationTarget, b: ElevationTarget) -> Bool {
        a.fields === b.fields || a.fields.value == b.fields.value
    }

    public func hash(into hasher: inout Hasher) { fields.value.hash(into: &hasher) }

    public init(from decoder: any Decoder) throws { fields = Shared(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try fields.value.encode(to: encoder) }

    public var kind: TargetKind { id.kind }

    /// What the Scope column shows.
    public var scopeLabel: String {
        if let scopeName { return scopeName }
        switch id.kind {
        case .directoryRole: return id.scope == "/" || id.scope == nil ? "Directory" : (id.scope ?? "/")
        case .groupMember, .groupOwner: return "Group"
        }
    }

    public var tier: PrivilegeTier { PrivilegeTier.of(self) }
}
