import Foundation
import PIMDomain
import Synchronization

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
    private let storage: PrivateDirectory

    static let fileName = "tokens.json"

    /// - Parameters:
    ///   - directory: e.g. `$XDG_CACHE_HOME/pim` (created when first written).
    ///   - warn: receives a sentence when a looser file mode had to be fixed.
    public init(directory: URL, warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.directory = directory
        self.storage = PrivateDirectory(url: directory, warn: warn)
    }

    var file: URL { storage.file(Self.fileName) }

    /// The entry for `key`, or nil (no cache, unreadable or corrupt cache). Throws the `PrivateFileError`
    /// sentence as a `PIMError` when the file or its folder is not pim's own (a link, another user's).
    public func load(key: String) throws(PIMError) -> Entry? {
        let data: Data?
        do { data = try storage.read(Self.fileName) } catch { throw error.pimError }
        guard let data, let entries = try? JSONDecoder().decode([String: Entry].self, from: data) else { return nil }
        return entries[key]
    }

    /// Stores (or, with nil, removes) the entry for `key`; a `PrivateFileError` says why it could not.
    /// Graph's and ARM's tokens may be renewed at the same moment: one store at a time in this process,
    /// so neither rewrites the file from a reading taken before the other's write.
    public func store(_ entry: Entry?, key: String) throws(PrivateFileError) {
        try Self.writing.withLock { _ throws(PrivateFileError) in try replace(entry, key: key) }
    }

    private static let writing = Mutex(())

    private func replace(_ entry: Entry?, key: String) throws(PrivateFileError) {
        var entries: [String: Entry] = [:]
        if let data = try storage.read(Self.fileName) {
            entries = (try? JSONDecoder().decode([String: Entry].self, from: data)) ?? [:]
        }
        entries[key] = entry
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(entries) else { return }
        try storage.store(data, as: Self.fileName)
    }

    /// The key of a sign-in's tokens: one per authority, tenant and client.
    public static func signInKey(loginURL: URL, tenant: String, clientId: String) -> String {
        "\(loginURL.host ?? loginURL.absoluteString)|\(tenant)|\(clientId)"
    }

    /// The key of the same sign-in's tokens for another resource (Azure Resource Manager's audience):
    /// never the sign-in's own key, so a token for one service is never read for the other.
    public static func resourceKey(loginURL: URL, tenant: String, clientId: String, resource: String) -> String {
        "\(signInKey(loginURL: loginURL, tenant: tenant, clientId: clientId))|\(resource)"
    }

    /// Deletes every cached token (`pim logout`). Returns whether there was anything.
    @discardableResult
    public func clear() throws -> Bool {
        try storage.remove(Self.fileName)
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
