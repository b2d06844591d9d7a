import Foundation

/// What PIM enforces when a schedule request arrives, and what each accepted request changes.
enum RequestRules {
    typealias A = TenantState.Activity
    static let minimumSeconds = 300
    /// A start this far ahead makes the request `Granted` (scheduled) instead of `Provisioned`.
    static let futureStartTolerance: TimeInterval = 60
    static let cancelable: Set<String> = ["PendingApproval", "Granted", "PendingAdminDecision"]

    static func create(_ ctx: RequestContext, kind: TargetKind, _ session: inout TenantSession) throws -> TenantResponse
    {
        try ctx.requireWriteScope(kind)
        let body = try RequestBody(try ctx.jsonBody(), kind: kind)
        if body.action.hasPrefix("self"), body.principalId.caseInsensitiveCompare(ctx.caller.id) != .orderedSame {
            throw GraphFailure.invalidRequest(
                "The principalId of a self-service request must be the signed-in user's id (GET /me).")
        }
        // What pim sends (self-service) meets the scope check; the admin actions the tests use to build
        // a tenant may name any unit, as if an administrator had created it.
        if body.action.hasPrefix("self") { try session.state.checkDirectoryScope(body.directoryScopeId, kind: kind) }
        let request: TenantRequest
        switch body.action {
        case "selfActivate": request = try activate(body, ctx, kind: kind, &session)
        case "selfDeactivate": request = try deactivate(body, ctx, kind: kind, &session)
        case "selfExtend", "selfRenew": request = try extend(body, ctx, kind: kind, &session)
        default: request = try AdminRules.apply(body, ctx, kind: kind, &session)
        }
        let context =
            kind == .role
            ? "roleManagement/directory/roleAssignmentScheduleRequests/$entity"
            : "identityGovernance/privilegedAccess/group/assignmentScheduleRequests/$entity"
        let json = Wire.request(request, state: session.state).removing("@odata.type")
        return .json(
            .object([("@odata.context", .string(ctx.contextURL(context)))] + (json.objectMembers ?? [])), status: 201)
    }

    static func newRequest(
        _ body: RequestBody, _ ctx: RequestContext, kind: TargetKind, status: String
    ) -> TenantRequest {
        var generator = SystemRandomNumberGenerator()
        let id = StableID.random(using: &generator)
        var r = TenantState.makeRequest(
            id: id, kind: kind, action: body.action, status: status, principalId: body.principalId,
            targetId: body.targetId,
            accessId: body.accessId, scope: body.directoryScopeId, justification: body.justification,
            ticket: body.ticketNumber, ticketSystem: body.ticketSystem, start: body.start, durationSeconds: nil,
            created: ctx.now)
        r.createdById = ctx.caller.id
        r.ticketSystem = body.ticketSystem
        r.expirationType = body.expirationType
        r.durationText = body.durationText
        r.durationSeconds = body.durationSeconds
        r.scheduleEnd = body.endDateTime
        r.isValidationOnly = body.isValidationOnly
        if body.expirationType == nil && body.start == nil { r.scheduleStart = nil }
        return r
    }

    // MARK: selfActivate

