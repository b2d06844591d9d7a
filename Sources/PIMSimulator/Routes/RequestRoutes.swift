import Foundation

/// Schedule requests of roles and groups: list, my requests / requests I approve, read one, create, cancel.
enum RequestRoutes {
    static func route(
        _ ctx: RequestContext, _ s: [String], _ session: inout TenantSession, kind: TargetKind, type: String,
        context: String, expandable: Set<String>, requiresFilterOn: [String]
    ) throws -> TenantResponse {
        let me = ctx.caller.id
        let snapshot = session.state
        let shape = { (r: TenantRequest) in Wire.request(r, state: snapshot) }
        let all = session.state.requests.filter { $0.kind == kind }
        let expander = Expansion.expander(session.state, kind: kind)
        if s.count == 1 {
            try ctx.requireMethod("GET", "POST")
            if ctx.method == "POST" { return try RequestRules.create(ctx, kind: kind, &session) }
            return try RoleRoutes.list(
                ctx, s, session.state, items: all, mine: { $0.principalId == me }, shape: shape,
                type: type, context: context, expandable: expandable, kind: kind,
                requiresFilterOn: requiresFilterOn)
        }
        if let on = try Router.currentUserFilter(s[1], allowed: ["principal", "approver"]) {
            guard s.count == 2 else { throw GraphFailure.segmentNotFound(s[2]) }
            try ctx.requireMethod("GET")
            let items =
                on == "principal"
                ? all.filter { $0.principalId == me }
                : all.filter { r in r.principalId != me && (r.approval?.approverIds.contains(me) ?? false) }
            return try ctx.collection(
                items, shape: shape, type: type, context: "Collection(\(type))",
                expandable: expandable, expander: expander)
        }
        guard let index = session.state.index(ofRequest: s[1]), session.state.requests[index].kind == kind else {
            throw GraphFailure.notFound("The request '\(s[1])'")
        }
        if s.count == 2 {
            try ctx.requireMethod("GET")
            let r = session.state.requests[index]
            let visible = r.principalId == me || r.createdById == me || (r.approval?.approverIds.contains(me) ?? false)
            if !visible { try Router.requireReader(ctx, session.state) }
            return try ctx.entity(
                shape(r), type: type, context: "\(context)/$entity", expandable: expandable, expander: expander)
        }
        guard s.count == 3, s[2] == "cancel" else { throw GraphFailure.segmentNotFound(s[2]) }
        try ctx.requireMethod("POST")
        return try RequestRules.cancel(ctx, index: index, &session)
    }
}
