import Foundation
import PIMDomain
import PIMGraph
import Testing

extension TenantHarness {
    /// The approver denies `pending` "Not during the freeze"; the requester's requests then carry the
    /// denial with who decided, why and when. Returns the requester's copy of the request.
    static func deniedNotDuringTheFreeze(
        _ pending: ElevationRequest, requester: GraphPIMService, approver: GraphPIMService
    ) async throws -> ElevationRequest {
        #expect(try await requester.myRequests().first { $0.id == pending.id }?.review == nil)
        let item = try #require(try await approver.pendingApprovals().first { $0.request.id == pending.id })
        try await approver.decide(item, .deny, justification: "Not during the freeze")

        let mine = try #require(try await requester.myRequests().first { $0.id == pending.id })
        #expect(mine.status == .denied)
        let review = try #require(mine.review)
        #expect(review.result == .denied)
        #expect(review.reviewer?.displayName?.hasPrefix("Ben") == true)
        #expect(review.justification == "Not during the freeze")
        #expect(review.reviewedAt != nil)
        return mine
    }
}
