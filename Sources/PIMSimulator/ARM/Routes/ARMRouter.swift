import Foundation

/// Dispatches an authenticated ARM request (api-version already checked) to its handler.
enum ARMRouter {
    static func route(_ ctx: ARMContext, _ session: inout TenantSession) throws -> TenantResponse {
        let state = session.state
        switch ctx.route {
        case .subscriptions: return try ARMDirectoryRoutes.subscriptions(ctx, state)
        case .managementGroups: return try ARMDirectoryRoutes.managementGroups(ctx, state)
        case .roleDefinition(let scope, let id):
            return try ARMDirectoryRoutes.roleDefinition(ctx, state, try existing(scope, state), id)
        case .eligibleChildResources(let scope):
            return try ARMDirectoryRoutes.eligibleChildren(ctx, state, try existing(scope, state))
        case .eligibilityInstances(let scope):
            return try ARMListRoutes.eligibilities(ctx, state, try existing(scope, state), schedules: false)
        case .eligibilitySchedules(let scope):
            return try ARMListRoutes.eligibilities(ctx, state, try existing(scope, state), schedules: true)
        case .assignmentInstances(let scope):
            return try ARMListRoutes.assignments(ctx, state, try existing(scope, state))
        case .policyAssignments(let scope, let name):
            return try ARMListRoutes.policies(ctx, state, try existing(scope, state), name: name)
        case .requests(let scope):
            return try ARMListRoutes.requests(ctx, state, try existing(scope, state))
        case .request(let scope, let name):
            let scope = try existing(scope, state)
            if ctx.method == "GET" { return try ARMListRoutes.request(ctx, state, scope, name) }
            try ctx.requireMethod("PUT")
            return try ARMRequestRoutes.create(ctx, &session, scope, name, commit: true)
        case .requestAction(let scope, let name, let action):
            let scope = try existing(scope, state)
            try ctx.requireMethod("POST")
            switch action {
            case "validate": return try ARMRequestRoutes.create(ctx, &session, scope, name, commit: false)
            case "cancel": return try ARMRequestRoutes.cancel(ctx, &session, scope, name)
            default: throw ARMFailure.noRoute(ctx.target.path)
            }
        case .approvals: return try ARMApprovalRoutes.list(ctx, state)
        case .approval(let id): return try ARMApprovalRoutes.get(ctx, state, id)
        case .stages(let id): return try ARMApprovalRoutes.stages(ctx, state, id)
        case .stage(let id, let stage): return try ARMApprovalRoutes.stage(ctx, &session, id, stage)
        case .batch: throw ARMFailure.noRoute(ctx.target.path)
        }
    }

    /// The scope in the estate's spelling; a scope the estate lacks is a 404 named for its kind.
    static func existing(_ scope: ARMScope, _ state: TenantState) throws(ARMFailure) -> ARMScope {
        if let found = state.azure.canonical(scope) { return found }
        switch scope {
        case .subscription(let id):
            throw ARMFailure.notFound("SubscriptionNotFound", "The subscription '\(id)' could not be found.")
        case .resourceGroup(_, let name):
            throw ARMFailure.notFound("ResourceGroupNotFound", "Resource group '\(name)' could not be found.")
        case .managementGroup(let name):
            throw ARMFailure.notFound("ManagementGroupNotFound", "The management group '\(name)' could not be found.")
        default:
            throw ARMFailure.notFound("ResourceNotFound", "The resource '\(scope.id)' was not found.")
        }
    }

    /// Reading others' role data needs a role at the scope or above; the caller's own needs none.
    static func authorizeRead(
        _ ctx: ARMContext, _ state: TenantState, _ scope: ARMScope, ownOnly: Bool
    ) throws(ARMFailure) {
        guard !ownOnly else { return }
        guard state.azure.canRead(ctx.caller.id, at: scope.id, now: ctx.now) else {
            throw ARMFailure.authorizationFailed(
                ctx.caller, action: "Microsoft.Authorization/roleAssignments/read", scope: scope.id)
        }
    }
}
