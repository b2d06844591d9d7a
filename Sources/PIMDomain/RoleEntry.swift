import Foundation

/// One row of "My roles": a target I can activate or have active, with what is known about it.
/// Eligibilities and active assignments of the same target merge into one entry.
public struct RoleEntry: Hashable, Sendable, Identifiable {
    public enum State: String, Hashable, Sendable, Codable {
        /// Can be activated.
        case eligible
        /// A request for it waits for approval (or provisioning).
        case pending
        /// In force now.
        case active
        /// Granted to begin later (`pim activate --start`); active from its request's start.
        case scheduled
    }

    public var target: ElevationTarget
    public var eligibility: Eligibility?
    /// Most rows are neither active nor pending: the assignment and the request are kept behind a
    /// pointer, so an absent one costs eight bytes instead of its full size in every row.
    @Indirect public var active: ActiveAssignment?
    @Indirect public var pendingRequest: ElevationRequest?
    /// A granted request of mine whose schedule begins later, while nothing is active yet.
    @Indirect public var scheduledRequest: ElevationRequest?
    public var policy: ActivationPolicy?
    /// For a group row: the roles the group holds, which its membership or ownership confers
    /// (`ConferredRole.ordered`); empty for directory and Azure rows.
    public var confers: [ConferredRole] = []
    /// For a group row: what the group gives could not be read, so an empty `confers` means "unknown".
    public var confersUnread = false

    public init(
        target: ElevationTarget, eligibility: Eligibility? = nil, active: ActiveAssignment? = nil,
        pendingRequest: ElevationRequest? = nil, policy: ActivationPolicy? = nil,
        scheduledRequest: ElevationRequest? = nil
    ) {
        self.target = target
        self.eligibility = eligibility
        self.active = active
        self.pendingRequest = pendingRequest
        self.scheduledRequest = scheduledRequest
        self.policy = policy
    }

    public var id: TargetID { target.id }

    public var state: State {
        if _active.isPresent { return .active }
        if _pendingRequest.isPresent { return .pending }
        if _scheduledRequest.isPresent { return .scheduled }
        return .eligible
    }

    /// When a scheduled activation begins (nil: none is scheduled, or it has begun).
    public var scheduledStart: Date? { state == .scheduled ? scheduledRequest?.start : nil }

    /// When the elevation ends (nil: not active, or permanent).
    public var end: Date? { active?.end }

    /// Activated (not permanently assigned) and therefore deactivatable.
    public var canDeactivate: Bool { active?.assignmentType == .activated }

    /// Eligible and neither active, pending nor scheduled.
    public var canActivate: Bool {
        eligibility != nil && !_active.isPresent && !_pendingRequest.isPresent && !_scheduledRequest.isPresent
    }

    /// Builds the rows of "My roles": every eligibility and every active assignment of mine, merged
    /// per target, with pending requests and policies attached; active first, then by name as the
    /// user's locale sorts it, then by target id. Sized for a refresh of 10,000 rows: each distinct
    /// name is compared once rather than on every comparison, and ids' text is built only for ties.
    public static func entries(
        eligibilities: [Eligibility], active: [ActiveAssignment],
        requests: [ElevationRequest], policies: [TargetID: ActivationPolicy],
        confers: [String: [ConferredRole]] = [:], confersUnread: Bool = false
    ) -> [RoleEntry] {
        // Sized once: at 50,000 targets the table is 6 MB, and growing it holds the old one too.
        var byTarget: [TargetID: Int] = [:]
        byTarget.reserveCapacity(eligibilities.count + active.count)
        var rows: [RoleEntry] = []
        rows.reserveCapacity(eligibilities.count + active.count)
        func index(_ target: ElevationTarget) -> Int {
            if let known = byTarget[target.id] { return known }
            var row = RoleEntry(target: target, policy: policies[target.id])
            if target.kind.family == .group {
                row.confers = confers[target.id.resourceId] ?? []
                row.confersUnread = confersUnread
            }
            rows.append(row)
            byTarget[target.id] = rows.count - 1
            return rows.count - 1
        }
        for eligibility in eligibilities { rows[index(eligibility.target)].eligibility = eligibility }
        for assignment in active {
            let i = index(assignment.target)
            // Prefer the activated instance over a permanent one, and the later end.
            if let current = rows[i].active, current.assignmentType == .activated,
                assignment.assignmentType != .activated
            {
                continue
            }
            rows[i].active = assignment
        }
        for request in requests where request.status.isPending && request.action == .selfActivate {
            guard let i = byTarget[request.target.id] else { continue }
            if rows[i].pendingRequest == nil
                || (rows[i].pendingRequest?.createdAt ?? .distantPast) < (request.createdAt ?? .distantPast)
            {
                rows[i].pendingRequest = request
            }
        }
        // Granted to begin later: the instance does not exist until the start, the request says when.
        for request in requests where request.isScheduledActivation {
            guard let i = byTarget[request.target.id], rows[i].active == nil else { continue }
            if (rows[i].scheduledRequest?.start ?? .distantPast) < (request.start ?? .distantPast) {
                rows[i].scheduledRequest = request
            }
        }
        // Dropped before sorting, which makes the rows' second copy.
        byTarget = [:]
        return sorted(rows)
    }

    /// Active first, then by `localizedCaseInsensitiveCompare` of the names, then (one Azure role held at
    /// several scopes) by the scope's name, then by the id's text: an Azure id begins with a subscription
    /// GUID, which would order "Prod-Payments" and "Dev-Sandbox" by chance.
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
                let ties = keys[start..<end].map { key in
                    let target = rows[key.row].target
                    return (scope: target.kind.family == .azure ? target.scopeLabel : "", id: target.id.description)
                }
                // The locale-aware comparison only where a scope name decides (Azure rows): thousands of
                // tied directory rows compare their ids' bytes, as before Azure roles.
                let run = ties.indices.sorted { a, b in
                    if ties[a].scope.isEmpty && ties[b].scope.isEmpty { return ties[a].id < ties[b].id }
                    switch ties[a].scope.localizedCaseInsensitiveCompare(ties[b].scope) {
                    case .orderedAscending: return true
                    case .orderedDescending: return false
                    case .orderedSame: return ties[a].id < ties[b].id
                    }
                }.map { keys[start + $0] }
                keys.replaceSubrange(start..<end, with: run)
            }
            start = end
        }
        return keys.map { rows[$0.row] }
    }
}

extension ElevationRequest {
    /// An activation the service granted with a start of its own (`--start`): Graph says `Granted` or
    /// `ScheduleCreated` (`Scheduled` in some tenants) until the start, then `Provisioned`.
    public var isScheduledActivation: Bool {
        guard action == .selfActivate, start != nil else { return false }
        switch status {
        case .granted, .scheduleCreated: return true
        case .other(let value): return value.caseInsensitiveCompare("Scheduled") == .orderedSame
        default: return false
        }
    }
}

extension Dashboard {
    /// The rows of "My roles".
    public var roleEntries: [RoleEntry] {
        RoleEntry.entries(
            eligibilities: eligibilities, active: active, requests: myRequests, policies: policies,
            confers: confers, confersUnread: confersUnread != nil)
    }
}
