import CNCursesW
import Foundation
import PIMApp
import PIMScreen

/// The curses thread: draws the newest state, reads keys, turns them into actions, ticks once a
/// second from the wall clock, and stops on quit, a signal or a dead input.
struct TerminalLoop {
    let options: FullScreenOptions
    let mailbox: Mailbox
    let sink: AsyncStream<Action>.Continuation

    /// At most this many waiting keys are taken between two frames (a paste of a page of text).
    static let keysPerFrame = 65_536

    /// Runs until the user quits; returns the exit code.
    func run() -> Int32 {
        guard let backend = NCursesBackend(noColor: options.noColor, mouse: options.mouse, palette: options.palette)
        else {
            TerminalSignals.uninstall()
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "unset"
            let message = """
                pim: this terminal (TERM=\(term)) cannot run the full-screen interface: set TERM to your terminal, \
                e.g. xterm-256color, or use a command such as `pim roles`.\n
                """
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            return 1
        }
        var (width, height) = backend.size
        sink.yield(.resize(width: width, height: height))
        sink.yield(.tick(Date()))

        var lastState: AppState?
        var lastScreen: Screen?
        var lastTick = Date()
        var quickTimeouts = 0
        var code: Int32 = 0
        var drafts = DraftKeeper(store: options.drafts)
        // Ctrl-C asked about unsent text and no key came since: the next Ctrl-C quits.
        var interruptAsked = false
        let notifications = NotificationOutput(notifier: options.notifier, descriptor: STDOUT_FILENO)
        while true {
            let signal = pendingSignal.load(ordering: .relaxed)
            if signal != 0 {
                // Ctrl-C with unsent text on screen asks like `q`; a second Ctrl-C quits.
                if signal == SIGINT, let state = lastState, state.hasUnsentText, !state.confirmingQuit, !interruptAsked
                {
                    pendingSignal.store(0, ordering: .relaxed)
                    interruptAsked = true
                    sink.yield(.command(.quit))
                } else {
                    backend.end()
                    TerminalSignals.uninstall()
                    drafts.keep(lastState, reportingFailure: true)
                    exit(128 + signal)
                }
            }
            // SIGQUIT (Ctrl-\) is `q`: the same question about unsent text, the same exit.
            if TerminalSignals.takeQuit() { sink.yield(.command(.quit)) }
            let mail = mailbox.take()
            if mail.quit {
                if let state = mail.state { lastState = state }
                break
            }
            for _ in 0..<min(mail.bells, 1) { backend.bell() }
            if let state = mail.state {
                lastState = state
                let screen = render(state, width: width, height: height)
                backend.draw(screen)
                lastScreen = screen
            }
            // After the frame is out: a sequence in the middle of one would land between its cells.
            notifications.send(mail.notifications)
            let started = ContinuousClock.now
            // Keys held back from an escape sequence are input already: no wait for the terminal.
            let woken =
                backend.hasHeldInput
                ? KeyOrMailWait.Wake.input : KeyOrMailWait.wait(mailbox: mailbox.wakeDescriptor, milliseconds: 40)
            var input = woken == .mail ? .none : backend.read(waiting: false)
            if case .none = input, woken != .mail {
                // At end of input the terminal reads as ready at once: do not spin on it.
                if ContinuousClock.now - started < .milliseconds(5) {
                    quickTimeouts += 1
                    if quickTimeouts > 500 { code = 129; break }
                } else {
                    quickTimeouts = 0
                }
            }
            // A paste arrives as thousands of keys at once: take every one already waiting before
            // the next frame, so the text appears in a frame or two instead of a frame per key.
            var taken = 0
            while input != .none {
                quickTimeouts = 0
                switch input {
                case .none, .event(.mouse):
                    break
                case .event(.key(let key)):
                    interruptAsked = false
                    sink.yield(.key(key))
                case .event(.resize):
                    (width, height) = backend.size
                    backend.invalidate()
                    sink.yield(.resize(width: width, height: height))
                    if let state = lastState {
                        let screen = render(state, width: width, height: height)
                        backend.draw(screen)
                        lastScreen = screen
                    }
                case .click(let x, let y):
                    if let target = lastScreen?.clickTarget(x: x, y: y) { sink.yield(.click(target)) }
                case .wheel(let notches):
                    sink.yield(.wheel(notches))
                }
                taken += 1
                if taken >= Self.keysPerFrame || pendingSignal.load(ordering: .relaxed) != 0 { break }
                input = backend.read(waiting: false)
            }
            if code != 0 { break }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= 1 {
                lastTick = now
                sink.yield(.tick(now))
                // At most once a second, not per key: a paste is thousands of keys.
                drafts.keep(lastState, reportingFailure: false)
            }
        }
        backend.end()
        TerminalSignals.uninstall()
        drafts.keep(lastState, reportingFailure: true)
        return code
    }
}

/// Writes the unsent drafts of the newest state to the store when they changed since the last write.
struct DraftKeeper {
    let store: (any DraftStore)?
    private var kept: SavedDrafts?

    init(store: (any DraftStore)?) { self.store = store }

    /// At the end (`reportingFailure`), a failure is printed on stderr after the terminal is restored.
    mutating func keep(_ state: AppState?, reportingFailure: Bool) {
        guard let store, let state else { return }
        let drafts = state.savedDrafts
        // The first state is compared too: a start with nothing typed leaves a kept file alone only
        // when it matches; otherwise what is on screen is what is kept.
        guard drafts != kept else { return }
        do {
            try store.save(drafts)
            kept = drafts
        } catch  where reportingFailure {
            let line = "pim: \(error)\n"
            _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        } catch {}
    }
}
