import Foundation

/// Lookups the routes and rules share.
extension TenantState {
    func user(_ id: String) -> TenantUser? { users.first { sameID($0.id, id) } }
    func role(_ id: String) -> TenantRole? { roles.first { sameID($0.id, id) } }
    func group(_ id: String) -> TenantGroup? { groups.first { sameID($0.id, id) } }

    func policy(kind: TargetKind, targetId: String, accessId: String?) -> TenantPolicy? {
        policies.first {
            $0.kind == kind && sameID($0.targetId, targetId)
                && (kind == .role || $0.accessId == accessId?.lowercased())
        }
    }

    func targetName(kind: TargetKind, targetId: String) -> String {
        switch kind {
        case .role: return role(targetId)?.displayName ?? targetId
        case .group: return group(targetId)?.displayName ?? targetId
        }
    }

    func principalName(_ id: String) -> String {
        user(id)?.displayName ?? group(id)?.displayName ?? id
    }

    /// Directory roles the principal holds right now (active or permanently assigned), at tenant scope.
    func activeRoleIds(of principalId: String, now: Date) -> Set<String> {
        var result = Set<String>()
        for a in assignments where a.kind == .role && a.principalId == principalId && a.directoryScopeId == "/" {
            if let start = a.start, start > now { continue }
            result.insert(a.roleKey)
        }
        return result
    }

    func index(ofRequest id: String) -> Int? {
        requests.firstIndex { sameID($0.id, id) }
    }
}

extension TenantAssignment {
    /// The role definition id (for role assignments) in the catalog's spelling.
    var roleKey: String { targetId.lowercased() }
}

/// Same-target matching for eligibilities, assignments and requests.
protocol TargetAddressed {
    var kind: TargetKind { get }
    var principalId: String { get }
    var targetId: String { get }
    var accessId: String? { get }
    var directoryScopeId: String { get }
}

extension TargetAddressed {
    func sameTarget(kind: TargetKind, principalId: String, targetId: String, accessId: String?, scope: String) -> Bool {
        self.kind == kind
            && sameID(self.principalId, principalId)
            && sameID(self.targetId, targetId)
            && (kind == .role ? self.directoryScopeId == scope : self.accessId == accessId)
    }
}

extension TenantEligibility: TargetAddressed {}
extension TenantAssignment: TargetAddressed {}
extension TenantRequest: TargetAddressed {}
