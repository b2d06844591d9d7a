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

    /// Role eligibilities a user holds through active membership of a role-assignable group that is
    /// itself eligible (memberType `Group`): the user activates the role for themselves.
    func inheritedRoleEligibilities(of principalId: String, now: Date) -> [TenantEligibility] {
        let groups = assignments.filter {
            $0.kind == .group && $0.accessId == "member" && $0.principalId == principalId
                && ($0.start.map { $0 <= now } ?? true)
        }.map(\.targetId)
        guard !groups.isEmpty else { return [] }
        return eligibilities.filter { $0.kind == .role && groups.contains($0.principalId) && $0.start <= now }.map {
            e in
            var inherited = e
            inherited.id = StableID.make("inherited:\(e.id):\(principalId)")
            inherited.grant.principalId = principalId
            inherited.memberType = "Group"
            return inherited
        }
    }

    /// Direct and inherited eligibilities of one principal for one target, in force at `now`.
    func eligibility(
        kind: TargetKind, principalId: String, targetId: String, accessId: String?, scope: String,
        now: Date
    ) -> TenantEligibility? {
        let direct = eligibilities.first {
            $0.sameTarget(kind: kind, principalId: principalId, targetId: targetId, accessId: accessId, scope: scope)
                && $0.start <= now && ($0.end.map { $0 > now } ?? true)
        }
        if let direct { return direct }
        guard kind == .role else { return nil }
        return inheritedRoleEligibilities(of: principalId, now: now).first {
            $0.sameTarget(kind: kind, principalId: principalId, targetId: targetId, accessId: accessId, scope: scope)
                && ($0.end.map { $0 > now } ?? true)
        }
    }

    func index(ofRequest id: String) -> Int? {
        requests.firstIndex { sameID($0.id, id) }
    }
}

extension TenantAssignment {
    /// The role definition id (for role assignments) in the catalog's spelling.
    var roleKey: String { grant.targetId.lowercased() }
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

/// Eligibilities and assignments are addressed by their grant.
protocol GrantHolding: TargetAddressed {
    var grant: TenantGrant { get }
}

extension GrantHolding {
    var kind: TargetKind { grant.kind }
    var principalId: String { grant.principalId }
    var targetId: String { grant.targetId }
    var accessId: String? { grant.accessId }
    var directoryScopeId: String { grant.directoryScopeId }
}

extension TenantEligibility: GrantHolding {}
extension TenantAssignment: GrantHolding {}
extension TenantRequest: TargetAddressed {
    var principalId: String { ask.principalId }
    var targetId: String { ask.targetId }
    var accessId: String? { ask.accessId }
    var directoryScopeId: String { ask.directoryScopeId }
}
