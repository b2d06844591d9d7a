import Foundation
import PIMDomain
import Synchronization

/// Where the command line writes and reads, and what kind of terminal it talks to. The executable
/// uses `standard`; tests use `Console.capturing` and decide whether "stdin is a TTY".
public struct Console: Sendable {
    public var writeOut: @Sendable (String) -> Void
    public var writeErr: @Sendable (String) -> Void
    /// One line from stdin without its newline; nil at end of input.
    public var readLine: @Sendable () -> String?
    public var stdinIsTerminal: Bool
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool
    /// Columns of the terminal (COLUMNS, else the terminal's size); nil when unknown (a pipe):
    /// tables are then never cut.
    public var width: Int?

    public init(
        writeOut: @escaping @Sendable (String) -> Void, writeErr: @escaping @Sendable (String) -> Void,
        readLine: @escaping @Sendable () -> String? = { nil }, stdinIsTerminal: Bool = false,
        stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false, width: Int? = nil
    ) {
        // Everything the command line prints passes here: a token pim holds never gets through
        // (a service may echo one in an error, a name or a notice; `SecretMask`).
        self.writeOut = { writeOut(SecretMask.mask($0)) }
        self.writeErr = { writeErr(SecretMask.mask($0)) }
        self.readLine = readLine
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.width = width
    }

    /// Writes `text` and a newline to stdout.
    public func out(_ text: String) { writeOut(text.hasSuffix("\n") ? text : text + "\n") }
    /// Writes `text` and a newline to stderr.
    public func err(_ text: String) { writeErr(text.hasSuffix("\n") ? text : text + "\n") }

    /// The process's own stdin, stdout and stderr.
    public static func standard(environment: [String: String]) -> Console {
        let stdoutTTY = isatty(STDOUT_FILENO) == 1
        var width: Int?
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            width = columns
        } else if stdoutTTY {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { width = Int(size.ws_col) }
        }
        return Console(
            writeOut: { StandardStreams.out($0) },
            writeErr: { StandardStreams.err($0) },
            readLine: { Swift.readLine(strippingNewline: true) },
            stdinIsTerminal: isatty(STDIN_FILENO) == 1, stdoutIsTerminal: stdoutTTY,
            stderrIsTerminal: isatty(STDERR_FILENO) == 1, width: width)
    }

    /// A console that records what is written, for tests. `input` lines are what stdin holds.
    public static func capturing(
        input: [String] = [], stdinIsTerminal: Bool = false, terminal: Bool = false,
        width: Int? = nil
    ) -> (Console, CapturedOutput) {
        let captured = CapturedOutput(input: input)
        let console = Console(
            writeOut: { captured.append(out: $0) }, writeErr: { captured.append(err: $0) },
            readLine: { captured.nextInputLine() }, stdinIsTerminal: stdinIsTerminal,
            stdoutIsTerminal: terminal, stderrIsTerminal: terminal, width: width)
        return (console, captured)
    }
}

/// What a capturing console received. Shared between tasks, hence the mutex.
public final class CapturedOutput: Sendable {
    private struct Buffers {
        var out = ""
        var err = ""
        var input: [String]
    }
    private let buffers: Mutex<Buffers>

    init(input: [String]) { buffers = Mutex(Buffers(input: input)) }

    func append(out text: String) { buffers.withLock { $0.out += text } }
    func append(err text: String) { buffers.withLock { $0.err += text } }
    func nextInputLine() -> String? {
        buffers.withLock { $0.input.isEmpty ? nil : $0.input.removeFirst() }
    }

    public var stdout: String { buffers.withLock { $0.out } }
    public var stderr: String { buffers.withLock { $0.err } }
}
