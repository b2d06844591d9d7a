import Foundation
import PIMDomain

/// Who decided my requests, for History's "Decided" line. The dashboard lists my requests without it
/// (reading each approval would make the start a second round trip), so it is read after the dashboard
/// is on screen, for the decided requests whose reviewer the pane does not know yet.
extension AppState {
    /// How far back a decided request is worth a read of its approval.
    static let reviewWindow: TimeInterval = 30 * 86_400
    /// At most this many approvals are read per refresh; the rest wait for the next.
    static let reviewsPerLoad = 40

    /// Asks for the reviews `requests` lack, unless a read is already under way (its answer will
    /// cover this dashboard's rows too, matched by request id).
    mutating func loadMissingReviews(of requests: [ElevationRequest]) -> [Effect] {
        guard !isLoadingReviews else { return [] }
        let wanted = Self.reviewsWanted(requests, known: knownReviews, now: now)
        guard !wanted.isEmpty else { return [] }
        isLoadingReviews = true
        return [.loadReviews(wanted)]
    }

    /// The decided requests of the last `reviewWindow` without a known review, newest first, at most
    /// `reviewsPerLoad`: the rows a user is likely to open come first.
    static func reviewsWanted(
        _ requests: [ElevationRequest], known: [String: Review], now: Date
    ) -> [ElevationRequest] {
        let since = now.addingTimeInterval(-reviewWindow)
        let unknown = requests.filter { request in
            guard request.awaitsReview, known[request.id] == nil, let created = request.createdAt else { return false }
            return created >= since
        }
        let newestFirst = unknown.sorted { ($0.createdAt ?? .distantPast) > ($1.createdAt ?? .distantPast) }
        return Array(newestFirst.prefix(reviewsPerLoad))
    }

    /// Keeps what was read and puts it on the History rows of those requests. A request whose read
    /// failed is not among `reviews`: its row stays without a Decided line, and the next refresh asks again.
    mutating func reviewsLoaded(_ reviews: [String: Review]) {
        isLoadingReviews = false
        guard !reviews.isEmpty else { return }
        knownReviews.merge(reviews) { _, read in read }
        // One assignment: each change through `history` would rebuild its search keys.
        var rows = history
        var changed = false
        for index in rows.indices where rows[index].source == .request && rows[index].review == nil {
            guard let id = rows[index].requestId, let review = reviews[id] else { continue }
            rows[index].review = review
            changed = true
        }
        if changed { history = rows }
    }

    /// `requests` with the reviews already read, for the rows a refresh rebuilds.
    func withKnownReviews(_ requests: [ElevationRequest]) -> [ElevationRequest] {
        guard !knownReviews.isEmpty else { return requests }
        return requests.map { request in
            guard request.review == nil, let review = knownReviews[request.id] else { return request }
            var reviewed = request
            reviewed.review = review
            return reviewed
        }
    }

    /// Drops reviews of requests the service no longer lists, so what is kept stays as long as the list.
    mutating func forgetReviews(notIn requests: [ElevationRequest]) {
        guard !knownReviews.isEmpty else { return }
        let listed = Set(requests.map(\.id))
        knownReviews = knownReviews.filter { listed.contains($0.key) }
    }
}
