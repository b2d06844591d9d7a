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
    }

    public var target: ElevationTarget
    public var eligibility: Eligibility?
    /// Most rows are neither active nor pending: the assignment and the request are kept behind a
    /// pointer, so an absent one costs eight bytes instead of its full size in every row.
    @Indirect public var active: ActiveAssignment?
    @Indirect public var pendingRequest: ElevationRequest?
    public var policy: ActivationPolicy?

    public init(
        target: ElevationTarget, eligibility: Eligibility? = nil, active: ActiveAssignment? = nil,
        pendingRequest: ElevationRequest? = nil, policy: ActivationPolicy? = nil
    ) {
        self.target = target
        self.eligibility = eligibility
        self.active = active
        self.pendingRequest = pendingRequest
        self.policy = policy
    }

    public var id: TargetID { target.id }

    public var state: State {
        if _active.isPresent { return .active }
        if _pendingRequest.isPresent { return .pending }
        return .eligible
    }

    /// When the elevation ends (nil: not active, or permanent).
    public var end: Date? { active?.end }

    /// Activated (not permanently assigned) and therefore deactivatable.
    public var canDeactivate: Bool { active?.assignmentType == .activated }

    /// Eligible and neither active nor pending.
    public var canActivate: Bool { eligibility != nil && !_active.isPresent && !_pendingRequest.isPresent }

    /// Builds the rows of "My roles": every eligibility and every active assignment of mine, merged
    /// per target, with pending requests and policies attached; active first, then by name.
    public static func entries(
        eligibilities: [Eligibility], active: [ActiveAssignment],
        requests: [ElevationRequest], policies: [TargetID: ActivationPolicy]
    ) -> [RoleEntry] {
        var byTarget: [TargetID: RoleEntry] = [:]
        var order: [TargetID] = []
        func touch(_ target: ElevationTarget, _ change: (inout RoleEntry) -> Void) {
            if byTarget[target.id] == nil {
                byTarget[target.id] = RoleEntry(target: target, policy: policies[target.id])
                order.append(target.id)
            }
            change(&byTarget[target.id]!)
        }
        for eligibility in eligibilities { touch(eligibility.target) { $0.eligibility = eligibility } }
        for assignment in active {
            touch(assignment.target) { entry in
                // Prefer the activated instance over a permanent one, and the later end.
                if let current = entry.active, current.assignmentType == .activated,
                    assignment.assignmentType != .activated
                {
                    return
                }
                entry.active = assignment
            }
        }
        for request in requests where request.status.isPending && request.action == .selfActivate {
            guard byTarget[request.target.id] != nil else { continue }
            touch(request.target) { entry in
                if entry.pendingRequest == nil
                    || (entry.pendingRequest?.createdAt ?? .distantPast) < (request.createdAt ?? .distantPast)
                {
                    entry.pendingRequest = request
                }
            }
        }
        return order.compactMap { byTarget[$0] }.sorted { a, b in
            if (a.state == .active) != (b.state == .active) { return a.state == .active }
            let byName = a.target.displayName.localizedCaseInsensitiveCompare(b.target.displayName)
            if byName != .orderedSame { return byName == .orderedAscending }
            return a.target.id.description < b.target.id.description
        }
    }
}

extension Dashboard {
    /// The rows of "My roles".
    public var roleEntries: [RoleEntry] {
        RoleEntry.entries(eligibilities: eligibilities, active: active, requests: myRequests, policies: policies)
    }
}
