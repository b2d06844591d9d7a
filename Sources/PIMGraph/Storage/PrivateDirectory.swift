import Foundation
import PIMDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory only its owner can read (0700) holding files only its owner can read (0600), such
/// as pim's cache. Looser modes found on disk are tightened, with a warning; files are written to a
/// temporary name and renamed into place, so a crash never leaves half a file.
/// Nothing is reached through a symbolic link, and nothing the client did not make is used or re-moded: the
/// folder must be a real folder and each file a regular file, both the user's own
/// (`PrivatePathCheck`); anything else is a `PrivateFileError`.
struct PrivateDirectory: Sendable {
    let url: URL
    let warn: @Sendable (String) -> Void

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The contents of `name`, or nil when it (or the folder) does not exist or cannot be read.
    /// Modes are tightened first, on what was opened (never on a path a link could redirect).
    func read(_ name: String) throws(PrivateFileError) -> Data? {
        guard try checkedDirectory(create: false) else { return nil }
        let path = file(name).path
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ELOOP { throw PrivateFileError(path: path, .symbolicLink) }
            return nil
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        if let problem = PrivatePathCheck.problem(info, expected: .file) {
            throw PrivateFileError(path: path, problem)
        }
        tighten(fd, path: path, mode: info.st_mode, to: 0o600)
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = systemRead(fd, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? data : nil }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    /// Replaces `name` with `data` in one step.
    func store(_ data: Data, as name: String) throws(PrivateFileError) {
        _ = try checkedDirectory(create: true)
        let target = file(name).path
        var existing = stat()
        if lstat(target, &existing) == 0,
            let problem = PrivatePathCheck.problem(existing, expected: .file)
        {
            throw PrivateFileError(path: target, problem)
        }
        let temporary = url.appendingPathComponent(".\(name).\(UUID().uuidString)").path
        // Created 0600 from the start: the contents never exist with a looser mode.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .failed(url.path, "written", errno: errno) }
        var failure: Int32?
        data.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let n = write(fd, buffer.baseAddress! + sent, buffer.count - sent)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { failure = n < 0 ? errno : ENOSPC; return }
                sent += n
            }
        }
        // A full disk may only show when the data is flushed.
        if failure == nil, fsync(fd) != 0, errno != EINVAL { failure = errno }
        if close(fd) != 0, failure == nil, errno != EINTR { failure = errno }
        if let failure {
            unlink(temporary)
            throw .failed(target, "written", errno: failure)
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw .failed(target, "written", errno: code)
        }
    }

    /// Deletes `name` (a link is removed, never followed). Returns whether it was there.
    @discardableResult
    func remove(_ name: String) throws -> Bool {
        guard try checkedDirectory(create: false) else { return false }
        var info = stat()
        guard lstat(file(name).path, &info) == 0 else { return false }
        try FileManager.default.removeItem(at: file(name))
        return true
    }

    /// Whether the folder exists (creating it 0700 when asked); throws when what is there is not a
    /// real folder of the user's own.
    private func checkedDirectory(create: Bool) throws(PrivateFileError) -> Bool {
        let path = url.path
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT, create else { return false }
            let parent = url.deletingLastPathComponent()
            do { try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
                throw .failed(parent.path, "created", errno: (error as NSError).underlyingPOSIXCode ?? EACCES)
            }
            if mkdir(path, 0o700) != 0, errno != EEXIST { throw .failed(path, "created", errno: errno) }
            guard lstat(path, &info) == 0 else { throw .failed(path, "created", errno: errno) }
        }
        if let problem = PrivatePathCheck.problem(info, expected: .directory) {
            throw PrivateFileError(path: path, problem)
        }
        // Opened without following links, so the mode is changed on this folder and nothing else.
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return true }
        defer { close(fd) }
        tighten(fd, path: path, mode: info.st_mode, to: 0o700)
        return true
    }

    /// Removes group/other permissions from the open file `fd` when it has any.
    private func tighten(_ fd: Int32, path: String, mode: mode_t, to wanted: mode_t) {
        let current = mode & 0o777
        guard current & 0o077 != 0 else { return }
        fchmod(fd, wanted)
        warn(
            "\(path) was readable by others (mode \(String(current, radix: 8))); it is now \(String(wanted, radix: 8))."
        )
    }
}

/// The C `read`, which the method of the same name hides inside the type.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }

private extension NSError {
    /// The POSIX code behind a Foundation file error, when there is one.
    var underlyingPOSIXCode: Int32? {
        if domain == NSPOSIXErrorDomain { return Int32(code) }
        return (userInfo[NSUnderlyingErrorKey] as? NSError)?.underlyingPOSIXCode
    }
}
