import Foundation
import PIMDomain

/// Azure roles as TARGET words: `azure:ROLE` when I am eligible for ROLE at one scope only, else
/// `azure:ROLE@SCOPE` or `azure:ROLE --scope SCOPE`, where SCOPE is an ARM scope id (either spelling of
/// a subscription) or a unique prefix of the scope's name. The same role at several scopes is a usage
/// error listing each as a word the user can copy.
extension TargetResolver {
    /// My Azure eligibilities and active Azure roles.
    var azureEntries: [RoleEntry] { entries.filter { $0.target.kind.family == .azure } }

    /// `ROLE[@SCOPE]` of an `azure:` word.
    func resolveAzure(_ text: String, word: String) throws -> RoleEntry {
        let pool = azureEntries
        if pool.isEmpty, let azureUnavailable { throw Self.signInNeeded(azureUnavailable) }
        try refuseOwner(for: word)
        let known = Set(pool.map { $0.target.displayName.lowercased() })
        let (roleText, atScope) = Self.splitScope(text, knownNames: known)
        // Both spellings of one scope agree; two different scopes are a contradiction, not a choice.
        if let atScope, let scope,
            AzureScopeMatch.entries(pool, naming: scope) != AzureScopeMatch.entries(pool, naming: atScope)
        {
            throw UsageError(
                """
                "\(word)" names the scope \(Sanitizer.sanitize(atScope)) and --scope names \
                \(Sanitizer.sanitize(scope)): give the scope once.
                """
            )
        }
        guard let named = Self.firstTier(roleText, in: pool) else {
            throw notEligibleForAzure(roleText, word: word, pool: pool)
        }
        return try narrowAzure(named, word: word, scope: atScope ?? scope)
    }

    /// Why an Azure TARGET cannot be used, as a sign-in that is needed (exit 3): what is missing is a
    /// token for Azure Resource Manager, whatever the service's reason was filed as.
    static func signInNeeded(_ reason: PIMError) -> PIMError {
        var needed = reason
        needed.kind = .signInRequired
        return needed
    }

    /// A bare word that names an Azure role, at a tier where no role or group answers to it: the Azure
    /// role. Both at the same tier: a usage error naming how to write each. nil: not an Azure role.
    func bareAzureMatch(_ text: String, _ word: String, graphPool: [RoleEntry]) throws -> RoleEntry? {
        let azure = Self.tiers(text, in: azureEntries)
        let graph = Self.tiers(text, in: graphPool)
        for (graphTier, azureTier) in zip(graph, azure) where !graphTier.isEmpty || !azureTier.isEmpty {
            if azureTier.isEmpty { return nil }
            if !graphTier.isEmpty { throw ambiguity(word, graphTier + azureTier) }
            try refuseOwner(for: word)
            return try narrowAzure(azureTier, word: word, scope: scope)
        }
        return nil
    }

    /// The one of `named` (one role's eligibilities, possibly at several scopes) that `scope` picks.
    func narrowAzure(_ named: [RoleEntry], word: String, scope: String?) throws -> RoleEntry {
        if Set(named.map { $0.target.displayName.lowercased() }).count > 1 { throw ambiguity(word, named) }
        guard let scope else {
            if named.count == 1 { return named[0] }
            throw ambiguity(word, named)
        }
        let atScope = AzureScopeMatch.entries(named, naming: scope)
        if atScope.count == 1 { return atScope[0] }
        if atScope.count > 1 { throw ambiguity(word, atScope) }
        let name = Sanitizer.sanitize(named[0].target.displayName)
        let scopes = named.map { Sanitizer.sanitize($0.target.scopeLabel) }
        let example = Self.quoted(
            TargetFamily.azure.written(named[0].target.displayName) + "@" + named[0].target.scopeLabel)
        throw PIMError(
            .refused,
            """
            You are eligible for the Azure role "\(name)" at \(scopes.joined(separator: ", ")), not at \
            \(Sanitizer.sanitize(scope)): write one of those after @ (\(Sanitizer.sanitize(example))), or leave the \
            scope out.
            """)
    }

