import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair in which the test plays the terminal: it types on the master side and
/// reads there every byte the program under test wrote to the slave side.
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var master: Int32
    let slave: Int32
    /// Bytes read from the master that the last `output()` did not hand out yet.
    private var pending: [UInt8] = []
    private var syncCount = 0

    init(columns: Int = 80, rows: Int = 24) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw Failure(description: "openpty failed: errno \(errno)")
        }
        self.master = master
        self.slave = slave
        // Children spawned by other tests must not inherit either side.
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if master >= 0 { close(master) }
        close(slave)
    }

    var isOpen: Bool { master >= 0 }

    /// Closes the terminal as a user closing the window does: the session gets SIGHUP.
    func hangUp() {
        guard master >= 0 else { return }
        close(master)
        master = -1
    }

    /// The slave's path (`/dev/pts/N`), for a child that opens it as its controlling terminal.
    /// `ttyname_r`: `ttyname` shares one static buffer between threads, and tests run in parallel, so
    /// another test's path could come back (ENOENT once that terminal is gone).
    var slavePath: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &buffer, buffer.count) == 0 else { return "/dev/null" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Types `text` as a terminal would: its UTF-8 bytes in one write, so a key's escape sequence
    /// arrives whole.
    func type(_ text: String) { type(Array(text.utf8)) }

    func type(_ bytes: [UInt8]) {
        let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        precondition(written == bytes.count, "short write to the pty master")
    }

    /// Changes the window size as a terminal emulator does on resize (the kernel keeps it; the
    /// program learns of it through SIGWINCH).
    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// The terminal modes now in force on the slave side.
    var modes: termios {
        var modes = termios()
        _ = tcgetattr(slave, &modes)
        return modes
    }

    /// Every byte the program wrote to the terminal since the last call. The pty hands bytes over
    /// asynchronously, so a marker is written behind them on the slave side and the master is read
    /// until the marker arrives: everything before it is complete.
    func output(timeout: Duration = .seconds(5)) throws -> [UInt8] {
        syncCount += 1
        let marker = Array("\u{1}pty-sync-\(syncCount)\u{2}".utf8)
        let written = marker.withUnsafeBytes { write(slave, $0.baseAddress, $0.count) }
        guard written == marker.count else { throw Failure(description: "cannot write the sync marker") }
        let deadline = ContinuousClock.now + timeout
        while true {
            drainAvailable()
            if let range = pending.firstRange(of: marker) {
                let before = Array(pending[..<range.lowerBound])
                pending.removeSubrange(..<range.upperBound)
                return before
            }
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                throw Failure(description: "no sync marker within \(timeout); got \(pending.count) bytes")
            }
            waitReadable(master, timeout: left)
        }
    }

    /// Reads the master until `predicate` holds for what arrived since the last `output()`
    /// (for a child process that writes on its own schedule). Returns everything read.
    func read(until predicate: ([UInt8]) -> Bool, timeout: Duration) -> [UInt8]? {
        let deadline = ContinuousClock.now + timeout
        while true {
            drainAvailable()
            if predicate(pending) { return pending }
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return nil }
            waitReadable(master, timeout: min(left, .milliseconds(200)))
        }
    }

    /// What has been read but not handed out yet; and forgets it.
    func takePending() -> [UInt8] {
        drainAvailable()
        defer { pending.removeAll() }
        return pending
    }

    private func drainAvailable() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            pending.append(contentsOf: buffer[..<count])
        }
    }
}

/// Blocks until `fd` is readable or `timeout` passes (not a sleep: returns as soon as data arrives).
func waitReadable(_ fd: Int32, timeout: Duration) {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let milliseconds = max(
        1, Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
    _ = poll(&entry, 1, milliseconds)
}

extension Array where Element == UInt8 {
    /// True when `needle`'s bytes occur anywhere in these bytes.
    func contains(bytes needle: [UInt8]) -> Bool { firstRange(of: needle) != nil }
    func contains(_ text: String) -> Bool { firstRange(of: Array(text.utf8)) != nil }

    /// How many times `text`'s bytes occur (non-overlapping).
    func occurrences(of text: String) -> Int {
        let needle = Array(text.utf8)
        var count = 0
        var rest = self[...]
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    /// The bytes with escapes made readable, for failure messages.
    var visible: String {
        String(decoding: self, as: UTF8.self).unicodeScalars.map { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                ? String(format: "\\x%02X", scalar.value) : String(scalar)
        }.joined()
    }
}
