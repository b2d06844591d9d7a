import Foundation

/// One private file in a folder of pim's own (0700 folder, 0600 file, replaced atomically, never
/// reached through a symbolic link nor used when it is not the user's own): `PrivateDirectory` for
/// callers outside this module, such as the interface's unsent drafts in `$XDG_STATE_HOME/pim`.
public struct PrivateStateFile: Sendable {
    private let storage: PrivateDirectory
    public let name: String

    /// - Parameters:
    ///   - directory: the private folder (made 0700 on the first write).
    ///   - name: the file's name inside it.
    public init(directory: URL, name: String) {
        storage = PrivateDirectory(url: directory, warn: { _ in })
        self.name = name
    }

    /// The full path, for messages and documentation.
    public var path: String { storage.file(name).path }

    /// The contents, or nil when there is no file yet. Throws when what is there is not pim's own.
    public func read() throws(PrivateFileError) -> Data? { try storage.read(name) }

    /// Replaces the file with `data` in one step.
    public func write(_ data: Data) throws(PrivateFileError) { try storage.store(data, as: name) }

    /// Deletes the file (a link is removed, never followed). Returns whether it was there.
    @discardableResult
    public func remove() throws -> Bool { try storage.remove(name) }

    /// A file name made of `prefix` and `scope` with only letters, digits, dots and dashes kept.
    public static func name(prefix: String, scope: String, suffix: String = ".json") -> String {
        let safe = scope.unicodeScalars.map {
            CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-" ? Character($0) : "_"
        }
        return prefix + String(safe.prefix(120)) + suffix
    }
}
