import PIMDomain

/// Which changes a refresh brings are worth a desktop notification: requests newly waiting for my
/// approval, and my requests a person decided. The first refresh of a session only learns what is
/// there (everything would be "new"), and a section that failed to load changes nothing (its empty
/// list would make every request new at the next refresh that reads it).
extension AppState {
    /// The notifications `dashboard` brings compared with the refreshes before it; remembers what it saw.
    mutating func noticeChanges(in dashboard: Dashboard) -> [DesktopNotification] {
        var notifications: [DesktopNotification] = []
        if dashboard.failures[.approvals] == nil {
            let waiting = dashboard.approvals.sorted(by: ApprovalItem.longestWaitingFirst)
            if let seen = approvalsSeen,
                let note = DesktopNotification.newApprovals(
                    waiting.filter { !seen.contains($0.id) }, naming: \.interfaceName)
            {
                notifications.append(note)
            }
            approvalsSeen = Set(waiting.map(\.id))
        }
        if dashboard.failures[.myRequests] == nil {
            if let awaiting = myRequestsAwaitingDecision {
                notifications += dashboard.myRequests.filter { awaiting.contains($0.id) && !$0.awaitsDecision }
                    .compactMap { DesktopNotification.decided($0, naming: \.interfaceName) }
            }
            myRequestsAwaitingDecision = Set(dashboard.myRequests.filter(\.awaitsDecision).map(\.id))
        }
        return notifications
    }

    /// The effects for `notifications`: none when the configuration turns them off.
    func notify(_ notifications: [DesktopNotification]) -> [Effect] {
        config.notifications ? notifications.map(Effect.notify) : []
    }
}

extension ElevationRequest {
    /// Waits for a person (an approver or an administrator), not only for the service to provision
    /// it: an activation that needed no approval passes through provisioning and is no news.
    var awaitsDecision: Bool { status == .pendingApproval || status == .pendingAdminDecision }
}
