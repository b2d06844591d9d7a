import Foundation

/// A service whose dashboard may leave the access reviews to follow it. Reading them is a chain of
/// four levels (series, instances, stages, decisions); a start that does not know the periods in
/// progress yet would wait for all four, so the dashboard is shown after its own reads and the chain,
/// started with it, goes on; `Dashboard.accessReviewsFollow` says so.
public protocol FollowingAccessReviews: Sendable {
    /// The access review decisions of the chain the last dashboard left under way, once it ends; with
    /// none under way, the whole chain read now. Throws why they could not be read.
    func followingAccessReviews() async throws -> [AccessReviewDecision]
}
