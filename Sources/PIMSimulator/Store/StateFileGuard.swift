import Foundation
import PIMDomain
#if canImport(Glibc)
import Glibc
#endif

/// The demo tenant's state file and its lock are pim's private files: their folder must be a real
/// folder of the user's own, and neither file may be a symbolic link (a linked lock would create a file
/// wherever it points; a linked state would be read as the tenant). Anything else is refused with
/// one sentence before the tenant starts, and again whenever a file is opened.
enum StateFileGuard {
    /// Refuses a state folder, state file or lock file that is not pim's own; missing ones are fine.
    static func check(_ file: URL) throws {
        try check(file.deletingLastPathComponent().path, expected: .directory)
        try check(file.path, expected: .file)
        try check(lockPath(file), expected: .file)
    }

    static func lockPath(_ file: URL) -> String { file.path + ".lock" }

    /// Opens (creating 0600) the lock file without following a link.
    static func openLock(_ file: URL) throws -> Int32 {
        try check(file.deletingLastPathComponent().path, expected: .directory)
        let path = lockPath(file)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            if errno == ELOOP { throw refusal(path, .symbolicLink) }
            throw SimulatorError.stateFile(
                """
                The demo tenant lock file \(path) could not be opened; check that \
                \(file.deletingLastPathComponent().path) is writable.
                """
            )
        }
        if let problem = problem(of: fd) {
            close(fd)
            throw refusal(path, problem)
        }
        return fd
    }

    /// The state file's bytes, read without following a link; nil when there is none.
    /// Refusals throw `SimulatorError`; a read that fails otherwise throws `CocoaError` (unreadable state).
    static func read(_ file: URL) throws -> Data? {
        let fd = open(file.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw refusal(file.path, .symbolicLink) }
            throw CocoaError(.fileReadNoPermission)
        }
        defer { close(fd) }
        if let problem = problem(of: fd) { throw refusal(file.path, problem) }
        return try FileHandle(fileDescriptor: fd, closeOnDealloc: false).readToEnd() ?? Data()
    }

    private static func check(_ path: String, expected: PrivatePathCheck.Expected) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if let problem = PrivatePathCheck.problem(info, expected: expected) {
            throw refusal(path, problem)
        }
    }

    private static func problem(of fd: Int32) -> PrivatePathCheck.Problem? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return PrivatePathCheck.problem(info, expected: .file)
    }

    static func refusal(_ path: String, _ problem: PrivatePathCheck.Problem) -> SimulatorError {
        .stateFile(
            """
            The demo tenant's \(Sanitizer.sanitize(path)) \(problem.reason): \(problem.fix), or set \
            PIM_SIM_STATE=memory, then try again.
            """
        )
    }
}
