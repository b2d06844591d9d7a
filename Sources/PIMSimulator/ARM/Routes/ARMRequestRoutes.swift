import Foundation

/// Z5–Z7: creating (or validating) a role assignment schedule request, and canceling one.
enum ARMRequestRoutes {
    static func requestNotFound(_ name: String) -> ARMFailure {
        ARMFailure.notFound(
            "RoleAssignmentScheduleRequestNotFound", "The role assignment schedule request '\(name)' was not found.")
    }

    /// PUT (commit) or POST …/validate (no change): 201 or 200 with the request as it would be stored.
    static func create(
        _ ctx: ARMContext, _ session: inout TenantSession, _ scope: ARMScope, _ name: String, commit: Bool
    ) throws -> TenantResponse {
        guard UUID(uuidString: name) != nil else {
            throw ARMFailure.badRequest("InvalidRequestName", "The request name '\(name)' must be a GUID.")
        }
        if session.state.azure.requests.contains(where: { sameID($0.name, name) }) {
            throw ARMFailure.badRequest(
                "RoleAssignmentScheduleRequestExists",
                "A role assignment schedule request named '\(name)' already exists; send each request with a new GUID.")
        }
        let body = try ARMRequestBody(try ctx.jsonBody(), scope: scope)
        guard scope != .root else {
            throw ARMFailure.badRequest(
                "InvalidScope",
                """
                Role assignment schedule requests are made at a management group, subscription, resource group or \
                resource, not at '/'.
                """
            )
        }
        var estate = session.state.azure
        let rules = ARMRequestRules(ctx: ctx, scope: scope, body: body, name: name)
        let request: ARMRequest
        switch body.requestType {
        case "SelfActivate": request = try rules.activate(&estate)
        case "SelfDeactivate": request = try rules.deactivate(&estate)
        case "SelfExtend": request = try rules.extend(&estate)
        case "SelfRenew":
            throw ARMFailure.badRequest(
                "RoleAssignmentDoesNotExist",
                "There is no expired assignment of this role at this scope to renew.")
        default:
            throw ARMFailure.authorizationFailed(
                ctx.caller, action: "Microsoft.Authorization/roleAssignments/write", scope: scope.id)
        }
        if commit {
            estate.requests.append(request)
            session.state.azure = estate
            session.changed = true
        }
        let json = ARMWire(state: session.state).request(request)
        return ARMResponse.json(json, status: commit ? 201 : 200)
    }

    /// POST …/cancel: only the requester, only while pending; 200 with an empty body.
    static func cancel(
        _ ctx: ARMContext, _ session: inout TenantSession, _ scope: ARMScope, _ name: String
    ) throws -> TenantResponse {
        guard
            let i = session.state.azure.requests.firstIndex(where: {
                sameID($0.name, name) && sameScope($0.scope, scope.id)
            })
        else { throw requestNotFound(name) }
        let request = session.state.azure.requests[i]
        guard sameID(request.requestorId, ctx.caller.id) else {
            throw ARMFailure.authorizationFailed(
                ctx.caller, action: "Microsoft.Authorization/roleAssignmentScheduleRequests/cancel/action",
                scope: scope.id)
        }
        guard request.isPending else {
            throw ARMFailure.badRequest(
                "RoleAssignmentScheduleRequestNotPending",
                "Only a pending request can be canceled; this request is \(request.status).")
        }
        session.state.azure.requests[i].status = "Canceled"
        session.state.azure.requests[i].approval?.status = "Completed"
        session.changed = true
        return ARMResponse.emptyOK
    }
}

/// PIM's rules for the Self request types, evaluated against the estate.
struct ARMRequestRules {
    let ctx: ARMContext
    let scope: ARMScope
    let body: ARMRequestBody
    let name: String

    static let minimumActiveSeconds: TimeInterval = 5 * 60
    static let extensionWindow: TimeInterval = 14 * 86_400

    private func requireSelf() throws(ARMFailure) {
        guard sameID(body.principalId, ctx.caller.id) else {
            throw ARMFailure.badRequest(
                "InvalidSelfRequest",
                "A \(body.requestType) request must name the caller ('\(ctx.caller.id)') as principalId.")
        }
    }

    private func newRequest(status: String) -> ARMRequest {
        ARMRequest(
            name: name.lowercased(), scope: scope.id, roleId: body.roleId, principalId: ctx.caller.id,
            principalType: "User", requestType: body.requestType, status: status, requestorId: ctx.caller.id,
            justification: body.justification, ticketNumber: body.ticketNumber, ticketSystem: body.ticketSystem,
            scheduleStart: body.start ?? (body.requestType == "SelfActivate" ? ctx.now : nil),
            expirationType: body.expirationType, durationText: body.durationText, endDateTime: body.endDateTime,
            linkedEligibilityScheduleId: body.linkedEligibilityScheduleId, targetScheduleId: body.targetScheduleId,
            targetInstanceId: body.targetInstanceId, createdOn: ctx.now, approval: nil)
    }

