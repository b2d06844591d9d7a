import Foundation

/// Z12, Z14–Z16: child scopes, subscriptions, management groups and role definitions.
enum ARMDirectoryRoutes {
    /// Whether the caller holds anything (eligible or in force) at, above or below `scope`: what makes a
    /// subscription or management group appear in their lists.
    static func touches(_ ctx: ARMContext, _ estate: ARMEstate, _ scope: String) -> Bool {
        let caller = ctx.caller.id
        return estate.eligibilities.contains {
            estate.reaches(caller, $0.principalId) && estate.related($0.scope, scope)
        }
            || estate.assignments.contains {
                estate.reaches(caller, $0.principalId) && estate.related($0.scope, scope)
                    && ARMEstate.inForce(start: $0.start, end: $0.end, now: ctx.now)
            }
    }

    static func subscriptions(_ ctx: ARMContext, _ state: TenantState) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        let wire = ARMWire(state: state)
        let visible = state.azure.subscriptions.filter { touches(ctx, state.azure, ARMScope.subscription($0.id).id) }
        return try ctx.page(visible.map(wire.subscription))
    }

    static func managementGroups(_ ctx: ARMContext, _ state: TenantState) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        let wire = ARMWire(state: state)
        let visible = state.azure.managementGroups.filter {
            touches(ctx, state.azure, ARMScope.managementGroup($0.name).id)
        }
        return try ctx.page(visible.map(wire.managementGroup))
    }

    static func roleDefinition(
        _ ctx: ARMContext, _ state: TenantState, _ scope: ARMScope, _ id: String
    ) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        guard let role = ARMRoleCatalog.role(id) else {
            throw ARMFailure.notFound(
                "RoleDefinitionDoesNotExist", "The specified role definition with ID '\(id)' does not exist.")
        }
        return ARMResponse.json(ARMWire(state: state).roleDefinition(role, at: scope))
    }

    /// The scopes below `scope`, filtered by `resourceType eq '…'` (values joined by `or`).
    static func eligibleChildren(_ ctx: ARMContext, _ state: TenantState, _ scope: ARMScope) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        try ctx.filter?.allow(functions: [], properties: ["resourcetype"], assignedTo: false)
        let types = ctx.filter?.values("resourceType")?.map { $0.lowercased() }
        let wire = ARMWire(state: state)
        let children = state.azure.descendants(of: scope).filter { child in
            types.map { $0.contains(child.typeName) } ?? true
        }
        return try ctx.page(children.map(wire.childResource))
    }
}
