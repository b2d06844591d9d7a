import PIMApp
import PIMDomain
import Synchronization

/// Hands the runtime's latest state, bells, desktop notifications and quit request to the curses
/// thread, which takes them between key reads. Only the newest state matters: frames in between are
/// skipped; every notification is kept.
final class Mailbox: Sendable {
    struct Content {
        var state: AppState?
        var bells = 0
        var notifications: [DesktopNotification] = []
        var quit = false
    }

    private let content = Mutex(Content())

    func post(_ output: Runtime.Output) {
        content.withLock { content in
            switch output {
            case .state(let state): content.state = state
            case .bell: content.bells += 1
            case .notify(let notification): content.notifications.append(notification)
            case .quit: content.quit = true
            }
        }
    }

    /// What arrived since the last call (the quit request stays set).
    func take() -> Content {
        content.withLock { content in
            let taken = content
            content.state = nil
            content.bells = 0
            content.notifications = []
            return taken
        }
    }
}
