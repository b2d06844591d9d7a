import Foundation

/// Audit records as PIM writes them: one per step of a request's life.
extension TenantState {
    /// PIM activity names (Entra audit activity reference).
    enum Activity {
        static let activationRequested = "Add member to role requested (PIM activation)"
        static let approvalRequested = "Add member to role approval requested (PIM activation)"
        static let approved = "Add member to role request approved (PIM activation)"
        static let denied = "Add member to role request denied (PIM activation)"
        static let activationCompleted = "Add member to role completed (PIM activation)"
        static let canceled = "Add member to role canceled (PIM activation)"
        static let deactivateRequested = "Remove member from role requested (PIM deactivate)"
        static let deactivateCompleted = "Remove member from role completed (PIM deactivate)"
        static let expired = "Remove member from role (PIM activation expired)"
        static let requestExpired = "PIM activation request expired"
        static let extendRequested = "Update member in PIM requested (extend)"
        static let renewRequested = "Update member in PIM requested (renew)"
        static let extendApproved = "Update member in PIM approved by admin (extend/renew)"
        static let extendDenied = "Update member in PIM denied by admin (extend/renew)"
        static let adminAssigned = "Add member to role in PIM completed (permanent)"
        static let adminRemoved = "Remove member from role in PIM completed (permanent)"
    }

    /// Appends one audit record about `request`. `initiatorId` nil means the PIM service itself.
    mutating func recordAudit(
        _ activity: String, operationType: String, auditType: String, request: TenantRequest,
        initiatorId: String?, at date: Date, result: String = "success", reason: String? = nil
    ) {
        let initiator = initiatorId.flatMap { user($0) }
        let ticks = Int64(date.timeIntervalSince1970 * 10_000_000) + 621_355_968_000_000_000
        let uniq = StableID.make("audit:\(audit.count):\(request.id):\(activity):\(ticks)")
        let subject = user(request.principalId)
        audit.append(
            TenantAuditRecord(
                id: "PIM_\(uniq)_\(request.id)_\(ticks)",
                category: request.kind == .role ? "RoleManagement" : "GroupManagement",
                correlationId: request.id,
                result: result,
                resultReason: reason ?? request.justification ?? "",
                activity: activity,
                date: date,
                operationType: operationType,
                initiatorId: initiatorId ?? TenantSeed.pimServiceId,
                initiatorName: initiator?.displayName ?? "MS-PIM",
                initiatorUPN: initiator?.userPrincipalName,
                targetId: request.targetId,
                targetName: targetName(kind: request.kind, targetId: request.targetId),
                targetType: request.kind == .role ? "Role" : "Group",
                subjectId: request.principalId,
                subjectName: subject?.displayName ?? principalName(request.principalId),
                requestId: request.id,
                auditType: auditType))
    }
}
