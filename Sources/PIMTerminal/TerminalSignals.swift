import CNCursesW
import Foundation
import Synchronization

/// The signal that asked us to stop (0: none). A global `let` of an atomic: safe from a handler.
let pendingSignal = Atomic<Int32>(0)
/// SIGQUIT arrived and the key loop has not yet turned it into a quit.
let pendingQuit = Atomic<Bool>(false)

/// SIGINT, SIGTERM and SIGHUP set `pendingSignal`; the curses thread sees it within one key wait,
/// restores the terminal and exits 128 + the signal (130, 143, 129). Installed before curses starts,
/// so curses does not install its own handlers (which would skip our restore and exit 1).
/// SIGQUIT (Ctrl-\) quits like `q` instead of printing the runtime's backtrace over the screen.
/// Every other signal that would end pim (a crash, SIGUSR1, SIGALRM, …) goes through the shim's
/// handler, which restores the tty modes, keypad, cursor and screen, then dies of that signal.
enum TerminalSignals {
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in pendingSignal.store(signal, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a blocked wget_wch returns at once and the loop notices the signal.
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGHUP, &action, nil)
        var quit = sigaction()
        quit.__sigaction_handler.sa_handler = { _ in pendingQuit.store(true, ordering: .relaxed) }
        sigemptyset(&quit.sa_mask)
        quit.sa_flags = 0
        sigaction(SIGQUIT, &quit, nil)
        cnc_install_crash_restore()
    }

    /// True once per SIGQUIT: the loop then sends the quit command.
    static func takeQuit() -> Bool {
        pendingQuit.exchange(false, ordering: .relaxed)
    }

    static func uninstall() {
        cnc_remove_crash_restore()
        signal(SIGQUIT, SIG_DFL)
    }
}