    static func activate(
        _ body: RequestBody, _ ctx: RequestContext, kind: TargetKind, _ session: inout TenantSession
    ) throws -> TenantRequest {
        let state = session.state
        let now = ctx.now
        if state.assignments.contains(where: {
            $0.sameTarget(
                kind: kind, principalId: body.principalId, targetId: body.targetId, accessId: body.accessId,
                scope: body.directoryScopeId)
        }) {
            throw GraphFailure.exists
        }
        if state.requests.contains(where: {
            $0.sameTarget(
                kind: kind, principalId: body.principalId, targetId: body.targetId, accessId: body.accessId,
                scope: body.directoryScopeId)
                && $0.action == "selfActivate" && ($0.status == "PendingApproval" || $0.status == "Granted")
        }) {
            throw GraphFailure.pending
        }
        let eligible =
            state.eligibility(
                kind: kind, principalId: body.principalId, targetId: body.targetId,
                accessId: body.accessId, scope: body.directoryScopeId, now: now) != nil
        let policy = state.policy(kind: kind, targetId: body.targetId, accessId: body.accessId)
        var failed: [String] = []
        if !eligible { failed.append("EligibilityRule") }
        let seconds = body.requestedSeconds(now: now)
        if let policy {
            if seconds.map({ $0 < minimumSeconds || $0 > policy.maximumDurationSeconds }) ?? true {
                failed.append("ExpirationRule")
            }
            if policy.requiresJustification,
                (body.justification ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                failed.append("JustificationRule")
            }
            if policy.requiresTicket, (body.ticketNumber ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                failed.append("TicketingRule")
            }
            if policy.requiresMfa, !ctx.token.hasMfa { failed.append("MfaRule") }
        } else if seconds == nil {
            failed.append("ExpirationRule")
        }
        if !failed.isEmpty { throw GraphFailure.policyFailed(failed) }
        if let claim = policy?.authenticationContext, !ctx.token.acrs.contains(claim) {
            throw GraphFailure.acrsFailed(claimValue: claim)
        }
        let start = max(body.start ?? now, now)
        let needsApproval = policy?.requiresApproval ?? false
        let scheduled = start.timeIntervalSince(now) > futureStartTolerance
        var request = newRequest(
            body, ctx, kind: kind, status: needsApproval ? "PendingApproval" : (scheduled ? "Granted" : "Provisioned"))
        request.scheduleStart = body.start ?? now
        request.durationSeconds = seconds
        if body.isValidationOnly { return request }
        if needsApproval {
            request.approvalId = request.id
            request.approval = TenantApprovalStep(
                id: StableID.make("step:\(request.id)"), status: "InProgress", reviewResult: "NotReviewed",
                reviewedById: nil,
                reviewedDateTime: nil, justification: "",
                approverIds: (policy?.approverIds ?? []).filter {
                    $0.caseInsensitiveCompare(body.principalId) != .orderedSame
                })
        } else {
            request.completed = now
        }
        session.state.requests.append(request)
        session.changed = true
        session.state.recordAudit(
            A.activationRequested, operationType: "Add", auditType: "ActivateRequest", request: request,
            initiatorId: ctx.caller.id, at: now)
        if needsApproval {
            session.state.recordAudit(
                A.approvalRequested, operationType: "Add", auditType: "ApprovalRequested",
                request: request, initiatorId: ctx.caller.id, at: now)
        } else {
            provision(request, start: start, &session.state, now: now)
        }
        return request
    }

    /// Puts an approved or unconditional activation in force.
    static func provision(_ request: TenantRequest, start: Date, _ state: inout TenantState, now: Date) {
        let end = start.addingTimeInterval(Double(request.durationSeconds ?? 3600))
        state.assignments.append(state.activation(for: request, start: start, end: end))
        if start <= now.addingTimeInterval(futureStartTolerance) {
            state.recordAudit(
                A.activationCompleted, operationType: "Add", auditType: "ActivatedRole", request: request,
                initiatorId: request.principalId, at: now)
        }
    }

    // MARK: selfDeactivate

    static func deactivate(
        _ body: RequestBody, _ ctx: RequestContext, kind: TargetKind, _ session: inout TenantSession
    ) throws -> TenantRequest {
        guard
            let index = session.state.assignments.firstIndex(where: {
                $0.assignmentType == "Activated"
                    && $0.sameTarget(
                        kind: kind, principalId: body.principalId, targetId: body.targetId, accessId: body.accessId,
                        scope: body.directoryScopeId)
            })
        else { throw GraphFailure.doesNotExist }
        let assignment = session.state.assignments[index]
        if let start = assignment.start, ctx.now.timeIntervalSince(start) < Double(minimumSeconds) {
            throw GraphFailure.tooShort
        }
        var request = newRequest(body, ctx, kind: kind, status: "Revoked")
        request.completed = ctx.now
        if body.isValidationOnly { return request }
        session.state.assignments.remove(at: index)
        session.state.requests.append(request)
        session.changed = true
        session.state.recordAudit(
            A.deactivateRequested, operationType: "Delete", auditType: "DeactivateRequest",
            request: request, initiatorId: ctx.caller.id, at: ctx.now)
        session.state.recordAudit(
            A.deactivateCompleted, operationType: "Delete", auditType: "RemoveActivatedRole",
            request: request, initiatorId: ctx.caller.id, at: ctx.now)
        return request
    }

    // MARK: selfExtend / selfRenew

