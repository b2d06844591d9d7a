import Foundation

/// Dispatches an authenticated request to its route by path, as Graph resolves segments: an
/// unknown segment is a 400 naming it, a known resource with the wrong method a 405.
enum Router {
    static func route(_ ctx: RequestContext, _ session: inout TenantSession) throws -> TenantResponse {
        let s = ctx.target.segments
        guard let first = s.first else { throw GraphFailure.badRequest("Resource not found for the segment ''.") }
        switch first.lowercased() {
        case "me":
            guard s.count == 1 else { throw GraphFailure.segmentNotFound(s[1]) }
            try ctx.requireMethod("GET")
            return try ctx.entity(Wire.user(ctx.caller).removing("@odata.type"), type: "user", context: "users/$entity")
        case "rolemanagement":
            guard s.count >= 3 else { throw GraphFailure.segmentNotFound(s.last ?? first) }
            guard s[1].lowercased() == "directory" else { throw GraphFailure.segmentNotFound(s[1]) }
            return try RoleRoutes.route(ctx, Array(s.dropFirst(2)), &session)
        case "identitygovernance":
            if s.count >= 3, s[1].lowercased() == "accessreviews" {
                return try ReviewRoutes.route(ctx, Array(s.dropFirst(2)), &session)
            }
            guard s.count >= 4 else { throw GraphFailure.segmentNotFound(s.last ?? first) }
            guard s[1].lowercased() == "privilegedaccess" else { throw GraphFailure.segmentNotFound(s[1]) }
            guard s[2].lowercased() == "group" else { throw GraphFailure.segmentNotFound(s[2]) }
            return try GroupRoutes.route(ctx, Array(s.dropFirst(3)), &session)
        case "policies":
            guard s.count >= 2 else { throw GraphFailure.methodNotAllowed }
            guard s[1].lowercased() == "rolemanagementpolicyassignments" else {
                throw GraphFailure.segmentNotFound(s[1])
            }
            return try PolicyRoutes.route(ctx, Array(s.dropFirst(2)), session.state)
        case "auditlogs":
            guard s.count >= 2 else { throw GraphFailure.methodNotAllowed }
            guard s[1].lowercased() == "directoryaudits" else { throw GraphFailure.segmentNotFound(s[1]) }
            return try AuditRoutes.route(ctx, Array(s.dropFirst(2)), session.state)
        default:
            throw GraphFailure.segmentNotFound(first)
        }
    }

    /// `filterByCurrentUser(on='…')`: the value must be quoted and one the endpoint supports.
    static func currentUserFilter(_ segment: String, allowed: [String]) throws -> String? {
        guard let fn = FunctionSegment(segment), fn.name.lowercased() == "filterbycurrentuser" else { return nil }
        guard let on = fn.arguments["on"] else {
            throw GraphFailure.badRequest(
                """
                The parameter 'on' is missing from the function 'filterByCurrentUser'; call \
                filterByCurrentUser(on='principal').
                """
            )
        }
        guard !fn.unquoted.contains("on") else {
            throw GraphFailure.badRequest(
                """
                The value '\(on)' of the parameter 'on' must be a string literal in quotes, as in \
                filterByCurrentUser(on='\(on)').
                """
            )
        }
        guard let match = allowed.first(where: { $0.caseInsensitiveCompare(on) == .orderedSame }) else {
            throw GraphFailure.badRequest(
                """
                The value '\(on)' of the parameter 'on' is not supported here; use \
                \(allowed.map { "'\($0)'" }.joined(separator: " or ")).
                """
            )
        }
        return match
    }

    /// Tenant-wide reads need a PIM reader role held right now.
    static func requireReader(
        _ ctx: RequestContext, _ state: TenantState, roles: Set<String> = RoleCatalog.tenantReaders
    ) throws {
        let held = state.activeRoleIds(of: ctx.caller.id, now: ctx.now)
        guard !held.isDisjoint(with: roles) else { throw GraphFailure.forbidden }
    }
}
