import Foundation

/// Z1–Z4, Z8, Z13: eligibility and assignment instances, policies and requests at a scope.
enum ARMListRoutes {
    /// What a list's `$filter` selects, beyond the scope.
    struct Selection {
        /// Only items of this user (directly or through a group): `asTarget()`, `assignedTo('…')`.
        var reachedBy: String?
        var principals: [String]?
        var roles: [String]?
        var statuses: [String]?
        var atScope = false

        init(_ ctx: ARMContext) {
            guard let f = ctx.filter else { return }
            if f.has("asTarget") { reachedBy = ctx.caller.id }
            if let id = f.assignedTo { reachedBy = id }
            principals = f.values("principalId")
            roles = f.values("roleDefinitionId").map { $0.map(Self.lastSegment) }
            statuses = f.values("status")
            atScope = f.has("atScope")
        }

        /// Whether the selection shows only the caller's own items (no read right needed).
        func isOwn(_ callerId: String) -> Bool {
            (reachedBy.map { sameID($0, callerId) } ?? false)
                || (principals.map { $0.count == 1 && sameID($0[0], callerId) } ?? false)
        }

        func matches(
            _ estate: ARMEstate, scope: ARMScope, itemScope: String, principalId: String, roleId: String,
            status: String
        ) -> Bool {
            let placed = atScope ? estate.covers(itemScope, scope.id) : estate.related(itemScope, scope.id)
            guard placed else { return false }
            if let reachedBy, !estate.reaches(reachedBy, principalId) { return false }
            if let principals, !principals.contains(where: { sameID($0, principalId) }) { return false }
            if let roles, !roles.contains(where: { sameID($0, roleId) }) { return false }
            if let statuses, !statuses.contains(where: { $0.caseInsensitiveCompare(status) == .orderedSame }) {
                return false
            }
            return true
        }

        static func lastSegment(_ id: String) -> String {
            id.split(separator: "/").last.map(String.init) ?? id
        }
    }

