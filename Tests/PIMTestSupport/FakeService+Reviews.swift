import Foundation
import PIMDomain

extension FakeService: ReviewLookup {
    /// The reviews `approvalReviews` holds for `requests`; records what was asked.
    public func reviews(of requests: [ElevationRequest]) async -> [String: Review] {
        state.withLock { s in
            s.reviewLookups.append(requests.map(\.id))
            return s.approvalReviews.filter { id, _ in requests.contains { $0.id == id } }
        }
    }
}
