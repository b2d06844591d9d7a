import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `pim` running in a pseudo-terminal that is its controlling terminal (as in a
/// terminal emulator: Ctrl-C typed there interrupts it, closing the terminal hangs it up), with
/// its own HOME and XDG directories (`PimHome`) so the demo tenant is private to the test.
final class PimUnderTerminal {
    let pty: PseudoTerminal
    let pid: pid_t
    let home: PimHome
    /// Every byte pim wrote so far.
    private(set) var output: [UInt8] = []
    private(set) var exitStatus: Int32?
    /// The terminal's modes before pim started.
    let modesFound: termios

    /// `.build/<triple>/debug/pim`, beside the test bundle.
    static let executable: String = {
        let me =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: me).deletingLastPathComponent()
        while directory.path.contains(".xctest") { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("pim").path
    }()

    init(
        _ arguments: [String], home: PimHome = PimHome(), columns: Int = 100, rows: Int = 30,
        environment extra: [String: String] = [:]
    ) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            throw PseudoTerminal.Failure(description: "no pim at \(Self.executable): build it (swift build)")
        }
        pty = try PseudoTerminal(columns: columns, rows: rows)
        modesFound = pty.modes
        self.home = home
        var environment = home.environment
        environment.merge(extra) { $1 }
        pid = try Self.spawn([Self.executable] + arguments, environment: environment, terminal: pty.slavePath)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }

    /// Reads what pim writes until `text` has appeared (from byte `after` of the output on), for
    /// at most `timeout`.
    func waitFor(_ text: String, after start: Int = 0, timeout: Duration = .seconds(20)) -> Bool {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        func found() -> Bool { output.count > start && Array(output[start...]).contains(bytes: needle) }
        while ContinuousClock.now < deadline {
            output += pty.takePending()
            if found() { return true }
            if reap() != nil { output += pty.takePending(); return found() }
            waitReadable(pty.master, timeout: .milliseconds(100))
        }
        return false
    }

    /// Waits until pim writes something new (a redraw), for at most `timeout`.
    func waitForMoreOutput(timeout: Duration) -> Bool {
        output += pty.takePending()
        let seen = output.count
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            waitReadable(pty.master, timeout: deadline - ContinuousClock.now)
            output += pty.takePending()
            if output.count > seen { return true }
        }
        return false
    }

    /// Waits for pim to exit (reading its output meanwhile so it never blocks on a full terminal);
    /// returns its exit code, or nil if it did not exit within `timeout` or died of a signal.
    func waitForExit(timeout: Duration = .seconds(10)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if pty.isOpen { output += pty.takePending() }
            if let status = reap() {
                if pty.isOpen { output += pty.takePending() }
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : nil
            }
            if pty.isOpen {
                waitReadable(pty.master, timeout: .milliseconds(50))
            } else {
                var idle = pollfd(fd: -1, events: 0, revents: 0)
                _ = poll(&idle, 0, 20)
            }
        }
        return nil
    }

    /// The signal pim died of, once it has exited (nil: it exited normally or still runs).
    var terminatingSignal: Int32? {
        guard let exitStatus, (exitStatus & 0x7F) != 0, (exitStatus & 0x7F) != 0x7F else { return nil }
        return exitStatus & 0x7F
    }

    /// The raw wait status once pim has exited.
    private func reap() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        exitStatus = status
        return status
    }

    /// Starts `argv` in a new session whose controlling terminal is `terminal` (stdin, stdout
    /// and stderr), with default signal handling and nothing blocked, as a shell would.
    private static func spawn(_ argv: [String], environment: [String: String], terminal: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (glibc runs the file actions after it): the terminal becomes the controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGPIPE, SIGTSTP, SIGTTOU, SIGTTIN] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(
            &attributes, Int16(0x80 /* POSIX_SPAWN_SETSID */ | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
        guard result == 0 else { throw PseudoTerminal.Failure(description: "posix_spawn failed: \(result)") }
        return pid
    }
}

/// A private HOME with its own XDG directories: the demo tenant and configuration of one test.
/// Removed when the last reference goes.
final class PimHome: Sendable {
    let root: String

    init() {
        root = NSTemporaryDirectory() + "pim-term-" + UUID().uuidString
        for sub in ["home", "config", "cache", "state"] {
            try? FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var environment: [String: String] {
        [
            "HOME": root + "/home", "XDG_CONFIG_HOME": root + "/config", "XDG_CACHE_HOME": root + "/cache",
            "XDG_STATE_HOME": root + "/state", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color",
            "SWIFT_BACKTRACE": "enable=no",
        ]
    }

    /// The simulated tenant's state file.
    var demoTenant: String { root + "/state/pim/demo-tenant.json" }

    /// Runs `pim arguments…` without a terminal (output discarded); returns its exit code.
    @discardableResult
    func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PimUnderTerminal.executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
