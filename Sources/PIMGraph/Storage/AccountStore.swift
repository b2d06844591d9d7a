import Foundation
import PIMDomain

/// One account the sign-in command signed in with: where (tenant, cloud, client id) and who.
public struct SignedInAccount: Codable, Hashable, Sendable {
    /// As given to the sign-in command's tenant option (id or domain), or `organizations`.
    public var tenant: String
    /// `global`, `usgov`, `usgov-dod` or `china`.
    public var cloud: String
    public var clientId: String
    /// The user's sign-in name (else display name), when it could be read after signing in.
    public var user: String?

    public init(tenant: String, cloud: String, clientId: String, user: String?) {
        self.tenant = tenant
        self.cloud = cloud
        self.clientId = clientId
        self.user = user
    }

    /// "ada@contoso.com in contoso.onmicrosoft.com" (the cloud only when it is not the global one).
    public var label: String {
        let place = cloud == "global" ? tenant : "\(tenant) (\(cloud))"
        return user.map { "\($0) in \(place)" } ?? place
    }

    func matches(tenant other: String) -> Bool { tenant.lowercased() == other.lowercased() }
}

/// The accounts the sign-in command signed in with and which one is in use, in `accounts.json` beside the
/// token cache (same private directory: 0700 folder, 0600 file, no links followed). Commands without
/// `--tenant` use the current account; `--tenant` picks another one signed in before.
public struct AccountStore: Sendable {
    struct Contents: Codable {
        var current: SignedInAccount?
        var accounts: [SignedInAccount]
    }

    private let storage: PrivateDirectory
    static let fileName = "accounts.json"

    public init(directory: URL, warn: @escaping @Sendable (String) -> Void = { _ in }) {
        storage = PrivateDirectory(url: directory, warn: warn)
    }

    private func contents() throws(PrivateFileError) -> Contents {
        guard let data = try storage.read(Self.fileName),
            let contents = try? JSONDecoder().decode(Contents.self, from: data)
        else { return Contents(accounts: []) }
        return contents
    }

    /// The account in use without `--tenant`, or nil when nobody signed in with the sign-in command.
    public func current() throws(PIMError) -> SignedInAccount? {
        do { return try contents().current } catch { throw error.pimError }
    }

    /// The last account signed in to `tenant` (case-insensitive), on `cloud` when one is given.
    public func account(tenant: String, cloud: String?) throws(PIMError) -> SignedInAccount? {
        do {
            let all = try contents()
            let candidates = ([all.current].compactMap { $0 } + all.accounts.reversed())
            return candidates.first { $0.matches(tenant: tenant) && (cloud == nil || $0.cloud == cloud) }
        } catch { throw error.pimError }
    }

    /// Makes `account` the one in use, replacing an earlier sign-in to the same tenant, cloud and client.
    public func remember(_ account: SignedInAccount) throws(PrivateFileError) {
        var all = try contents()
        all.accounts.removeAll {
            $0.matches(tenant: account.tenant) && $0.cloud == account.cloud && $0.clientId == account.clientId
        }
        all.accounts.append(account)
        all.current = account
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(all) else { return }
        try storage.store(data, as: Self.fileName)
    }

    /// Forgets every account (`pim logout`); returns the one that was in use.
    @discardableResult
    public func forget() throws -> SignedInAccount? {
        let current = try? contents().current
        try storage.remove(Self.fileName)
        return current
    }
}
