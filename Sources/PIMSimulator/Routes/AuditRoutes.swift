import Foundation

/// `/auditLogs/directoryAudits`: the tenant's audit log, newest first; needs an audit-reading role.
enum AuditRoutes {
    static func route(_ ctx: RequestContext, _ s: [String], _ state: TenantState) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        try Router.requireReader(ctx, state, roles: RoleCatalog.auditReaders)
        // Newest first unless `$orderby=activityDateTime asc` asks otherwise.
        let ascending =
            ctx.target.queryValue("$orderby")?.lowercased().replacingOccurrences(of: " ", with: "")
            == "activitydatetimeasc"
        let sorted = state.audit.sorted { ascending ? $0.date < $1.date : $0.date > $1.date }
        if let id = s.first {
            guard s.count == 1, let record = sorted.first(where: { $0.id == id }) else {
                throw GraphFailure.notFound("The audit record '\(id)'")
            }
            return try ctx.entity(
                Wire.audit(record), type: "directoryAudit", context: "auditLogs/directoryAudits/$entity")
        }
        return try ctx.collection(
            sorted, shape: Wire.audit, type: "directoryAudit", context: "auditLogs/directoryAudits")
    }
}
