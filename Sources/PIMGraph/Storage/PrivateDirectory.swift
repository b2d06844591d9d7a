import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory only its owner can read (0700) holding files only its owner can read (0600), such
/// as pim's cache. Looser modes found on disk are tightened, with a warning; files are written to a
/// temporary name and renamed into place, so a crash never leaves half a file.
struct PrivateDirectory: Sendable {
    let url: URL
    let warn: @Sendable (String) -> Void

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The contents of `name`, or nil when it does not exist or cannot be read. Modes are tightened first.
    func read(_ name: String) -> Data? {
        let path = file(name).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        tighten(url.path, to: 0o700)
        tighten(path, to: 0o600)
        return try? Data(contentsOf: file(name))
    }

    /// Replaces `name` with `data` in one step.
    func store(_ data: Data, as name: String) throws {
        try ensureExists()
        let target = file(name)
        let temporary = url.appendingPathComponent(".\(name).\(UUID().uuidString)")
        // Created 0600 from the start: the contents never exist with a looser mode.
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path]) }
        let written = data.withUnsafeBytes { buffer in write(fd, buffer.baseAddress, buffer.count) }
        fsync(fd)
        close(fd)
        guard written == data.count else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        guard rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }

    /// Deletes `name`. Returns whether it was there.
    @discardableResult
    func remove(_ name: String) throws -> Bool {
        guard FileManager.default.fileExists(atPath: file(name).path) else { return false }
        try FileManager.default.removeItem(at: file(name))
        return true
    }

    private func ensureExists() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            tighten(url.path, to: 0o700)
            return
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        chmod(url.path, 0o700)
    }

    /// Removes group/other permissions from `path` when it has any.
    private func tighten(_ path: String, to mode: mode_t) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let current = info.st_mode & 0o777
        if current & 0o077 != 0 {
            chmod(path, mode)
            warn("\(path) was readable by others (mode \(String(current, radix: 8))); it is now \(String(mode, radix: 8)).")
        }
    }
}
