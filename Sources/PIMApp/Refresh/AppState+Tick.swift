import Foundation
import PIMDomain

/// The clock's tick (`Action.tick`), the one way time enters the interface: countdowns, flashes,
/// expiry warnings and the refresh interval all move from here.
extension AppState {
    /// The clock moved: countdowns follow `now`; flashes expire; expiry warnings; the refresh interval.
    mutating func tick(_ date: Date) -> [Effect] {
        now = date
        var effects: [Effect] = []
        if let flash, flash.expires <= now { self.flash = nil }
        effects += checkExpiry()
        // Counted from the last attempt, not the last success: after a failed refresh the interval
        // starts again, or an outage (or throttling) would be met with a new refresh every tick.
        let reference = [lastRefresh, lastLoadStarted].compactMap { $0 }.max()
        if !isLoading, let reference, now.timeIntervalSince(reference) >= config.refreshInterval {
            effects += requestRefresh()
        }
        return effects
    }

    /// Warns once at ten and once at two minutes before one of my activations ends (status line, bell
    /// and a desktop notification).
    mutating func checkExpiry() -> [Effect] {
        var notifications: [DesktopNotification] = []
        // Most rows are not active: `state` answers without copying a row or its assignment.
        for index in roles.indices where roles[index].state == .active {
            let role = roles[index]
            guard role.canDeactivate, let assignment = role.active, let end = assignment.end else { continue }
            let remaining = end.timeIntervalSince(now)
            guard remaining > 0 else { continue }
            let level: ExpiryWarning? =
                remaining <= Urgency.finalWarningThreshold
                ? .twoMinutes
                : (remaining <= Urgency.imminentThreshold ? .tenMinutes : nil)
            guard let level, (expiryWarnings[assignment.id].map { $0 < level } ?? true) else { continue }
            expiryWarnings[assignment.id] = level
            warnedTarget = role.target.id
            flash(
                "\(role.target.interfaceName) ends in \(Countdown.text(remaining: remaining)): press e to extend it.",
                .warning)
            notifications.append(.endsSoon(role.target.interfaceName, remaining: remaining))
        }
        guard !notifications.isEmpty else { return [] }
        return [.bell] + notify(notifications)
    }
}
