import Glibc
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
    /// A pipe whose read end becomes readable when something is posted, so the curses thread can wait
    /// for a key or for mail at once: an answer is drawn when it arrives, not when the key wait ends.
    private let wake: (read: Int32, write: Int32)

    init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            wake = (-1, -1)
            return
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wake = (ends[0], ends[1])
    }

    deinit {
        if wake.read >= 0 { close(wake.read) }
        if wake.write >= 0 { close(wake.write) }
    }

    /// Readable while mail waits (-1 when the pipe could not be made: the key wait's timeout still draws it).
    var wakeDescriptor: Int32 { wake.read }

    func post(_ output: Runtime.Output) {
        content.withLock { content in
            switch output {
            case .state(let state): content.state = state
            case .bell: content.bells += 1
            case .notify(let notification): content.notifications.append(notification)
            case .quit: content.quit = true
            }
        }
        // A full pipe is already readable: a failed write loses nothing.
        var byte: UInt8 = 1
        if wake.write >= 0 { _ = write(wake.write, &byte, 1) }
    }

    /// What arrived since the last call (the quit request stays set).
    func take() -> Content {
        var drained = [UInt8](repeating: 0, count: 256)
        if wake.read >= 0 { while read(wake.read, &drained, drained.count) > 0 {} }
        return content.withLock { content in
            let taken = content
            content.state = nil
            content.bells = 0
            content.notifications = []
            return taken
        }
    }
}
