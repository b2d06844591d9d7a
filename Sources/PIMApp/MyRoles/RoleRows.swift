import Foundation
import PIMDomain

/// The rows of My roles, exactly as `RoleEntry.entries` builds and orders them, in a time that
/// suits a refresh of 10,000 rows: the order (active first, then by name as the user's locale
/// sorts it, then by target id) compares each distinct name once instead of on every comparison,
/// and every id's text is built once. `RoleRowsTests` holds the two to the same answer.
enum RoleRows {
    static func entries(_ dashboard: Dashboard) -> [RoleEntry] {
        var byTarget: [TargetID: Int] = [:]
        var rows: [RoleEntry] = []
        rows.reserveCapacity(dashboard.eligibilities.count + dashboard.active.count)
        func index(_ target: ElevationTarget) -> Int {
            if let known = byTarget[target.id] { return known }
            rows.append(RoleEntry(target: target, policy: dashboard.policies[target.id]))
            byTarget[target.id] = rows.count - 1
            return rows.count - 1
        }
        for eligibility in dashboard.eligibilities { rows[index(eligibility.target)].eligibility = eligibility }
        for assignment in dashboard.active {
            let i = index(assignment.target)
            // Prefer the activated instance over a permanent one, and the later end.
            if let current = rows[i].active, current.assignmentType == .activated,
                assignment.assignmentType != .activated
            {
                continue
            }
            rows[i].active = assignment
        }
        for request in dashboard.myRequests where request.status.isPending && request.action == .selfActivate {
            guard let i = byTarget[request.target.id] else { continue }
            if rows[i].pendingRequest == nil
                || (rows[i].pendingRequest?.createdAt ?? .distantPast) < (request.createdAt ?? .distantPast)
            {
                rows[i].pendingRequest = request
            }
        }
        return sorted(rows)
    }

    /// Active first, then by `localizedCaseInsensitiveCompare` of the names, then by the id's text.
    static func sorted(_ rows: [RoleEntry]) -> [RoleEntry] {
        // A closure, not `\.target.displayName`: a key path through a dynamic member is applied at run time.
        let names = Array(Set(rows.map { $0.target.displayName }))
            .sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }
        // Names the comparison calls the same share a rank.
        var rank: [String: Int] = [:]
        var current = 0
        for (n, name) in names.enumerated() {
            if n > 0, names[n - 1].localizedCaseInsensitiveCompare(name) != .orderedSame { current += 1 }
            rank[name] = current
        }
        struct Key { var inactive: Bool; var name: Int; var row: Int }
        var keys = rows.enumerated().map { n, row in
            Key(inactive: row.state != .active, name: rank[row.target.displayName] ?? 0, row: n)
        }
        keys.sort { a, b in
            if a.inactive != b.inactive { return !a.inactive }
            if a.name != b.name { return a.name < b.name }
            return a.row < b.row
        }
        // Rows that tie on both go by the id's text, built for one run of ties at a time rather
        // than for every row at once (10,000 strings of about 100 bytes while a refresh is applied).
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count, keys[end].inactive == keys[start].inactive, keys[end].name == keys[start].name {
                end += 1
            }
            if end - start > 1 {
                let ids = keys[start..<end].map { rows[$0.row].target.id.description }
                let run = ids.indices.sorted { ids[$0] < ids[$1] }.map { keys[start + $0] }
                keys.replaceSubrange(start..<end, with: run)
            }
            start = end
        }
        return keys.map { rows[$0.row] }
    }
}