    /// `--owner` is a group's access: an Azure role has none.
    func refuseOwner(for word: String) throws {
        guard owner else { return }
        throw UsageError("--owner applies to groups, and \"\(word)\" is an Azure role: leave --owner out.")
    }

    func notEligibleForAzure(_ roleText: String, word: String, pool: [RoleEntry]) -> PIMError {
        let names = Array(Set(pool.map(\.target.displayName)))
        let closest = Suggestion.closest(to: roleText.lowercased(), in: names.map { $0.lowercased() })
            .flatMap { lowered in names.first { $0.lowercased() == lowered } }
        var message = "You have no eligible Azure role matching \"\(word)\"."
        if let closest { message += " Did you mean \"\(TargetFamily.azure.written(closest))\"?" }
        return PIMError(.refused, message, step: .seeWhatCanBeActivated)
    }

    /// `ROLE@SCOPE` split at the `@`: the first whose left side is a role name I hold, else the first.
    /// A role name that itself holds an `@` is the whole text when it names one.
    static func splitScope(_ text: String, knownNames: Set<String>) -> (role: String, scope: String?) {
        if knownNames.contains(text.lowercased()) { return (text, nil) }
        let cuts = text.indices.filter { text[$0] == "@" }
        let cut = cuts.first { knownNames.contains(text[..<$0].lowercased()) } ?? cuts.first
        guard let cut else { return (text, nil) }
        let scope = String(text[text.index(after: cut)...]).trimmingCharacters(in: .whitespaces)
        return (String(text[..<cut]).trimmingCharacters(in: .whitespaces), scope.isEmpty ? nil : scope)
    }

    /// How a user writes `entry` so that it names it alone among `all`: `azure:ROLE` when the role has
    /// one scope, `azure:ROLE@SCOPENAME` when the scope's name tells them apart, else the scope id;
    /// quoted when the shell would split it.
    static func written(_ entry: RoleEntry, among all: [RoleEntry]) -> String {
        quoted(TargetFamily.azure.written(entry.target.displayName) + scopeSuffix(entry, among: all))
    }

    /// `word` in double quotes when a shell would split it or read something in it.
    static func quoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_.:@/".contains($0) }
        return plain ? word : "\"\(word)\""
    }

    /// `@SCOPENAME` (or `@SCOPE-ID`) when `entry`'s role name is held at more than one scope; else "".
    static func scopeSuffix(_ entry: RoleEntry, among all: [RoleEntry]) -> String {
        let name = entry.target.displayName.lowercased()
        let sameRole = all.filter {
            $0.target.kind.family == .azure && $0.target.displayName.lowercased() == name
        }
        guard sameRole.count > 1 else { return "" }
        let label = entry.target.scopeLabel
        let sameLabel = sameRole.filter { $0.target.scopeLabel.lowercased() == label.lowercased() }
        return "@" + (sameLabel.count > 1 ? (entry.target.id.scope ?? "/") : label)
    }
}

/// Which Azure eligibilities a SCOPE word names: its ARM scope id in either spelling (compared without
/// case), else the exact name of the scope, else a prefix of the name. A word naming several scopes by
/// prefix returns them all, for the caller to list.
enum AzureScopeMatch {
    static func entries(_ pool: [RoleEntry], naming word: String) -> [RoleEntry] {
        let wanted = word.trimmingCharacters(in: .whitespaces)
        let lower = wanted.lowercased()
        if wanted.contains("/") {
            let wantedKey = AzureScope(wanted).key
            let byId = pool.filter { AzureScope($0.target.id.scope ?? "/").key == wantedKey }
            if !byId.isEmpty { return byId }
        }
        let byName = pool.filter { $0.target.scopeLabel.lowercased() == lower }
        if !byName.isEmpty { return byName }
        return pool.filter { $0.target.scopeLabel.lowercased().hasPrefix(lower) }
    }
}
