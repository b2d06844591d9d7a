import Foundation

/// Time moving on for the Azure side: activations end, scheduled ones start, approvals time out.
extension ARMEstate {
    /// Brings the estate up to `now`; returns whether anything changed.
    mutating func advance(to now: Date) -> Bool {
        var changed = false
        let ended = { (a: ARMAssignment) in a.end.map { $0 <= now } ?? false }
        if assignments.contains(where: ended) {
            assignments.removeAll(where: ended)
            changed = true
        }
        let lapsed = { (e: ARMEligibility) in e.end.map { $0 <= now } ?? false }
        if eligibilities.contains(where: lapsed) {
            eligibilities.removeAll(where: lapsed)
            changed = true
        }
        for i in requests.indices {
            switch requests[i].status {
            case "PendingApproval" where now.timeIntervalSince(requests[i].createdOn) >= TenantState.approvalTimeout:
                requests[i].status = "TimedOut"
                requests[i].approval?.status = "Expired"
                changed = true
            case "ScheduleCreated" where (requests[i].scheduleStart ?? now) <= now:
                requests[i].status = "Provisioned"
                changed = true
            default:
                break
            }
        }
        return changed
    }

    /// Whether an eligibility or assignment window holds `now`.
    static func inForce(start: Date, end: Date?, now: Date) -> Bool {
        start <= now && (end.map { $0 > now } ?? true)
    }
}
