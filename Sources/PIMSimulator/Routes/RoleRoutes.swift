import Foundation

/// `/roleManagement/directory/…`: PIM for Microsoft Entra roles (A1–A11 of the contract).
enum RoleRoutes {
    static func route(_ ctx: RequestContext, _ s: [String], _ session: inout TenantSession) throws -> TenantResponse {
        let state = session.state
        let me = ctx.caller.id
        switch s[0] {
        case "roleEligibilityScheduleInstances", "roleEligibilitySchedules":
            let schedules = s[0] == "roleEligibilitySchedules"
            var items = state.eligibilities.filter { $0.kind == .role && $0.start <= ctx.now }
            if s.count == 2, s[1].lowercased().hasPrefix("filterbycurrentuser") {
                items += state.inheritedRoleEligibilities(of: me, now: ctx.now)
            }
            let shape = schedules ? Wire.roleEligibilitySchedule : Wire.roleEligibilityInstance
            let type = schedules ? "unifiedRoleEligibilitySchedule" : "unifiedRoleEligibilityScheduleInstance"
            return try list(
                ctx, s, state, items: items, mine: { $0.principalId == me }, shape: shape, type: type,
                context: "Collection(\(type))", expandable: Expansion.roleInstance)
        case "roleAssignmentScheduleInstances", "roleAssignmentSchedules":
            let schedules = s[0] == "roleAssignmentSchedules"
            let items = state.assignments.filter { $0.kind == .role && ($0.start.map { $0 <= ctx.now } ?? true) }
            let shape = schedules ? Wire.roleAssignmentSchedule : Wire.roleAssignmentInstance
            let type = schedules ? "unifiedRoleAssignmentSchedule" : "unifiedRoleAssignmentScheduleInstance"
            return try list(
                ctx, s, state, items: items, mine: { $0.principalId == me }, shape: shape, type: type,
                context: "Collection(\(type))", expandable: Expansion.roleAssignment)
        case "roleAssignments":
            // C3: the roles in force now, assigned or activated; no filterByCurrentUser variant.
            guard s.count == 1 else { throw GraphFailure.segmentNotFound(s[1]) }
            let items = state.assignments.filter {
                $0.kind == .role && ($0.start.map { $0 <= ctx.now } ?? true) && ($0.end.map { $0 > ctx.now } ?? true)
            }
            return try list(
                ctx, s, state, items: items, mine: { $0.principalId == me }, shape: Wire.roleAssignment,
                type: "unifiedRoleAssignment", context: "roleManagement/directory/roleAssignments",
                expandable: Expansion.roleInstance)
        case "roleAssignmentScheduleRequests":
            return try requests(ctx, s, &session)
        case "roleDefinitions":
            try ctx.requireMethod("GET")
            if s.count == 1 {
                return try ctx.collection(
                    state.roles.map(Wire.roleDefinition), type: "unifiedRoleDefinition",
                    context: "roleManagement/directory/roleDefinitions")
            }
            guard s.count == 2, let role = state.role(s[1]) else {
                throw GraphFailure.notFound("The role definition '\(s[1])'")
            }
            return try ctx.entity(
                Wire.roleDefinition(role), type: "unifiedRoleDefinition",
                context: "roleManagement/directory/roleDefinitions/$entity")
        case "roleAssignmentApprovals":
            // Beta only: v1.0 knows no such resource and answers as Graph does for a beta-only URL (405).
            guard ctx.isBeta else { throw GraphFailure.methodNotAllowed }
            return try ApprovalRoutes.route(ctx, kind: .role, Array(s.dropFirst()), &session)
        default:
            throw GraphFailure.segmentNotFound(s[0])
        }
    }

    /// A collection with its `filterByCurrentUser(on='principal')` variant and single-item reads.
    static func list<T>(
        _ ctx: RequestContext, _ s: [String], _ state: TenantState, items: [T], mine: (T) -> Bool,
        shape: (T) -> SimJSON, type: String, context: String, expandable: Set<String>,
        kind: TargetKind = .role, requiresFilterOn: [String] = []
    ) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        let expander = Expansion.expander(state, kind: kind)
        if s.count == 1 {
            let required = ctx.query.filter?.requiredEqualities ?? [:]
            if !requiresFilterOn.isEmpty, !requiresFilterOn.contains(where: { required[$0.lowercased()] != nil }) {
                throw GraphFailure.badRequest(
                    """
                    A $filter on \(requiresFilterOn.joined(separator: " or ")) (eq) is required for this collection; \
                    add e.g. ?$filter=\(requiresFilterOn[0]) eq '{id}'.
                    """
                )
            }
            if !Self.ownOnly(ctx) { try Router.requireReader(ctx, state) }
            return try ctx.collection(
                items, shape: shape, type: type, context: context, expandable: expandable, expander: expander)
        }
        if try Router.currentUserFilter(s[1], allowed: ["principal"]) != nil {
            guard s.count == 2 else { throw GraphFailure.segmentNotFound(s[2]) }
            return try ctx.collection(
                items.filter(mine), shape: shape, type: type, context: context,
                expandable: expandable, expander: expander)
        }
        guard s.count == 2 else { throw GraphFailure.segmentNotFound(s[2]) }
        guard let item = items.first(where: { shape($0)["id"]?.stringValue == s[1] }) else {
            throw GraphFailure.notFound("The \(type) '\(s[1])'")
        }
        if !mine(item) { try Router.requireReader(ctx, state) }
        return try ctx.entity(
            shape(item), type: type,
            context: context.replacingOccurrences(of: "Collection(", with: "")
                .replacingOccurrences(of: ")", with: "") + "/$entity", expandable: expandable, expander: expander)
    }

    /// Whether the filter pins `principalId` to the caller alone (`eq`, or `in` with only the caller's id):
    /// anyone may read their own; anything else needs a role that reads PIM data (graph contract A4).
    static func ownOnly(_ ctx: RequestContext) -> Bool {
        guard let ids = ctx.query.filter?.requiredValues(of: "principalId"), !ids.isEmpty else { return false }
        return ids.allSatisfy { $0.caseInsensitiveCompare(ctx.caller.id) == .orderedSame }
    }

    static func requests(_ ctx: RequestContext, _ s: [String], _ session: inout TenantSession) throws -> TenantResponse
    {
        let type = "unifiedRoleAssignmentScheduleRequest"
        let context = "roleManagement/directory/roleAssignmentScheduleRequests"
        return try RequestRoutes.route(
            ctx, s, &session, kind: .role, type: type, context: context,
            expandable: Expansion.roleRequest, requiresFilterOn: [])
    }
}
