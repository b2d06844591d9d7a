import CNCursesW
import Foundation
import Synchronization
@_spi(Fuzzing) @testable import PIMTerminal
#if canImport(Glibc)
import Glibc
#endif

/// The real backend on real curses, attached to a pseudo-terminal that the test drives. Curses is
/// process-global: only the serialized `CursesTests` suite makes these, one at a time.
final class CursesTerminal {
    let pty: PseudoTerminal
    let backend: NCursesBackend
    /// The terminal's modes before curses started.
    let modesFound: termios
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private var closed = false

    /// Starts the backend as `pim` does, with `term` as the terminal type and the pty's size.
    init(
        term: String = "xterm-256color", columns: Int = 80, rows: Int = 24, noColor: Bool = false,
        mouse: Bool = true, palette: [String: String] = [:]
    ) throws {
        // Wide characters need a UTF-8 character type; the rest of the process's locale is left alone.
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        pty = try PseudoTerminal(columns: columns, rows: rows)
        modesFound = pty.modes
        guard let output = fdopen(fcntl(pty.slave, F_DUPFD_CLOEXEC, 0), "w"),
            let input = fdopen(fcntl(pty.slave, F_DUPFD_CLOEXEC, 0), "r")
        else {
            throw PseudoTerminal.Failure(description: "fdopen failed")
        }
        self.output = output
        self.input = input
        guard
            let backend = NCursesBackend(
                noColor: noColor, mouse: mouse, palette: palette, term: term,
                output: output, input: input)
        else {
            fclose(output)
            fclose(input)
            throw PseudoTerminal.Failure(description: "newterm refused TERM=\(term)")
        }
        self.backend = backend
    }

    /// Ends curses (restoring the terminal) and closes the streams.
    func close() {
        guard !closed else { return }
        closed = true
        backend.end()
        fclose(output)
        fclose(input)
    }

    deinit { close() }

    /// Types `text` and returns the first input the backend reads, waiting at most `timeout`.
    func press(_ text: String, timeout: Duration = .seconds(3)) -> NCursesBackend.Input {
        pty.type(text)
        return next(timeout: timeout)
    }

    /// The next input that is not a timeout, or `.none` after `timeout`.
    func next(timeout: Duration = .seconds(3)) -> NCursesBackend.Input {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let input = backend.read()
            if input != .none { return input }
        }
        return .none
    }

    /// Reads one input, but if the backend is still inside that read after `limit` (curses
    /// blocked instead of honouring its timeout), types `rescue` so the test can fail instead of
    /// hanging. Returns the input and whether the rescue was needed.
    func guardedRead(
        limit: Duration = .seconds(2), rescue: String = "~"
    ) -> (input: NCursesBackend.Input, blocked: Bool) {
        let watchdog = Watchdog(fd: pty.master, bytes: Array(rescue.utf8), after: limit)
        let input = backend.read()
        return (input, watchdog.finish())
    }

    /// Types `bytes` followed by "~" and returns every input read before the "~": exactly what the
    /// bytes turned into, without waiting out a read timeout to know nothing else came.
    func inputs(for bytes: String, timeout: Duration = .seconds(3)) -> [NCursesBackend.Input] {
        pty.type(bytes + "~")
        var inputs: [NCursesBackend.Input] = []
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let input = backend.read()
            if input == .event(.key(.character("~"))) { return inputs }
            if input != .none { inputs.append(input) }
        }
        inputs.append(.none)
        return inputs
    }

    /// Every input the backend reads until it has been quiet for one read timeout.
    func drainInputs() -> [NCursesBackend.Input] {
        var inputs: [NCursesBackend.Input] = []
        while true {
            let input = backend.read()
            if input == .none { return inputs }
            inputs.append(input)
        }
    }
}

/// Types a byte into the terminal if a read has not returned by a deadline.
final class Watchdog: Sendable {
    private let fired = Mutex(Optional<Bool>.none)

    init(fd: Int32, bytes: [UInt8], after limit: Duration) {
        let nanoseconds = limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { [self] in
            self.fired.withLock { state in
                guard state == nil else { return }
                state = true
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            }
        }
    }

    /// Stops the watchdog; true when it had to fire.
    func finish() -> Bool {
        fired.withLock { state in
            if state == nil { state = false }
            return state!
        }
    }
}
