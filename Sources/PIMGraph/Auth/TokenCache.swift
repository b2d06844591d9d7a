import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tokens kept between runs, in one JSON file in a private directory (`$XDG_CACHE_HOME/pim/`).
/// The directory is 0700 and the file 0600; looser modes found on disk are tightened, with a warning.
/// Writes go to a temporary file that is renamed into place, so a crash never leaves half a file.
public struct TokenCache: Sendable {
    /// What is cached for one sign-in (cloud, tenant, client id).
    public struct Entry: Codable, Hashable, Sendable {
        public var accessToken: String
        public var refreshToken: String?
        public var expiresAt: Date
        public var scope: String?

        public init(accessToken: String, refreshToken: String?, expiresAt: Date, scope: String? = nil) {
            self.accessToken = accessToken
            self.refreshToken = refreshToken
            self.expiresAt = expiresAt
            self.scope = scope
        }
    }

    public let directory: URL
    private let warn: @Sendable (String) -> Void

    static let fileName = "tokens.json"

    /// - Parameters:
    ///   - directory: e.g. `$XDG_CACHE_HOME/pim` (created when first written).
    ///   - warn: receives a sentence when a looser file mode had to be fixed.
    public init(directory: URL, warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.directory = directory
        self.warn = warn
    }

    var file: URL { directory.appendingPathComponent(Self.fileName) }

    /// The entry for `key`, or nil (no cache, unreadable cache).
    public func load(key: String) -> Entry? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        tighten(directory.path, to: 0o700)
        tighten(file.path, to: 0o600)
        guard let data = try? Data(contentsOf: file),
              let entries = try? JSONDecoder().decode([String: Entry].self, from: data) else { return nil }
        return entries[key]
    }

    /// Stores (or, with nil, removes) the entry for `key`.
    public func store(_ entry: Entry?, key: String) throws {
        try ensureDirectory()
        var entries: [String: Entry] = [:]
        if let data = try? Data(contentsOf: file) {
            entries = (try? JSONDecoder().decode([String: Entry].self, from: data)) ?? [:]
        }
        entries[key] = entry
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try writeAtomically(try encoder.encode(entries))
    }

    /// Deletes every cached token (`pim logout`). Returns whether there was anything.
    @discardableResult
    public func clear() throws -> Bool {
        guard FileManager.default.fileExists(atPath: file.path) else { return false }
        try FileManager.default.removeItem(at: file)
        return true
    }

    private func ensureDirectory() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            tighten(directory.path, to: 0o700)
            return
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        chmod(directory.path, 0o700)
    }

    private func writeAtomically(_ data: Data) throws {
        let temporary = directory.appendingPathComponent(".\(Self.fileName).\(UUID().uuidString)")
        // Created 0600 from the start: the secret never exists with a looser mode.
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path]) }
        let written = data.withUnsafeBytes { buffer in write(fd, buffer.baseAddress, buffer.count) }
        fsync(fd)
        close(fd)
        guard written == data.count else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        guard rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
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

    /// The default directory: `$XDG_CACHE_HOME/pim`, else `~/.cache/pim`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("pim")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/pim")
    }
}
