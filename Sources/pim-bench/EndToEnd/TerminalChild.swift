import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program running in a pseudo-terminal the benchmark plays: the terminal is its controlling one (a new
/// session, stdin, stdout and stderr), the benchmark reads every byte it writes into a `TerminalScreen`
/// and types on the other side.
final class TerminalChild {
    let pid: pid_t
    /// When `posix_spawn` was called, on `Measure.nanoseconds()`'s clock.
    let spawnedAt: UInt64
    private(set) var screen: TerminalScreen
    /// Every byte the program wrote, for the screen model's self check.
    private(set) var output: [UInt8] = []
    private let master: Int32
    private let slave: Int32
    private var exitStatus: Int32?

    init(executable: String, arguments: [String], environment: [String: String], columns: Int, rows: Int) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw BenchError("openpty failed (errno \(errno)): the end-to-end figures need a pseudo-terminal.")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        self.master = master
        self.slave = slave
        screen = TerminalScreen(columns: columns, rows: rows)
        var name = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &name, name.count) == 0 else {
            close(master)
            close(slave)
            throw BenchError("The pseudo-terminal has no name (errno \(errno)).")
        }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            (pid, spawnedAt) = try Self.spawn([executable] + arguments, environment: environment, terminal: path)
        } catch {
            close(master)
            close(slave)
            throw error
        }
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
        close(slave)
    }

    /// Reads what the program wrote, waiting up to `milliseconds` for the first byte; returns whether any came.
    @discardableResult
    func read(waitingAtMost milliseconds: Int32) -> Bool {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        _ = poll(&poller, 1, milliseconds)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var any = false
        while true {
            let count = Glibc.read(master, &chunk, chunk.count)
            guard count > 0 else { return any }
            any = true
            output.append(contentsOf: chunk[0..<count])
            screen.feed(chunk[0..<count])
        }
    }

    /// Reads until `done` holds for the screen, at most `seconds`; the instant it first held, or nil.
    func wait(seconds: Double, until done: (TerminalScreen) -> Bool) -> UInt64? {
        let deadline = Measure.nanoseconds() + UInt64(seconds * 1e9)
        while Measure.nanoseconds() < deadline {
            if read(waitingAtMost: 20), done(screen) { return Measure.nanoseconds() }
            if hasExited { return nil }
        }
        return nil
    }

    /// Reads until nothing new has come for `quiet` seconds (at most `seconds` in all).
    func settle(quiet: Double, atMost seconds: Double) {
        let deadline = Measure.nanoseconds() + UInt64(seconds * 1e9)
        var lastByte = Measure.nanoseconds()
        while Measure.nanoseconds() < deadline {
            if read(waitingAtMost: 20) { lastByte = Measure.nanoseconds() }
            if Double(Measure.nanoseconds() - lastByte) / 1e9 >= quiet { return }
        }
    }

    /// Types `text` as a terminal would.
    func type(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
    }

    /// Changes the window size as a terminal emulator does (the program gets SIGWINCH).
    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    var hasExited: Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        exitStatus = status
        return true
    }

    /// Waits for the program to exit, reading its output meanwhile; its exit code, or nil (killed after
    /// `seconds`, or ended by a signal).
    func waitForExit(seconds: Double) -> Int32? {
        let deadline = Measure.nanoseconds() + UInt64(seconds * 1e9)
        while !hasExited {
            guard Measure.nanoseconds() < deadline else {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                exitStatus = status
                return nil
            }
            read(waitingAtMost: 20)
        }
        read(waitingAtMost: 0)
        guard let status = exitStatus, status & 0x7F == 0 else { return nil }
        return (status >> 8) & 0xFF
    }

    /// Starts `argv` in a new session whose controlling terminal is `terminal`, with default signal handling
    /// and nothing blocked, as a shell would; the process id and the instant just before the spawn.
    private static func spawn(
        _ argv: [String], environment: [String: String], terminal: String
    ) throws -> (pid_t, UInt64) {
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
        return try Spawn.spawn(argv, environment: environment, actions: &actions, attributes: &attributes)
    }
}
