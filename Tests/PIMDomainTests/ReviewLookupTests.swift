import Foundation
import PIMDomain
import Testing

/// Which of my requests an approval can name a decider for: the ones the History pane asks about.
@Suite struct ReviewLookupTests {
    func request(_ status: RequestStatus, approvalId: String? = "appr-1", review: Review? = nil) -> ElevationRequest {
        ElevationRequest(
            id: "req-1", target: ElevationTarget(id: .group("g-1"), displayName: "itops"), action: .selfActivate,
            status: status, principal: Principal(id: "u-ada"), approvalId: approvalId, review: review)
    }

    @Test func aDeniedOrApprovedRequestWithAnApprovalAwaitsItsReview() {
        for status: RequestStatus in [.denied, .granted, .provisioned, .scheduleCreated, .revoked] {
            #expect(request(status).awaitsReview, "\(status)")
        }
    }

    @Test func nothingIsAskedWhereNoOneDecidedOrTheReviewIsKnown() {
        for status: RequestStatus in [.pendingApproval, .pendingProvisioning, .canceled, .failed, .other("TimedOut")] {
            #expect(!request(status).awaitsReview, "\(status)")
        }
        #expect(!request(.denied, approvalId: nil).awaitsReview)
        #expect(!request(.denied, approvalId: "").awaitsReview)
        #expect(!request(.denied, review: Review(result: .denied)).awaitsReview)
    }
}
