import Foundation

/// One role a group holds, which membership (or ownership) of the group confers: a directory role at
/// the directory or an administrative unit, or an Azure role at an Azure scope; held eligible (a member
/// activates it) or active (a member has it while the membership lasts).
public struct ConferredRole: Hashable, Sendable {
    public enum Holding: String, Hashable, Sendable {
        case eligible, active
    }

    /// The role's display name, straight from the service: sanitise before display.
    public var name: String
    /// The scope as a person reads it: `Directory` for `/`, an administrative unit's or Azure scope's name.
    public var scopeName: String
    /// `directoryScopeId` for a directory role, the ARM scope id for an Azure role.
    public var scopeId: String
    /// `.directoryRole` or `.azure`.
    public var family: TargetFamily
    public var holding: Holding

    public init(name: String, scopeName: String, scopeId: String, family: TargetFamily, holding: Holding) {
        self.name = name
        self.scopeName = scopeName
        self.scopeId = scopeId
        self.family = family
        self.holding = holding
    }

    /// The scope name of a directory scope id when no better name is known.
    public static func directoryScopeName(_ scopeId: String) -> String {
        if scopeId.isEmpty || scopeId == "/" { return "Directory" }
        let id = scopeId.split(separator: "/").last.map(String.init) ?? scopeId
        return scopeId.lowercased().hasPrefix("/administrativeunits/")
            ? "administrative unit \(id.prefix(8))" : scopeId
    }

    /// Eligible before active, then by name and scope, without repeats: one list reads the same
    /// whichever order the service answered in.
    public static func ordered(_ roles: [ConferredRole]) -> [ConferredRole] {
        var seen = Set<ConferredRole>()
        return roles.filter { seen.insert($0).inserted }.sorted { a, b in
            if a.holding != b.holding { return a.holding == .eligible }
            switch a.name.localizedCaseInsensitiveCompare(b.name) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return a.scopeName.localizedCaseInsensitiveCompare(b.scopeName) == .orderedAscending
            }
        }
    }

    /// What groups give in Azure, from my own Azure rows alone (no extra call): an Azure eligibility or
    /// assignment I hold through a group (`memberType` Group) names the group as its principal.
    /// - Returns: group id → the Azure roles it holds.
    public static func azure(eligibilities: [Eligibility], active: [ActiveAssignment]) -> [String: [ConferredRole]] {
        var result: [String: [ConferredRole]] = [:]
        func add(_ target: ElevationTarget, principalId: String, memberType: MemberType, holding: Holding) {
            guard target.kind.family == .azure, memberType == .group, !principalId.isEmpty else { return }
            result[principalId, default: []].append(
                ConferredRole(
                    name: target.displayName, scopeName: target.scopeLabel, scopeId: target.id.scope ?? "/",
                    family: .azure, holding: holding))
        }
        for eligibility in eligibilities {
            add(
                eligibility.target, principalId: eligibility.principalId, memberType: eligibility.memberType,
                holding: .eligible)
        }
        for assignment in active {
            add(
                assignment.target, principalId: assignment.principal.id, memberType: assignment.memberType,
                holding: .active)
        }
        return result
    }
}
