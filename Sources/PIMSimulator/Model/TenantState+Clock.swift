import Foundation

/// Time moving on: activations end, scheduled ones start, unanswered approvals time out.
extension TenantState {
    /// Approvers have 24 hours to decide (not configurable in PIM).
    static let approvalTimeout: TimeInterval = 24 * 3600

    /// Brings the state up to `now`; returns whether anything changed.
    mutating func advance(to now: Date) -> Bool {
        var changed = false
        let ended = assignments.filter { a in a.end.map { $0 <= now } ?? false }
        if !ended.isEmpty {
            changed = true
            assignments.removeAll { a in a.end.map { $0 <= now } ?? false }
            for a in ended.sorted(by: { ($0.end ?? now) < ($1.end ?? now) }) {
                if a.assignmentType == "Activated" {
                    let request =
                        requests.first { $0.id == a.requestId }
                        ?? TenantState.makeRequest(
                            id: a.requestId ?? a.id, kind: a.kind, action: "selfActivate",
                            status: "Provisioned", principalId: a.principalId, targetId: a.targetId,
                            accessId: a.accessId, justification: nil, start: a.start,
                            durationSeconds: nil, created: a.start ?? now)
                    recordAudit(
                        Activity.expired, operationType: "Delete", auditType: "RemoveActivatedRole", request: request,
                        initiatorId: nil, at: a.end ?? now)
                } else {
                    expiredAssignments.append(a)
                }
            }
        }
        for i in requests.indices where requests[i].status == "Granted" || requests[i].status == "PendingApproval" {
            switch requests[i].status {
            case "Granted":
                let start = requests[i].scheduleStart ?? now
                if start <= now {
                    requests[i].status = "Provisioned"
                    changed = true
                    recordAudit(
                        Activity.activationCompleted, operationType: "Add", auditType: "ActivatedRole",
                        request: requests[i], initiatorId: requests[i].principalId, at: start)
                }
            case "PendingApproval":
                if now.timeIntervalSince(requests[i].created) >= Self.approvalTimeout {
                    requests[i].status = "Canceled"
                    requests[i].completed = requests[i].created.addingTimeInterval(Self.approvalTimeout)
                    requests[i].approval?.status = "Expired"
                    changed = true
                    recordAudit(
                        Activity.requestExpired, operationType: "Add", auditType: "RequestExpired",
                        request: requests[i], initiatorId: nil, at: requests[i].completed ?? now)
                }
            default:
                break
            }
        }
        // Check before removing: removing from a shared array copies it, and this runs on every request.
        let stale = { (a: TenantAssignment) in a.end.map { now.timeIntervalSince($0) > 30 * 86_400 } ?? true }
        if expiredAssignments.contains(where: stale) {
            expiredAssignments.removeAll(where: stale)
            changed = true
        }
        let lapsed = { (e: TenantEligibility) in e.end.map { $0 <= now } ?? false }
        if eligibilities.contains(where: lapsed) {
            eligibilities.removeAll(where: lapsed)
            changed = true
        }
        return changed
    }
}
