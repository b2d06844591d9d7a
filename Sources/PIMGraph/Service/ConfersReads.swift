import Foundation
import PIMDomain

/// The reads behind "what a group gives": per chunk of at most `chunkSize` groups, one batch item for
/// the directory roles the groups are eligible for (C4) and one for those they hold now (C5), each
/// filtered with `principalId in (…)`. Ten groups cost two items, not twenty calls.
struct ConfersReads {
    /// Ids per `in (…)`: Graph documents a limit of 15 values for `in` on several directory
    /// collections; staying under it keeps each item well-formed whatever that limit is here.
    static let chunkSize = 15

    /// The groups asked for, in chunks, in the order they were added (a chunk's index names its items).
    private(set) var chunks: [[String]] = []
    private var asked: Set<String> = []

    static func eligibleID(_ n: Int) -> String { "confersElig\(n)" }
    static func activeID(_ n: Int) -> String { "confersAct\(n)" }

    /// Adds the groups not asked for yet and returns the items that ask for them.
    mutating func add(_ groupIds: [String]) -> [BatchItem] {
        let fresh = groupIds.filter { asked.insert($0.lowercased()).inserted }
        var items: [BatchItem] = []
        for start in stride(from: 0, to: fresh.count, by: Self.chunkSize) {
            let chunk = Array(fresh[start..<min(start + Self.chunkSize, fresh.count)])
            let n = chunks.count
            chunks.append(chunk)
            items.append(
                .init(id: Self.eligibleID(n), request: Endpoints.Roles.eligibilitySchedules(principalIds: chunk)))
            items.append(.init(id: Self.activeID(n), request: Endpoints.Roles.assignmentInstances(principalIds: chunk)))
        }
        return items
    }

    /// What each of `groups` gives, from the answers in `reader`, and the first failure (nil: all read).
    /// - Parameters:
    ///   - roleNames: role definition id → name, for roles whose definition the answer did not expand.
    ///   - scopeNames: directory scope id → name, for administrative units the dashboard already named.
    func read(
        _ reader: BatchReader, groups: Set<String>, roleNames: [String: String], scopeNames: [String: String]
    ) async -> (confers: [String: [ConferredRole]], failure: PIMError?) {
        var found: [String: [ConferredRole]] = [:]
        var failure: PIMError?
        let wanted = Set(groups.map { $0.lowercased() })
        for (n, chunk) in chunks.enumerated() where chunk.contains(where: { wanted.contains($0.lowercased()) }) {
            for (id, holding) in [(Self.eligibleID(n), ConferredRole.Holding.eligible), (Self.activeID(n), .active)] {
                switch await reader.listResult(HeldRoleDTO.self, id) {
                case .success(let held):
                    for role in held where wanted.contains(role.principalId.lowercased()) {
                        found[role.principalId.lowercased(), default: []].append(
                            role.conferred(holding, roleNames: roleNames, scopeNames: scopeNames))
                    }
                case .failure(let error): failure = failure ?? error
                }
            }
        }
        // Keyed as the group rows spell their ids.
        var confers: [String: [ConferredRole]] = [:]
        for group in groups { confers[group] = ConferredRole.ordered(found[group.lowercased()] ?? []) }
        return (confers, failure)
    }
}
