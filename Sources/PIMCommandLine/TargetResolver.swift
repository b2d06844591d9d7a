import Foundation
import PIMDomain

/// Finds the role, group or Azure role a user means by a TARGET word: an id, `group:NAME`,
/// `azure:ROLE[@SCOPE]`, a display name (case-insensitive) or a unique prefix of one. Ambiguity is a
/// usage error that lists the candidates; no match is a refusal (not eligible) with the closest name.
struct TargetResolver {
    var entries: [RoleEntry]
    /// `--owner`: a group's owner access rather than member.
    var owner: Bool = false
    /// `--scope`: the directory scope of a role, or the ARM scope (id or name) of an Azure role.
    var scope: String?
    /// Why Azure roles could not be read at all: an Azure TARGET then fails with this reason.
    var azureUnavailable: PIMError?

    func resolve(_ word: String) throws -> RoleEntry {
        let (family, text) = TargetFamily.split(word.trimmingCharacters(in: .whitespaces))
        guard !text.isEmpty else {
            let example = family == .azure ? "azure:Contributor" : "group:Finance"
            throw UsageError("\"\(word)\" names no role or group: write the name after the colon, e.g. \(example).")
        }
        if family == .azure { return try resolveAzure(text, word: word) }
        // `--scope` names a directory role's scope by id or by its administrative unit's name.
        let unit = directoryScope()
        var resolver = self
        if case .one(let id) = unit { resolver.scope = id }
        // Both other prefixes are dropped from the word; `group:` also keeps only groups.
        let groupsOnly = family == .group
        let pool = resolver.candidates(groupsOnly: groupsOnly)
        // A bare name means an Azure role only when no role or group answers to it as well (an Azure
        // role reads `--scope` as an ARM scope, as written).
        if family == nil, let azure = try bareAzureMatch(text, word, graphPool: pool) { return azure }
        if case .several(let names) = unit, let scope { throw scopeAmbiguity(scope, names) }
        return try resolver.resolveGraph(text, word: word, pool: pool, groupsOnly: groupsOnly)
    }

    /// A role or group of `pool`, or the refusal that says what I am eligible for instead.
    private func resolveGraph(_ text: String, word: String, pool: [RoleEntry], groupsOnly: Bool) throws -> RoleEntry {
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
        // One role held at several scopes is still one role here: its scopes are what the sentence lists.
        if owner || scope != nil,
            let others = Self.firstTier(text, in: candidates(groupsOnly: groupsOnly, owner: false, scope: nil)),
            let other = others.first, Set(others.map(\.target.id.resourceId)).count == 1
        {
            let name = Sanitizer.sanitize(other.target.displayName)
            if owner, other.target.kind == .groupMember {
                throw PIMError(
                    .refused, "You are eligible for \"\(name)\" as a member, not as an owner: leave --owner out.")
            }
            if let scope, other.target.kind == .directoryRole {
                let scopes = entries.filter { $0.target.id.resourceId == other.target.id.resourceId }
                    .map { Sanitizer.sanitize($0.target.scopeLabel) }
                throw PIMError(
                    .refused,
                    """
                    You are eligible for "\(name)" at \(scopes.joined(separator: ", ")), not at \
                    \(Sanitizer.sanitize(scope)): use one of those with --scope, or leave it out.
                    """)
            }
        }
        // A bare word may be a typo of an Azure role's name too: that one is suggested with its prefix.
        let graphNames = Set(pool.map(\.target.displayName))
        let names = Array(graphNames.union(groupsOnly ? [] : azureEntries.map(\.target.displayName)))
        let closest = Suggestion.closest(to: text.lowercased(), in: names.map { $0.lowercased() })
            .flatMap { lowered in names.first { $0.lowercased() == lowered } }
            .map { graphNames.contains($0) ? $0 : TargetFamily.azure.written($0) }
        var message = "You have no eligible role or group matching \"\(word)\""
        if groupsOnly { message += " among your groups" }
        message += "."
        if let closest { message += " Did you mean \"\(closest)\"?" }
        throw PIMError(.refused, message, step: .seeWhatCanBeActivated)
    }

