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

extension ARMEstate {
    /// Every date the estate holds, named by its place (`eligibilities[2].end`), for the state file's checks.
    func dates() -> [(String, Date?)] {
        var result: [(String, Date?)] = []
        for (i, e) in eligibilities.enumerated() {
            result += [("eligibilities[\(i)].start", e.start), ("eligibilities[\(i)].end", e.end)]
        }
        for (i, a) in assignments.enumerated() {
            result += [("assignments[\(i)].start", a.start), ("assignments[\(i)].end", a.end)]
        }
        for (i, r) in requests.enumerated() {
            result += [
                ("requests[\(i)].createdOn", r.createdOn), ("requests[\(i)].scheduleStart", r.scheduleStart),
                ("requests[\(i)].endDateTime", r.endDateTime),
                ("requests[\(i)].approval.reviewedDateTime", r.approval?.reviewedDateTime),
            ]
        }
        return result
    }
}
