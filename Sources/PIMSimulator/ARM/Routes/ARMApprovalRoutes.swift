import Foundation

/// Z9–Z11: `roleAssignmentApprovals` (preview api-version), their stages, and deciding a stage.
enum ARMApprovalRoutes {
    static func notFound(_ id: String) -> ARMFailure {
        ARMFailure.notFound("RoleAssignmentApprovalNotFound", "The role assignment approval '\(id)' was not found.")
    }

    /// Whether the caller may see the approval: an approver, the requester or the request's principal.
    static func visible(_ r: ARMRequest, _ callerId: String, _ estate: ARMEstate) -> Bool {
        (r.approval?.approverIds.contains { sameID($0, callerId) } ?? false) || sameID(r.requestorId, callerId)
            || estate.reaches(callerId, r.principalId)
    }

    static func list(_ ctx: ARMContext, _ state: TenantState) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        try ctx.filter?.allow(functions: ["asapprover", "ascreatedby", "astarget"], properties: [], assignedTo: false)
        let caller = ctx.caller.id
        let wire = ARMWire(state: state)
        let items = state.azure.requests.filter { r in
            guard let approval = r.approval, visible(r, caller, state.azure) else { return false }
            if ctx.filter?.has("asApprover") == true {
                guard approval.status == "InProgress", approval.approverIds.contains(where: { sameID($0, caller) })
                else { return false }
            }
            if ctx.filter?.has("asCreatedBy") == true, !sameID(r.requestorId, caller) { return false }
            if ctx.filter?.has("asTarget") == true, !state.azure.reaches(caller, r.principalId) { return false }
            return true
        }.sorted { $0.createdOn > $1.createdOn }
        return try ctx.page(items.compactMap { $0.approval.map { wire.approval($0, for: caller) } })
    }

    private static func find(_ ctx: ARMContext, _ state: TenantState, _ id: String) throws(ARMFailure) -> Int {
        guard
            let i = state.azure.requests.firstIndex(where: { r in
                r.approval.map { sameID($0.id, id) } ?? false
            }), visible(state.azure.requests[i], ctx.caller.id, state.azure)
        else { throw notFound(id) }
        return i
    }

    static func get(_ ctx: ARMContext, _ state: TenantState, _ id: String) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        let i = try find(ctx, state, id)
        guard let approval = state.azure.requests[i].approval else { throw notFound(id) }
        return ARMResponse.json(ARMWire(state: state).approval(approval, for: ctx.caller.id))
    }

    static func stages(_ ctx: ARMContext, _ state: TenantState, _ id: String) throws -> TenantResponse {
        try ctx.requireMethod("GET")
        let i = try find(ctx, state, id)
        guard let approval = state.azure.requests[i].approval else { throw notFound(id) }
        return ARMResponse.json(["value": [ARMWire(state: state).stage(approval, for: ctx.caller.id)]])
    }

    /// GET one stage, or decide it by PATCH or PUT — with the `properties` wrapper (spec) or the same
    /// members at the top level (entra-docs). 200 with the stage; a decided stage answers 409.
    static func stage(
        _ ctx: ARMContext, _ session: inout TenantSession, _ id: String, _ stageId: String
    ) throws -> TenantResponse {
        let i = try find(ctx, session.state, id)
        guard let approval = session.state.azure.requests[i].approval, sameID(approval.stageId, stageId) else {
            throw ARMFailure.notFound(
                "RoleAssignmentApprovalStageNotFound", "The approval stage '\(stageId)' was not found.")
        }
        let caller = ctx.caller.id
        if ctx.method == "GET" { return ARMResponse.json(ARMWire(state: session.state).stage(approval, for: caller)) }
        try ctx.requireMethod("PATCH", "PUT")
        let body = try ctx.jsonBody()
        let decision = body.member(ignoringCase: "properties").flatMap { $0.objectMembers == nil ? nil : $0 } ?? body
        guard let raw = decision.member(ignoringCase: "reviewResult")?.stringValue,
            let result = ["Approve", "Deny"].first(where: { $0.caseInsensitiveCompare(raw) == .orderedSame })
        else {
            throw ARMFailure.invalidContent("'reviewResult' must be Approve or Deny.")
        }
        let request = session.state.azure.requests[i]
        guard approval.approverIds.contains(where: { sameID($0, caller) }) else {
            throw ARMFailure.authorizationFailed(
                ctx.caller, action: "Microsoft.Authorization/roleAssignmentApprovals/stages/write", scope: request.scope
            )
        }
        guard !sameID(request.requestorId, caller), !sameID(request.principalId, caller) else {
            throw ARMFailure(
                status: 403, code: "SelfApprovalNotAllowed",
                message: "The requester of a role assignment request cannot approve or deny it.")
        }
        guard approval.status == "InProgress", request.status == "PendingApproval" else {
            throw ARMFailure(
                status: 409, code: "ApprovalStageAlreadyCompleted",
                message:
                    "The approval stage is \(approval.status) (\(approval.reviewResult)); it cannot be decided again.")
        }
        var decided = approval
        decided.status = "Completed"
        decided.reviewResult = result
        decided.reviewedById = caller
        decided.reviewedDateTime = ctx.now
        decided.justification = decision.member(ignoringCase: "justification")?.stringValue ?? ""
        var updated = request
        updated.approval = decided
        if result == "Approve" {
            let start = max(request.scheduleStart ?? ctx.now, ctx.now)
            let seconds: Int? =
                switch request.expirationType {
                case "AfterDuration": request.durationText.flatMap { try? ActivationTextParser.seconds($0) }
                case "AfterDateTime": request.endDateTime.map { Int($0.timeIntervalSince(start)) }
                default: nil
                }
            updated.status = start > ctx.now ? "ScheduleCreated" : "Provisioned"
            session.state.azure.assignments.append(
                ARMRequestRules.activation(for: updated, start: start, seconds: seconds))
        } else {
            updated.status = "Denied"
        }
        session.state.azure.requests[i] = updated
        session.changed = true
        return ARMResponse.json(ARMWire(state: session.state).stage(decided, for: caller))
    }
}
