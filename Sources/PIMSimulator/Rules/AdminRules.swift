import Foundation

/// `admin*` actions: only Global or Privileged Role Administrators (for groups also the group's
/// owners) may assign, remove, extend or renew other people's assignments.
enum AdminRules {
    typealias A = TenantState.Activity

    static func apply(
        _ body: RequestBody, _ ctx: RequestContext, kind: TargetKind, _ session: inout TenantSession
    ) throws -> TenantRequest {
        let held = session.state.activeRoleIds(of: ctx.caller.id, now: ctx.now)
        let ownsGroup =
            kind == .group
            && session.state.assignments.contains {
                $0.kind == .group && $0.accessId == "owner" && $0.principalId == ctx.caller.id
                    && $0.targetId == body.targetId
            }
        guard !held.isDisjoint(with: RoleCatalog.roleAdministrators) || ownsGroup else { throw GraphFailure.forbidden }
        let now = ctx.now
        let same: (TenantAssignment) -> Bool = {
            $0.sameTarget(
                kind: kind, principalId: body.principalId, targetId: body.targetId, accessId: body.accessId,
                scope: body.directoryScopeId)
        }
        var request = RequestRules.newRequest(body, ctx, kind: kind, status: "Provisioned")
        request.completed = now
        let start = max(body.start ?? now, now)
        let end: Date? = body.requestedSeconds(now: now).map { start.addingTimeInterval(Double($0)) }
        switch body.action {
        case "adminAssign":
            guard session.state.user(body.principalId) != nil || session.state.group(body.principalId) != nil else {
                throw GraphFailure.invalidRequest("The principal '\(body.principalId)' does not exist in this tenant.")
            }
            if session.state.assignments.contains(where: same) { throw GraphFailure.exists }
            if body.isValidationOnly { return request }
            var assignment = TenantState.directAssignment(
                name: "admin:\(request.id)", kind: kind, principalId: body.principalId,
                targetId: body.targetId, accessId: body.accessId, start: start, end: end)
            assignment.grant.directoryScopeId = body.directoryScopeId
            assignment.requestId = request.id
            session.state.assignments.append(assignment)
            session.state.recordAudit(
                A.adminAssigned, operationType: "Add", auditType: "AdminAssign", request: request,
                initiatorId: ctx.caller.id, at: now)
        case "adminRemove":
            guard session.state.assignments.contains(where: same) else { throw GraphFailure.doesNotExist }
            request.status = "Revoked"
            if body.isValidationOnly { return request }
            session.state.assignments.removeAll(where: same)
            session.state.recordAudit(
                A.adminRemoved, operationType: "Delete", auditType: "AdminRemove", request: request,
                initiatorId: ctx.caller.id, at: now)
        default:  // adminExtend, adminRenew, adminUpdate
            guard let end else { throw GraphFailure.policyFailed(["ExpirationRule"]) }
            let existing = session.state.assignments.firstIndex(where: same)
            let expired = session.state.expiredAssignments.firstIndex(where: same)
            guard existing != nil || (body.action == "adminRenew" && expired != nil) else {
                throw GraphFailure.doesNotExist
            }
            if body.isValidationOnly { return request }
            if let existing {
                session.state.assignments[existing].end = end
            } else if let expired {
                var revived = session.state.expiredAssignments.remove(at: expired)
                revived.start = start
                revived.end = end
                session.state.assignments.append(revived)
            }
            for i in session.state.requests.indices
            where session.state.requests[i].status == "PendingAdminDecision"
                && session.state.requests[i].sameTarget(
                    kind: kind, principalId: body.principalId, targetId: body.targetId,
                    accessId: body.accessId, scope: body.directoryScopeId)
            {
                session.state.requests[i].status = "Provisioned"
                session.state.requests[i].completed = now
            }
            session.state.recordAudit(
                A.extendApproved, operationType: "Update", auditType: "AdminExtend", request: request,
                initiatorId: ctx.caller.id, at: now)
        }
        session.state.requests.append(request)
        session.changed = true
        return request
    }
}
