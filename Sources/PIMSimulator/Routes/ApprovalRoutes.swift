import Foundation

/// Approvals: beta `roleAssignmentApprovals/{id}/steps/{id}` for roles, v1.0
/// `assignmentApprovals/{id}/stages/{id}` for groups. Reading needs to be the requester or an
/// approver; deciding needs to be an approver other than the requester, once.
enum ApprovalRoutes {
    static func route(
        _ ctx: RequestContext, kind: TargetKind, _ s: [String], _ session: inout TenantSession
    ) throws -> TenantResponse {
        let me = ctx.caller.id
        let stepsName = kind == .role ? "steps" : "stages"
        let base =
            kind == .role
            ? "roleManagement/directory/roleAssignmentApprovals"
            : "identityGovernance/privilegedAccess/group/assignmentApprovals"
        guard let first = s.first else {
            try ctx.requireMethod("GET")
            throw GraphFailure.badRequest("Listing every approval is not supported; read one with \(base)/{requestId}.")
        }
        if kind == .group, try Router.currentUserFilter(first, allowed: ["approver"]) != nil {
            try ctx.requireMethod("GET")
            let mine = session.state.requests.filter {
                $0.kind == .group && $0.approval != nil && $0.principalId != me
                    && ($0.approval?.approverIds.contains(me) ?? false)
            }
            return try ctx.collection(
                mine.map { ["id": .string($0.id)] }, type: "approval", context: "Collection(approval)")
        }
        guard
            let index = session.state.requests.firstIndex(where: {
                $0.kind == kind && $0.approvalId?.caseInsensitiveCompare(first) == .orderedSame
            }), let step = session.state.requests[index].approval
        else {
            throw GraphFailure(status: 404, code: "ResourceNotFound", message: "The approval '\(first)' was not found.")
        }
        let request = session.state.requests[index]
        let isApprover = step.approverIds.contains { $0.caseInsensitiveCompare(me) == .orderedSame }
        guard isApprover || request.principalId == me else { throw GraphFailure.forbidden }
        let stepJSON = Wire.approvalStep(step, callerId: me, state: session.state)
        if s.count == 1 {
            try ctx.requireMethod("GET")
            var members: [(String, SimJSON)] = [
                ("@odata.context", .string(ctx.contextURL("\(base)/$entity"))),
                ("id", .string(request.id)),
            ]
            members.append(
                ("\(stepsName)@odata.context", .string(ctx.contextURL("\(base)('\(request.id)')/\(stepsName)"))))
            members.append((stepsName, [stepJSON]))
            return .json(.object(members))
        }
        guard s[1] == stepsName else { throw GraphFailure.segmentNotFound(s[1]) }
        if s.count == 2 {
            try ctx.requireMethod("GET")
            return try ctx.collection(
                [stepJSON], type: kind == .role ? "approvalStep" : "approvalStage",
                context: "\(base)('\(request.id)')/\(stepsName)")
        }
        guard s.count == 3 else { throw GraphFailure.segmentNotFound(s[3]) }
        guard s[2].caseInsensitiveCompare(step.id) == .orderedSame else {
            throw GraphFailure(
                status: 404, code: "ResourceNotFound",
                message: "The approval \(kind == .role ? "step" : "stage") '\(s[2])' was not found.")
        }
        try ctx.requireMethod("GET", "PATCH")
        if ctx.method == "GET" {
            return try ctx.entity(
                stepJSON, type: kind == .role ? "approvalStep" : "approvalStage",
                context: "\(base)('\(request.id)')/\(stepsName)/$entity")
        }
        try ctx.requireWriteScope(kind)
        guard isApprover, request.principalId != me else { throw GraphFailure.forbidden }
        let body = try ctx.jsonBody()
        guard let result = body.member(ignoringCase: "reviewResult")?.stringValue else {
            throw GraphFailure.badRequest("The property 'reviewResult' is required; send \"Approve\" or \"Deny\".")
        }
        let approve: Bool
        switch result.lowercased() {
        case "approve": approve = true
        case "deny": approve = false
        default:
            throw GraphFailure.badRequest("The reviewResult '\(result)' is not valid; send \"Approve\" or \"Deny\".")
        }
        let justification = body.member(ignoringCase: "justification")?.stringValue ?? ""
        guard step.status == "InProgress", request.status == "PendingApproval" else {
            throw GraphFailure(
                status: 409, code: "Conflict",
                message:
                    """
                    The approval stage has already been completed (\(step.reviewResult)); no further decision is \
                    possible.
                    """
            )
        }
        let policy = session.state.policy(kind: kind, targetId: request.targetId, accessId: request.accessId)
        if policy?.isApproverJustificationRequired ?? true,
            justification.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            throw GraphFailure.badRequest("A justification is required to approve or deny this request.")
        }
        RequestRules.decide(index: index, approve: approve, justification: justification, by: me, at: ctx.now, &session)
        return .noContent
    }
}
