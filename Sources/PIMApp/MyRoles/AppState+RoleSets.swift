import PIMDomain

extension AppState {
    /// `@`: marks the rows of the next role set of the configuration (sets in name order), so one
    /// `Enter` opens one form for all of them, as `pim activate @name` does. Rows already active or
    /// pending are left unmarked and named, like names that match no row.
    mutating func markNextRoleSet() {
        let names = config.roleSets.keys.sorted()
        guard !names.isEmpty else { return }
        let next = markedRoleSet.flatMap { names.firstIndex(of: $0) }.map { ($0 + 1) % names.count } ?? 0
        let name = names[next]
        markedRoleSet = name
        pane = .myRoles
        var marked: Set<String> = []
        var markedNames: [String] = [], skipped: [String] = [], unknown: [String] = []
        for entry in config.roleSets[name] ?? [] {
            guard let role = Self.roleSetMatch(entry, in: roles) else { unknown.append(entry); continue }
            guard role.canActivate else {
                skipped.append("\(role.target.interfaceName) (\(role.state == .pending ? "pending" : "active"))")
                continue
            }
            if marked.insert(role.rowID).inserted { markedNames.append(role.target.interfaceName) }
        }
        // A filter that hides a marked row would hide what the form will activate: it is cleared.
        if var list = lists[.myRoles], !list.filterText.isEmpty,
            !marked.isSubset(of: Set(list.visible.map { roles[$0].rowID }))
        {
            list.filter = TextField()
            lists[.myRoles] = list
            refilter(.myRoles)
        }
        lists[.myRoles]?.marked = marked
        var text =
            markedNames.isEmpty
            ? "@\(name): nothing to mark."
            : "@\(name): marked \(markedNames.joined(separator: ", ")); Enter activates them."
        if !skipped.isEmpty { text += " Not marked: \(skipped.joined(separator: ", "))." }
        if !unknown.isEmpty { text += " No row matches \(unknown.map { "\"\($0)\"" }.joined(separator: ", "))." }
        if names.count > 1 { text += " @ again: @\(names[(next + 1) % names.count])." }
        flash(text, markedNames.isEmpty || !unknown.isEmpty ? .warning : .info)
    }

    /// A TARGET of a role set, written as on the command line: `group:NAME`, `azure:ROLE[@SCOPE]`, an
    /// id, a display name, or a unique start of one (case does not matter).
    static func roleSetMatch(_ written: String, in roles: [RoleEntry]) -> RoleEntry? {
        let text = written.trimmingCharacters(in: .whitespaces)
        // `group:NAME` keeps groups; any other word is matched whole (`role:…@/` is a role's id).
        let (family, rest) = TargetFamily.split(text)
        if family == .azure { return azureRoleSetMatch(rest, in: roles) }
        let name = family == .group ? rest : text
        let candidates = family == .group ? roles.filter { $0.target.kind.family == .group } : roles
        if let byId = candidates.first(where: {
            $0.target.id.description.caseInsensitiveCompare(name) == .orderedSame
                || $0.target.id.resourceId.caseInsensitiveCompare(name) == .orderedSame
        }) {
            return byId
        }
        let exact = candidates.filter { $0.target.displayName.caseInsensitiveCompare(name) == .orderedSame }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 { return exact.first { $0.canActivate } ?? exact[0] }
        let prefix = candidates.filter { $0.target.displayName.lowercased().hasPrefix(name.lowercased()) }
        return prefix.count == 1 ? prefix[0] : nil
    }

    /// `ROLE` or `ROLE@SCOPE` among the Azure rows, as `pim activate azure:…` reads it: the role by its
    /// name (case does not matter), the scope by its ARM id (either spelling), its name, or a unique
    /// start of its name. Nothing when that leaves more than one row: a role set names one target per entry.
    static func azureRoleSetMatch(_ written: String, in roles: [RoleEntry]) -> RoleEntry? {
        let (name, scope): (String, String?) =
            if let at = written.firstIndex(of: "@") {
                (String(written[..<at]), String(written[written.index(after: at)...]))
            } else {
                (written, nil)
            }
        var candidates = roles.filter {
            $0.target.kind.family == .azure && $0.target.displayName.caseInsensitiveCompare(name) == .orderedSame
        }
        if let scope, !scope.isEmpty {
            let canonical = AzureScope(scope).canonical
            let byId = candidates.filter {
                AzureScope($0.target.id.scope ?? "").canonical.caseInsensitiveCompare(canonical) == .orderedSame
            }
            // A scope's whole name wins over the start of a longer one ("Prod-Payments / app-rg").
            let byName = candidates.filter { $0.target.scopeLabel.caseInsensitiveCompare(scope) == .orderedSame }
            let byStart = candidates.filter { $0.target.scopeLabel.lowercased().hasPrefix(scope.lowercased()) }
            candidates = !byId.isEmpty ? byId : (!byName.isEmpty ? byName : byStart)
        }
        return candidates.count == 1 ? candidates[0] : nil
    }
}
