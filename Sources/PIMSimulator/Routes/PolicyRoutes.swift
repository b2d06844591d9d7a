import Foundation

/// `/policies/roleManagementPolicyAssignments`: `$filter` on scopeId and scopeType is required.
enum PolicyRoutes {
    static func route(_ ctx: RequestContext, _ s: [String], _ state: TenantState) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        let type = "unifiedRoleManagementPolicyAssignment"
        let expander: RequestContext.Expander = { item, json in
            guard item.name == "policy", let id = json["id"]?.stringValue,
                let p = state.policies.first(where: { Wire.policyAssignmentId($0, tenantId: state.tenantId) == id })
            else {
                return .null
            }
            var policy = Wire.policy(p, tenantId: state.tenantId, rules: false)
            for nested in item.expand where nested.name == "rules" || nested.name == "effectiveRules" {
                policy = policy.setting(nested.name, .array(Wire.policyRules(p)))
            }
            return RequestContext.nested(policy, item)
        }
        if s.count == 1 {
            guard
                let assignment = state.policies.first(where: {
                    Wire.policyAssignmentId($0, tenantId: state.tenantId) == s[0]
                })
            else {
                throw GraphFailure.notFound("The policy assignment '\(s[0])'")
            }
            return try ctx.entity(
                Wire.policyAssignment(assignment, tenantId: state.tenantId), type: type,
                context: "policies/roleManagementPolicyAssignments/$entity", expandable: ["policy"],
                expander: expander)
        }
        guard s.isEmpty else { throw GraphFailure.segmentNotFound(s[1]) }
        let eq = ctx.query.filter?.requiredEqualities ?? [:]
        guard let scopeId = eq["scopeid"], let scopeType = eq["scopetype"] else {
            throw GraphFailure.badRequest(
                """
                The filter on scopeId and scopeType is required; add ?$filter=scopeId eq '/' and scopeType eq \
                'DirectoryRole'.
                """,
                code: "BadRequest")
        }
        let items: [SimJSON]
        let role = eq["roledefinitionid"]
        let wanted = { (p: TenantPolicy) in
            role.map { r in
                (p.kind == .role ? p.targetId : (p.accessId ?? "")).caseInsensitiveCompare(r) == .orderedSame
            } ?? true
        }
        switch scopeType.lowercased() {
        case "directoryrole", "directory":
            guard scopeId == "/" else { items = []; break }
            items = state.policies.filter { $0.kind == .role && wanted($0) }.map {
                Wire.policyAssignment($0, tenantId: state.tenantId).setting("scopeType", .string(scopeType))
            }
        case "group":
            items = state.policies.filter {
                $0.kind == .group && wanted($0) && $0.targetId.caseInsensitiveCompare(scopeId) == .orderedSame
            }
            .map { Wire.policyAssignment($0, tenantId: state.tenantId) }
        default:
            throw GraphFailure.badRequest(
                "The scopeType '\(scopeType)' is not supported; use 'DirectoryRole', 'Directory' or 'Group'.")
        }
        return try ctx.collection(
            items, type: type, context: "policies/roleManagementPolicyAssignments",
            expandable: ["policy"], expander: expander)
    }
}