    /// End users may ask to extend a time-bound assignment expiring within 14 days, or renew one
    /// that expired in the last 30; administrators decide (`PendingAdminDecision`).
    static func extend(
        _ body: RequestBody, _ ctx: RequestContext, kind: TargetKind, _ session: inout TenantSession
    ) throws -> TenantRequest {
        let now = ctx.now
        let same: (TenantAssignment) -> Bool = {
            $0.sameTarget(
                kind: kind, principalId: body.principalId, targetId: body.targetId, accessId: body.accessId,
                scope: body.directoryScopeId)
        }
        if body.action == "selfExtend" {
            let current = session.state.assignments.filter(same)
            guard !current.isEmpty else { throw GraphFailure.doesNotExist }
            guard
                current.contains(where: {
                    $0.assignmentType == "Assigned" && $0.end.map { $0.timeIntervalSince(now) <= 14 * 86_400 } ?? false
                })
            else {
                throw GraphFailure.invalidRequest(
                    """
                    Only time-bound assignments that expire within 14 days can be extended; to keep an activation \
                    longer, activate again after it ends.
                    """
                )
            }
        } else {
            guard
                session.state.expiredAssignments.contains(where: {
                    same($0) && ($0.end.map { now.timeIntervalSince($0) <= 30 * 86_400 } ?? false)
                })
            else {
                throw GraphFailure.doesNotExist
            }
        }
        if session.state.requests.contains(where: {
            $0.action == body.action && $0.status == "PendingAdminDecision"
                && $0.sameTarget(
                    kind: kind, principalId: body.principalId, targetId: body.targetId, accessId: body.accessId,
                    scope: body.directoryScopeId)
        }) {
            throw GraphFailure.pending
        }
        let policy = session.state.policy(kind: kind, targetId: body.targetId, accessId: body.accessId)
        if policy?.requiresJustification ?? true,
            (body.justification ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        {
            throw GraphFailure.policyFailed(["JustificationRule"])
        }
        let request = newRequest(body, ctx, kind: kind, status: "PendingAdminDecision")
        if body.isValidationOnly { return request }
        session.state.requests.append(request)
        session.changed = true
        session.state.recordAudit(
            body.action == "selfExtend" ? A.extendRequested : A.renewRequested, operationType: "Update",
            auditType: body.action == "selfExtend" ? "ExtendRequest" : "RenewRequest",
            request: request, initiatorId: ctx.caller.id, at: now)
        return request
    }

    // MARK: cancel and decide

    static func cancel(_ ctx: RequestContext, index: Int, _ session: inout TenantSession) throws -> TenantResponse {
        let request = session.state.requests[index]
        try ctx.requireWriteScope(request.kind)
        guard request.principalId == ctx.caller.id || request.createdById == ctx.caller.id else {
            throw GraphFailure.forbidden
        }
        guard cancelable.contains(request.status) else {
            throw GraphFailure.badRequest(
                """
                The request cannot be canceled because its status is '\(request.status)'; only requests pending \
                approval or granted but not yet started can be canceled.
                """
            )
        }
        session.state.requests[index].status = "Canceled"
        session.state.requests[index].completed = ctx.now
        if var step = session.state.requests[index].approval {
            step.status = "Completed"
            session.state.requests[index].approval = step
        }
        session.state.assignments.removeAll { $0.requestId == request.id }
        session.changed = true
        session.state.recordAudit(
            A.canceled, operationType: "Add", auditType: "CancelRequest",
            request: session.state.requests[index], initiatorId: ctx.caller.id, at: ctx.now)
        return .noContent
    }

    static func decide(
        index: Int, approve: Bool, justification: String, by approver: String, at now: Date,
        _ session: inout TenantSession
    ) {
        var request = session.state.requests[index]
        var step = request.approval!
        step.status = "Completed"
        step.reviewResult = approve ? "Approved" : "Denied"
        step.reviewedById = approver
        step.reviewedDateTime = now
        step.justification = justification
        request.approval = step
        request.completed = now
        session.changed = true
        if approve {
            let start = max(request.scheduleStart ?? now, now)
            request.status = start.timeIntervalSince(now) > futureStartTolerance ? "Granted" : "Provisioned"
            session.state.requests[index] = request
            session.state.recordAudit(
                A.approved, operationType: "Add", auditType: "ApprovalApproved", request: request,
                initiatorId: approver, at: now, reason: justification)
            provision(request, start: start, &session.state, now: now)
        } else {
            request.status = "Denied"
            session.state.requests[index] = request
            session.state.recordAudit(
                A.denied, operationType: "Add", auditType: "ApprovalDenied", request: request,
                initiatorId: approver, at: now, reason: justification)
        }
    }
}
