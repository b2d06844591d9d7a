import Foundation
import PIMDomain
import Testing

@Suite struct ReviewTests {
    let ben = Principal(id: "u-ben", displayName: "Ben Okafor")
    let cleo = Principal(id: "u-cleo", displayName: "Cleo Park")

    @Test func aDenialDecidesEvenAfterAnApprovedStage() throws {
        let approval = Approval(
            id: "a",
            stages: [
                ApprovalStage(
                    id: "s1", status: "Completed", assignedToMe: false, reviewResult: .approved,
                    justification: "fine", reviewedBy: cleo, reviewedAt: Date(timeIntervalSince1970: 100)),
                ApprovalStage(
                    id: "s2", status: "Completed", assignedToMe: false, reviewResult: .denied,
                    justification: "Not during the freeze", reviewedBy: ben,
                    reviewedAt: Date(timeIntervalSince1970: 200)),
            ])
        let review = try #require(Review(deciding: approval))
        #expect(review.result == .denied)
        #expect(review.reviewerName == "Ben Okafor")
        #expect(review.justification == "Not during the freeze")
        #expect(review.reviewedAt == Date(timeIntervalSince1970: 200))
    }

    @Test func anUndecidedApprovalHasNoReviewAndAnUnnamedReviewerIsAnApprover() throws {
        let open = Approval(id: "a", stages: [ApprovalStage(id: "s", status: "InProgress", assignedToMe: true)])
        #expect(Review(deciding: open) == nil)
        let anonymous = Approval(
            id: "a",
            stages: [
                ApprovalStage(
                    id: "s", status: "Completed", assignedToMe: false, reviewResult: .approved, justification: "")
            ])
        let review = try #require(Review(deciding: anonymous))
        #expect(review.reviewerName == "an approver")
        #expect(review.justification == nil)
    }
}
