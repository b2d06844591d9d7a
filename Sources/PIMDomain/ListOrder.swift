import Foundation

// The order of each list, one definition for both fronts: the full screen's panes and the command
// line's tables show the same rows in the same order. (My roles' order is `RoleEntry.entries`.) Each
// ends on an id, so rows the service lists in another order next time do not change places.

extension ApprovalItem {
    /// Longest waiting first (its 24-hour window ends soonest), then by request id.
    public static func longestWaitingFirst(_ a: ApprovalItem, _ b: ApprovalItem) -> Bool {
        let x = a.request.createdAt ?? .distantFuture, y = b.request.createdAt ?? .distantFuture
        return x != y ? x < y : a.id < b.id
    }
}

extension ActiveAssignment {
    /// Soonest end first (permanent ones last), then by the role or group's name, then by id.
    public static func soonestEndFirst(_ a: ActiveAssignment, _ b: ActiveAssignment) -> Bool {
        let x = a.end ?? .distantFuture, y = b.end ?? .distantFuture
        if x != y { return x < y }
        let (m, n) = (a.target.displayName, b.target.displayName)
        return m != n ? m < n : a.id < b.id
    }
}

extension ElevationRequest {
    /// Newest first (requests without a date last), then by id.
    public static func newestFirst(_ a: ElevationRequest, _ b: ElevationRequest) -> Bool {
        let x = a.createdAt ?? .distantPast, y = b.createdAt ?? .distantPast
        return x != y ? x > y : a.id < b.id
    }
}