    /// The one entry of `pool` that `text` names by id, exact name or unique prefix (in that order);
    /// nil for none, a usage error listing them for several.
    func match(_ text: String, _ word: String, in pool: [RoleEntry]) throws -> RoleEntry? {
        guard let matches = Self.firstTier(text, in: pool) else { return nil }
        if matches.count == 1 { return matches[0] }
        throw ambiguity(word, matches)
    }

    /// The entries `text` names, by the first way that names any: by id, by exact name, by prefix of
    /// the name; nil when none does.
    static func firstTier(_ text: String, in pool: [RoleEntry]) -> [RoleEntry]? {
        tiers(text, in: pool).first { !$0.isEmpty }
    }

    /// The entries `text` names by id, by exact name and by prefix of the name, in that order. An
    /// Azure role's ids are its role definition id (or the GUID at its end), its eligibility schedule
    /// id and its active instance's name.
    static func tiers(_ text: String, in pool: [RoleEntry]) -> [[RoleEntry]] {
        let lower = text.lowercased()
        let byId = pool.filter { entry in
            let id = entry.target.id
            if id.resourceId.lowercased() == lower || id.description.lowercased() == lower
                || entry.eligibility?.id.lowercased() == lower
            {
                return true
            }
            guard id.kind.family == .azure else { return false }
            let definitionGuid = id.resourceId.split(separator: "/").last.map { $0.lowercased() }
            return definitionGuid == lower || entry.active?.id.lowercased() == lower
        }
        let byName = pool.filter { $0.target.displayName.lowercased() == lower }
        let byPrefix = pool.filter { $0.target.displayName.lowercased().hasPrefix(lower) }
        return [byId, byName, byPrefix]
    }

    /// The roles and groups a word may name (Azure roles are found apart): `group:` keeps groups; a
    /// group's member access is preferred to its owner access unless `--owner`; `--scope` keeps roles
    /// at that scope.
    func candidates(groupsOnly: Bool) -> [RoleEntry] {
        candidates(groupsOnly: groupsOnly, owner: owner, scope: scope)
    }

    func candidates(groupsOnly: Bool, owner: Bool, scope: String?) -> [RoleEntry] {
        var pool = entries.filter { $0.target.kind.family != .azure }
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
        let azureCount = matches.filter { $0.target.kind.family == .azure }.count
        let noun = azureCount == matches.count ? "Azure roles" : "roles and groups"
        var lines = ["\"\(word)\" matches \(matches.count) \(noun):"]
        for entry in matches.prefix(10) {
            if entry.target.kind.family == .azure {
                let scope = AzureScope(entry.target.id.scope ?? "/")
                lines.append(
                    """
                      \(Sanitizer.sanitize(Self.written(entry, among: azureEntries))) (azure, \(scope.kind.label) \
                    \(Sanitizer.sanitize(entry.target.scopeLabel)))
                    """
                )
                continue
            }
            lines.append(
                """
                  \(Sanitizer.sanitize(entry.target.displayName)) (\(entry.target.kind.label), \
                \(Sanitizer.sanitize(entry.target.scopeLabel)), id \(entry.target.id.resourceId))
                """
            )
        }
        if matches.count > 10 { lines.append("  … and \(matches.count - 10) more") }
        let sameName = Set(matches.map { $0.target.displayName.lowercased() }).count == 1
        if azureCount > 0, azureCount < matches.count {
            lines.append(
                """
                Write azure:NAME for the Azure role (azure:NAME@SCOPE when it has several scopes), group:NAME for \
                the group, or give the id.
                """
            )
        } else if azureCount > 0, sameName {
            lines.append("Write one of these as TARGET, or add --scope SCOPE (the scope's id or name).")
        } else if sameName, matches.contains(where: { $0.target.kind == .directoryRole }), matches.count > 1,
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
