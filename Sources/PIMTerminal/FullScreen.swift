import CNCursesW
import Foundation
import PIMApp
import PIMDomain
import PIMScreen

/// Runs the full-screen interface until the user quits; returns the process exit code
/// (0 on `q`; 1 when there is no usable terminal; 129 when the input went away).
/// SIGINT, SIGTERM and SIGHUP restore the terminal and exit 130, 143 and 129 directly, keeping
/// unsent drafts (`FullScreenOptions.drafts`); a SIGINT (Ctrl-C) while unsent text is on screen asks
/// first, like `q`, and a second one quits; SIGQUIT quits like `q`; any other fatal signal restores the terminal and
/// ends pim with that signal.
public enum FullScreen {
    public static func run(service: any PIMService, options: FullScreenOptions) async -> Int32 {
        guard isatty(0) == 1, isatty(1) == 1 else {
            let message = """
                pim: the full-screen interface needs a terminal on stdin and stdout: run pim in a terminal, or use \
                a command such as `pim roles`.\n
                """
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            return 1
        }
        setlocale(LC_ALL, "")
        // Wide characters, box lines and "·" need a UTF-8 locale; without one curses drops them.
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
        var resolved = options
        // NO_COLOR (no-color.org) holds whoever starts the interface, flags or not.
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { resolved.noColor = true }
        let options = resolved
        TerminalSignals.install()
        let mailbox = Mailbox()
        let (actions, sink) = AsyncStream.makeStream(of: Action.self)
        var initial = AppState(config: options.appConfig, now: Date())
        if let store = options.drafts { initial.restoreDrafts(from: store) }
        let runtime = Runtime(state: initial, service: service)
        let forward = Task {
            for await output in runtime.outputs { mailbox.post(output) }
        }
        let pump = Task {
            for await action in actions { await runtime.send(action) }
        }
        // The first load needs nothing from the terminal: it goes out now, while curses starts and
        // draws the first frame, instead of after them.
        sink.yield(.start)
        let code: Int32 = await withCheckedContinuation { continuation in
            let thread = Thread {
                let code = TerminalLoop(options: options, mailbox: mailbox, sink: sink).run()
                continuation.resume(returning: code)
            }
            thread.name = "pim-terminal"
            thread.start()
        }
        sink.finish()
        pump.cancel()
        await runtime.finish()
        forward.cancel()
        return code
    }
}