    static func eligibilities(
        _ ctx: ARMContext, _ state: TenantState, _ scope: ARMScope, schedules: Bool
    ) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        try ctx.filter?.allow(
            functions: ["astarget", "atscope"],
            properties: ["principalid", "roledefinitionid", "status", "roleeligibilityscheduleid"], assignedTo: true)
        let selection = Selection(ctx)
        try ARMRouter.authorizeRead(ctx, state, scope, ownOnly: selection.isOwn(ctx.caller.id))
        let wanted = ctx.filter?.values("roleEligibilityScheduleId")?.map(Selection.lastSegment)
        let wire = ARMWire(state: state)
        let items = state.azure.eligibilities.filter { e in
            ARMEstate.inForce(start: e.start, end: e.end, now: ctx.now)
                && selection.matches(
                    state.azure, scope: scope, itemScope: e.scope, principalId: e.principalId, roleId: e.roleId,
                    status: "Provisioned")
                && (wanted.map { w in w.contains { sameID($0, e.scheduleId) } } ?? true)
        }
        return try ctx.page(items.map { schedules ? wire.eligibilitySchedule($0) : wire.eligibilityInstance($0) })
    }

    static func assignments(_ ctx: ARMContext, _ state: TenantState, _ scope: ARMScope) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        try ctx.filter?.allow(
            functions: ["astarget", "atscope"],
            properties: ["principalid", "roledefinitionid", "status", "roleassignmentscheduleid"], assignedTo: true)
        let selection = Selection(ctx)
        try ARMRouter.authorizeRead(ctx, state, scope, ownOnly: selection.isOwn(ctx.caller.id))
        let wanted = ctx.filter?.values("roleAssignmentScheduleId")?.map(Selection.lastSegment)
        let wire = ARMWire(state: state)
        let items = state.azure.assignments.filter { a in
            ARMEstate.inForce(start: a.start, end: a.end, now: ctx.now)
                && selection.matches(
                    state.azure, scope: scope, itemScope: a.scope, principalId: a.principalId, roleId: a.roleId,
                    status: "Provisioned")
                && (wanted.map { w in w.contains { sameID($0, a.scheduleId) } } ?? true)
        }
        return try ctx.page(items.map(wire.assignmentInstance))
    }

    /// One policy assignment per built-in role at the scope. The spec declares no `$filter` here; the
    /// tenant honours `roleDefinitionId eq '…'` (what community clients send) by the role's GUID.
    static func policies(
        _ ctx: ARMContext, _ state: TenantState, _ scope: ARMScope, name: String?
    ) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        try ctx.filter?.allow(functions: [], properties: ["roledefinitionid"], assignedTo: false)
        let roles = ctx.filter?.values("roleDefinitionId")?.map(Selection.lastSegment)
        let wire = ARMWire(state: state)
        let policies = ARMRoleCatalog.all.map { state.azure.policy(roleId: $0.id, scope: scope.id) }
        if let name {
            guard
                let policy = policies.first(where: { "\($0.policyId)_\($0.roleId)".lowercased() == name.lowercased() })
            else {
                throw ARMFailure.notFound(
                    "RoleManagementPolicyAssignmentNotFound",
                    "The role management policy assignment '\(name)' was not found.")
            }
            return ARMResponse.json(wire.policyAssignment(policy))
        }
        let selected = policies.filter { p in roles.map { r in r.contains { sameID($0, p.roleId) } } ?? true }
        return try ctx.page(selected.map(wire.policyAssignment))
    }

    static func requests(_ ctx: ARMContext, _ state: TenantState, _ scope: ARMScope) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        try ctx.filter?.allow(
            functions: ["asrequestor", "astarget", "asapprover", "atscope"],
            properties: ["principalid", "roledefinitionid", "requestorid", "status"], assignedTo: false)
        let filter = ctx.filter
        let caller = ctx.caller.id
        let selection = Selection(ctx)
        let requestors = filter?.values("requestorId")
        let own =
            selection.isOwn(caller) || filter?.has("asRequestor") == true || filter?.has("asApprover") == true
            || (requestors.map { $0.count == 1 && sameID($0[0], caller) } ?? false)
        try ARMRouter.authorizeRead(ctx, state, scope, ownOnly: own)
        let wire = ARMWire(state: state)
        let items = state.azure.requests.filter { r in
            guard
                selection.matches(
                    state.azure, scope: scope, itemScope: r.scope, principalId: r.principalId, roleId: r.roleId,
                    status: r.status)
            else { return false }
            if filter?.has("asRequestor") == true, !sameID(r.requestorId, caller) { return false }
            // "asApprover(): current user is an approver" (spec text): decided requests too, so an approver
            // can see what became of one; the client keeps the pending ones for its queue.
            if filter?.has("asApprover") == true {
                guard let approval = r.approval,
                    approval.approverIds.contains(where: { sameID($0, caller) })
                else { return false }
            }
            if let requestors, !requestors.contains(where: { sameID($0, r.requestorId) }) { return false }
            return true
        }.sorted { $0.createdOn > $1.createdOn }
        return try ctx.page(items.map(wire.request))
    }

    static func request(
        _ ctx: ARMContext, _ state: TenantState, _ scope: ARMScope, _ name: String
    ) throws -> TenantResponse {
        let caller = ctx.caller.id
        guard
            let r = state.azure.requests.first(where: { sameID($0.name, name) && sameScope($0.scope, scope.id) }),
            sameID(r.requestorId, caller) || state.azure.reaches(caller, r.principalId)
                || (r.approval?.approverIds.contains { sameID($0, caller) } ?? false)
                || state.azure.canRead(caller, at: scope.id, now: ctx.now)
        else { throw ARMRequestRoutes.requestNotFound(name) }
        return ARMResponse.json(ARMWire(state: state).request(r))
    }
}