    func activate(_ estate: inout ARMEstate) throws -> ARMRequest {
        try requireSelf()
        let caller = ctx.caller.id
        let now = ctx.now
        let candidates = estate.eligibilities.filter { e in
            estate.reaches(caller, e.principalId) && sameID(e.roleId, body.roleId) && estate.covers(e.scope, scope.id)
                && ARMEstate.inForce(start: e.start, end: e.end, now: now)
                && (body.linkedEligibilityScheduleId.map { sameID($0, e.scheduleId) } ?? true)
        }
        // The nearest eligibility governs (its scope's role settings apply).
        guard let eligibility = candidates.max(by: { $0.scope.count < $1.scope.count }) else {
            throw ARMFailure.policyFailed(["EligibilityRule"])
        }
        let active = estate.assignments.contains { a in
            sameID(a.principalId, caller) && sameID(a.roleId, body.roleId) && sameScope(a.scope, scope.id)
                && (a.end.map { $0 > now } ?? true)
        }
        let pending = estate.requests.contains { r in
            r.isPending && sameID(r.principalId, caller) && sameID(r.roleId, body.roleId)
                && sameScope(r.scope, scope.id)
        }
        if active || pending { throw ARMFailure.exists }
        let policy = estate.policy(roleId: body.roleId, scope: eligibility.scope)
        var failed: [String] = []
        if let seconds = body.requestedSeconds(now: now) {
            if seconds <= 0 || seconds > policy.maximumDurationSeconds { failed.append("ExpirationRule") }
        } else {
            failed.append("ExpirationRule")
        }
        if policy.requiresJustification, (body.justification ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            failed.append("JustificationRule")
        }
        if policy.requiresTicket, (body.ticketNumber ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            failed.append("TicketingRule")
        }
        if policy.requiresMfa, !ctx.token.hasMfa { failed.append("MfaRule") }
        if !failed.isEmpty { throw ARMFailure.policyFailed(failed) }
        if let claim = policy.authenticationContext, !ctx.token.acrs.contains(claim) {
            throw ARMFailure.acrsFailed(claim)
        }
        let start = max(body.start ?? now, now)
        var request = newRequest(status: "Provisioned")
        request.linkedEligibilityScheduleId = eligibility.scheduleId
        if policy.requiresApproval {
            request.status = "PendingApproval"
            var generator = SystemRandomNumberGenerator()
            request.approval = ARMApproval(
                id: StableID.random(using: &generator), stageId: StableID.random(using: &generator),
                status: "InProgress", reviewResult: "NotReviewed", reviewedById: nil, reviewedDateTime: nil,
                justification: "", approverIds: policy.approverIds)
            return request
        }
        if start > now { request.status = "ScheduleCreated" }
        estate.assignments.append(Self.activation(for: request, start: start, seconds: body.requestedSeconds(now: now)))
        return request
    }

    /// The assignment an activation grants (on success or when approved).
    static func activation(for request: ARMRequest, start: Date, seconds: Int?) -> ARMAssignment {
        ARMAssignment(
            instanceId: StableID.make("azure:active:\(request.name)"),
            scheduleId: StableID.make("azure:schedule:\(request.name)"), scope: request.scope, roleId: request.roleId,
            principalId: request.principalId, principalType: "User", memberType: "Direct",
            assignmentType: "Activated", start: start, end: seconds.map { start.addingTimeInterval(Double($0)) },
            linkedEligibilityScheduleId: request.linkedEligibilityScheduleId, requestName: request.name)
    }

    func deactivate(_ estate: inout ARMEstate) throws -> ARMRequest {
        try requireSelf()
        let caller = ctx.caller.id
        guard
            let i = estate.assignments.firstIndex(where: { a in
                a.assignmentType == "Activated" && sameID(a.principalId, caller) && sameID(a.roleId, body.roleId)
                    && sameScope(a.scope, scope.id) && ARMEstate.inForce(start: a.start, end: a.end, now: ctx.now)
                    && (body.targetScheduleId.map { sameID($0, a.scheduleId) } ?? true)
            })
        else { throw ARMFailure.doesNotExist }
        let assignment = estate.assignments[i]
        guard ctx.now.timeIntervalSince(assignment.start) >= Self.minimumActiveSeconds else {
            throw ARMFailure.tooShort
        }
        estate.assignments.remove(at: i)
        var request = newRequest(status: "Revoked")
        request.targetScheduleId = assignment.scheduleId
        request.targetInstanceId = assignment.instanceId
        request.linkedEligibilityScheduleId = assignment.linkedEligibilityScheduleId
        return request
    }

    /// Asks administrators for more time on a time-bound assignment ending within 14 days.
    func extend(_ estate: inout ARMEstate) throws -> ARMRequest {
        try requireSelf()
        let caller = ctx.caller.id
        guard
            let assignment = estate.assignments.first(where: { a in
                a.assignmentType == "Assigned" && a.end != nil && sameID(a.principalId, caller)
                    && sameID(a.roleId, body.roleId) && sameScope(a.scope, scope.id)
                    && (body.targetScheduleId.map { sameID($0, a.scheduleId) } ?? true)
            }), let end = assignment.end
        else { throw ARMFailure.doesNotExist }
        guard end.timeIntervalSince(ctx.now) <= Self.extensionWindow else {
            throw ARMFailure.badRequest(
                "RoleAssignmentNotExpiringSoon", "An assignment can be extended only within 14 days of its end.")
        }
        let pending = estate.requests.contains { r in
            r.isPending && r.requestType == "SelfExtend" && sameID(r.principalId, caller)
                && sameID(r.roleId, body.roleId) && sameScope(r.scope, scope.id)
        }
        if pending { throw ARMFailure.exists }
        let policy = estate.policy(roleId: body.roleId, scope: scope.id)
        if policy.requiresJustification, (body.justification ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ARMFailure.policyFailed(["JustificationRule"])
        }
        var request = newRequest(status: "PendingAdminDecision")
        request.targetScheduleId = assignment.scheduleId
        request.targetInstanceId = assignment.instanceId
        return request
    }
}
