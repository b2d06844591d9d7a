import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One read-modify-write of the tenant: the state and whether it changed (only then is it saved).
struct TenantSession {
    var state: TenantState
    var changed = false
}

/// Keeps the tenant's state: in memory (tests) or in a JSON file shared by every `pim --demo`
/// process. For the file, each exchange takes an advisory lock (`flock` on a side `.lock` file),
/// reads the state (a decoded copy is cached while the file's inode, mtime and size are unchanged),
/// applies the change and replaces the file atomically (temporary file + rename), so concurrent
/// processes never lose an update and a crash never leaves half a file.
final class TenantStore: Sendable {
    let file: URL?
    private let seed: @Sendable (Date) -> TenantState
    private let report: @Sendable (String) -> Void
    private let scale: Int
    /// In memory: the state itself. With a file: the last decoded state and the file identity it came from.
    private let held: Mutex<Held>

    private struct Held {
        var state: TenantState?
        var fileKey: FileKey?
    }

    struct FileKey: Equatable {
        var inode: UInt64
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
    }

    init(
        file: URL?, scale: Int, seed: @escaping @Sendable (Date) -> TenantState,
        report: @escaping @Sendable (String) -> Void
    ) {
        self.file = file
        self.scale = scale
        self.seed = seed
        self.report = report
        held = Mutex(Held())
    }

    /// Runs `body` on the current state under the lock and saves the result if it changed.
    func transact<T: Sendable>(now: Date, _ body: (inout TenantSession) throws -> T) throws -> T {
        try held.withLock { held -> T in
            guard let file else {
                // Taken out while the body runs, so a change does not copy the arrays still held here.
                var session = TenantSession(state: held.state.take() ?? seed(now))
                defer { held.state = session.state }
                return try body(&session)
            }
            let lock = try FileLock(for: file)
            defer { lock.release() }
            var session = TenantSession(state: try load(file, held: &held, now: now))
            if held.fileKey == nil { session.changed = true }
            let result = try body(&session)
            if session.changed {
                try save(session.state, to: file)
                held.state = session.state
                held.fileKey = Self.key(of: file)
            }
            return result
        }
    }

    /// Forgets the state: deletes the file under the lock (the next exchange seeds afresh).
    func reset() throws {
        try held.withLock { held in
            held = Held()
            guard let file else { return }
            let lock = try FileLock(for: file)
            defer { lock.release() }
            if FileManager.default.fileExists(atPath: file.path) {
                try FileManager.default.removeItem(at: file)
            }
        }
    }

    private func load(_ file: URL, held: inout Held, now: Date) throws -> TenantState {
        guard let key = Self.key(of: file) else {
            held.fileKey = nil
            return seed(now)
        }
        if key == held.fileKey, let state = held.state { return state }
        let contents: Data?
        do { contents = try StateFileGuard.read(file) } catch let refusal as SimulatorError {
            throw refusal
        } catch {
            contents = Data()  // unreadable: moved aside below, like a corrupt one
        }
        guard let data = contents else {
            held.fileKey = nil
            return seed(now)
        }
        do {
            var state = try JSONDecoder().decode(TenantState.self, from: data)
            guard TenantState.readableVersions.contains(state.version) else {
                throw SimulatorError.stateFile("it was written by another version of pim")
            }
            if let field = state.impossibleField() {
                throw SimulatorError.stateFile("\(field) holds an impossible value")
            }
            if state.scale != scale {
                report("The demo tenant was seeded afresh for PIM_SIM_SCALE=\(scale) (it had \(state.scale)).")
                held.fileKey = nil
                return seed(now)
            }
            state.version = TenantState.currentVersion
            held.state = state
            held.fileKey = key
            return state
        } catch {
            let aside = moveAside(file, now: now)
            let reason = if case SimulatorError.stateFile(let why) = error { " (\(why))" } else { "" }
            report(
                """
                The demo tenant state in \(file.path) could not be read\(reason), so it was moved to \(aside) and a \
                fresh demo tenant was created; run `pim demo reset` to start over at any time.
                """
            )
            held.fileKey = nil
            return seed(now)
        }
    }

    private func moveAside(_ file: URL, now: Date) -> String {
        let stamp = GraphDate.format(now).replacingOccurrences(of: ":", with: "")
        var target = file.deletingLastPathComponent().appendingPathComponent(
            "\(file.lastPathComponent).corrupt-\(stamp)")
        var n = 1
        while FileManager.default.fileExists(atPath: target.path) {
            n += 1
            target = file.deletingLastPathComponent().appendingPathComponent(
                "\(file.lastPathComponent).corrupt-\(stamp)-\(n)")
        }
        if rename(file.path, target.path) != 0 { try? FileManager.default.removeItem(at: file) }
        return target.path
    }

    private func save(_ state: TenantState, to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(state)
        let dir = file.deletingLastPathComponent()
        var generator = SystemRandomNumberGenerator()
        let temp = dir.appendingPathComponent(
            ".\(file.lastPathComponent).tmp-\(getpid())-\(generator.next() % 1_000_000)")
        guard FileManager.default.createFile(atPath: temp.path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw SimulatorError.stateFile(
                "The demo tenant state could not be written to \(dir.path); check that the directory is writable.")
        }
        guard rename(temp.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temp)
            throw SimulatorError.stateFile(
                "The demo tenant state could not be saved as \(file.path); check the directory's permissions.")
        }
    }

    static func key(of file: URL) -> FileKey? {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return nil }
        return FileKey(
            inode: UInt64(info.st_ino), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
            size: Int64(info.st_size))
    }
}

/// An exclusive `flock` on `<state file>.lock`, held for one read-modify-write.
struct FileLock {
    let descriptor: Int32

    init(for file: URL) throws {
        let dir = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(
            at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = StateFileGuard.lockPath(file)
        let fd = try StateFileGuard.openLock(file)
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            close(fd)
            throw SimulatorError.stateFile("The demo tenant lock file \(path) could not be locked.")
        }
        descriptor = fd
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
