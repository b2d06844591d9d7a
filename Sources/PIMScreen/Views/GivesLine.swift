import PIMDomain

/// The "Gives" line of a group row in My roles: the roles the group holds, eligible ones first, each
/// with its scope — "Global Administrator (Directory), Security Reader (Directory) · eligible" — cut to
/// the room there is with a count of the roles left out.
enum GivesLine {
    /// The line's value; nil for rows that are not groups, and for a group known to hold no role (the
    /// strip then reads as before: membership gives the group's own access and nothing more).
    static func text(for role: RoleEntry, room: Int) -> String? {
        guard role.target.kind.family == .group else { return nil }
        if role.confers.isEmpty {
            return role.confersUnread ? "could not be read: Graph did not answer for the group's roles" : nil
        }
        // Names are the service's: measured as they will be shown, after the sanitiser.
        let items = role.confers.map { (text: Sanitizer.sanitize("\($0.name) (\($0.scopeName))"), holding: $0.holding) }
        let suffix = role.confersUnread ? " · incomplete" : ""
        for shown in stride(from: items.count, through: 1, by: -1) {
            let rest = items.count - shown
            let candidate = compose(items.prefix(shown)) + (rest > 0 ? " … +\(rest) more" : "") + suffix
            if DisplayWidth.of(candidate) <= room { return candidate }
        }
        // Not even one fits whole: the first, cut, and the count of the rest.
        let rest = items.count - 1
        let tail = (rest > 0 ? " +\(rest) more" : "") + suffix
        return DisplayWidth.truncate(compose(items.prefix(1)), to: max(1, room - DisplayWidth.of(tail))) + tail
    }

    /// "A, B · eligible; C · active": the items of each holding together, in the order given.
    private static func compose(_ items: ArraySlice<(text: String, holding: ConferredRole.Holding)>) -> String {
        var parts: [String] = []
        for holding in [ConferredRole.Holding.eligible, .active] {
            let names = items.filter { $0.holding == holding }.map(\.text)
            if !names.isEmpty { parts.append(names.joined(separator: ", ") + " · " + holding.rawValue) }
        }
        return parts.joined(separator: "; ")
    }
}
