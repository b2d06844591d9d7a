import Foundation

extension RoleEntry {
    /// One Azure role is often held at several scopes; `entries` leaves such rows in the order of their
    /// ids, which begin with the role definition's subscription GUID. This puts each run of rows of one
    /// Azure role (same name, both active or both not) in the order of their scope names, then ids, so
    /// "Contributor" at "Prod-Data" comes before "Contributor" at "Prod-Payments". Other rows keep their
    /// places. Linear in the rows, plus a sort of each run.
    public static func azureScopesInOrder(_ rows: [RoleEntry]) -> [RoleEntry] {
        var rows = rows
        var start = 0
        while start < rows.count {
            guard rows[start].target.kind.family == .azure else {
                start += 1
                continue
            }
            let first = rows[start]
            var end = start + 1
            while end < rows.count, rows[end].target.kind.family == .azure,
                (rows[end].state == .active) == (first.state == .active),
                rows[end].target.displayName.localizedCaseInsensitiveCompare(first.target.displayName)
                    == .orderedSame
            {
                end += 1
            }
            if end - start > 1 {
                rows[start..<end].sort { a, b in
                    switch a.target.scopeLabel.localizedCaseInsensitiveCompare(b.target.scopeLabel) {
                    case .orderedAscending: true
                    case .orderedDescending: false
                    case .orderedSame: a.target.id.description < b.target.id.description
                    }
                }
            }
            start = end
        }
        return rows
    }
}
