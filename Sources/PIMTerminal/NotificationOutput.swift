import Foundation
import PIMDomain

/// Sends desktop notifications from the curses thread, between frames: a terminal sequence is
/// written straight to the terminal after what curses buffered is flushed, so it never lands inside
/// a frame; `notify-send` is started by the notifier and not waited for.
struct NotificationOutput {
    let notifier: DesktopNotifier
    /// Where the terminal is (stdout in the interface; a pipe in tests).
    let descriptor: Int32

    func send(_ notifications: [DesktopNotification]) {
        for notification in notifications {
            notifier.send(notification) { sequence in
                fflush(nil)  // anything buffered for the terminal goes first
                var bytes = Array(sequence.utf8)[...]
                while !bytes.isEmpty {
                    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                    if written < 0, errno == EINTR { continue }
                    // A terminal that went away loses the notification, nothing more.
                    guard written > 0 else { return }
                    bytes = bytes.dropFirst(written)
                }
            }
        }
    }
}
