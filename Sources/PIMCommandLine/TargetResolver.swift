import Foundation
import PIMDomain

/// Finds the role or group a user means by a TARGET word: an id, `group:NAME`, a display name
/// (case-insensitive) or a unique prefix of one. Ambiguity is a usage error that lists the
/// candidates; no match is a refusal (not eligible) with the closest name.
struct TargetResolver {
    var entries: [RoleEntry]
    /// `--owner`: a group's owner access rather than member.
    var owner: Bool = false
    /// `--scope`: the directory scope of a role.
    var scope: String?

    func resolve(_ word: String) throws -> RoleEntry {
        let (family, text) = TargetFamily.split(word.trimmingCharacters(in: .whitespaces))
        // Both prefixes are dropped from the word; `group:` also keeps only groups.
        let groupsOnly = family == .group
        guard !text.isEmpty else {
            throw UsageError("\"\(word)\" names no role or group: write the name after the colon, e.g. group:Finance.")
        }
        let pool = candidates(groupsOnly: groupsOnly)
        if let found = try match(text, word, in: pool) {
            if scope != nil, found.target.kind.isGroup {
                throw UsageError(
                    """
                    --scope applies to roles, and \"\(Sanitizer.sanitize(found.target.displayName))\" is a group: \
                    leave --scope out.
                    """
                )
            }
            return found
        }
        // Eligible, but not as --owner or --scope asked: say which access or scope there is.
        if owner || scope != nil,
            let other = try? match(text, word, in: candidates(groupsOnly: groupsOnly, owner: false, scope: nil))
        {
            let name = Sanitizer.sanitize(other.target.displayName)
            if owner, other.target.kind == .groupMember {
                throw PIMError(
                    .refused, "You are eligible for \"\(name)\" as a member, not as an owner: leave --owner out.")
            }
            if let scope, other.target.kind == .directoryRole {
                let scopes = entries.filter { $0.target.id.resourceId == other.target.id.resourceId }
                    .compactMap(\.target.id.scope).map(Sanitizer.sanitize)
                throw PIMError(
                    .refused,
                    """
                    You are eligible for "\(name)" at \(scopes.joined(separator: ", ")), not at \
                    \(Sanitizer.sanitize(scope)): use one of those with --scope, or leave it out.
                    """)
            }
        }
        let names = Array(Set(pool.map(\.target.displayName)))
        let closest = Suggestion.closest(to: text.lowercased(), in: names.map { $0.lowercased() })
            .flatMap { lowered in names.first { $0.lowercased() == lowered } }
        var message = "You have no eligible role or group matching \"\(word)\""
        if groupsOnly { message += " among your groups" }
        message += "."
        if let closest { message += " Did you mean \"\(closest)\"?" }
        throw PIMError(.refused, message, step: .seeWhatCanBeActivated)
    }

    /// The one entry of `pool` that `text` names by id, exact name or unique prefix (in that order);
    /// nil for none, a usage error listing them for several.
    func match(_ text: String, _ word: String, in pool: [RoleEntry]) throws -> RoleEntry? {
        let lower = text.lowercased()
        let byId = pool.filter { entry in
            entry.target.id.resourceId.lowercased() == lower || entry.target.id.description.lowercased() == lower
                || entry.eligibility?.id.lowercased() == lower
        }
        let byName = pool.filter { $0.target.displayName.lowercased() == lower }
        let byPrefix = pool.filter { $0.target.displayName.lowercased().hasPrefix(lower) }
        for matches in [byId, byName, byPrefix] where !matches.isEmpty {
            if matches.count == 1 { return matches[0] }
            throw ambiguity(word, matches)
        }
        return nil
    }

    /// The entries a word may name: `group:` keeps groups; a group's member access is preferred to
    /// its owner access unless `--owner`; `--scope` keeps roles at that scope.
    func candidates(groupsOnly: Bool) -> [RoleEntry] {
        candidates(groupsOnly: groupsOnly, owner: owner, scope: scope)
    }

    func candidates(groupsOnly: Bool, owner: Bool, scope: String?) -> [RoleEntry] {
        var pool = entries
        if groupsOnly { pool = pool.filter { $0.target.kind.isGroup } }
        if owner {
            pool = pool.filter { $0.target.kind != .groupMember }
        } else {
            let memberGroups = Set(pool.filter { $0.target.kind == .groupMember }.map(\.target.id.resourceId))
            pool = pool.filter { $0.target.kind != .groupOwner || !memberGroups.contains($0.target.id.resourceId) }
        }
        if let scope {
            pool = pool.filter { $0.target.kind.isGroup || $0.target.id.scope == scope }
        }
        return pool
    }

    func ambiguity(_ word: String, _ matches: [RoleEntry]) -> UsageError {
        var lines = ["\"\(word)\" matches \(matches.count) roles and groups:"]
        for entry in matches.prefix(10) {
            lines.append(
                """
                  \(Sanitizer.sanitize(entry.target.displayName)) (\(entry.target.kind.label), \
                \(Sanitizer.sanitize(entry.target.scopeLabel)), id \(entry.target.id.resourceId))
                """
            )
        }
        if matches.count > 10 { lines.append("  … and \(matches.count - 10) more") }
        let sameName = Set(matches.map { $0.target.displayName.lowercased() }).count == 1
        if sameName, matches.contains(where: { $0.target.kind == .directoryRole }), matches.count > 1,
            matches.allSatisfy({ $0.target.kind == .directoryRole })
        {
            lines.append("Pick one with --scope SCOPE or give its id.")
        } else if sameName {
            lines.append("Write group:NAME for the group, add --owner for a group's owner access, or give the id.")
        } else {
            lines.append("Type more of the name, or give the id.")
        }
        return UsageError(lines.joined(separator: "\n"))
    }
}
