import Foundation
import PIMDomain
import Testing
@testable import PIMGraph

/// Who decided a request and why, read from the approval shapes the contracts document.
@Suite struct ReviewDecodingTests {
    @Test func aDecidedGroupStageNamesTheDenierAndTheReason() throws {
        let stage = try GraphDate.decoder().decode(
            ApprovalDTO.Stage.self,
            from: Fixture.data("closedloop.groups.assignmentApprovals.stage-decided.GET.200.composed.json"))
        let review = try #require(Review(deciding: Approval(id: "a", stages: [stage.stage])))
        #expect(review.result == .denied)
        #expect(review.reviewer?.id == "36c4c56e-fce3-4e2d-b28e-4ac0c7d2fa10")
        #expect(review.reviewerName == "MOD Administrator")
        #expect(review.justification == "No change ticket for this window")
        #expect(review.reviewedAt == GraphDate.parse("2026-01-06T08:14:03.21Z"))
    }

    @Test func aBetaRoleStepWithAReviewerCollectionIsReadToo() throws {
        let body = """
            {"id": "r1", "steps": [{"id": "s1", "status": "Completed", "reviewResult": "Approved",
              "justification": "Confirmed", "reviewedDateTime": "2026-01-06T08:14:03Z", "assignedToMe": false,
              "reviewedBy": [{"id": "u-ben", "displayName": "Ben Approver"}]}]}
            """
        let approval = try GraphDate.decoder().decode(ApprovalDTO.self, from: Data(body.utf8)).approval
        let review = try #require(Review(deciding: approval))
        #expect(review.result == .approved)
        #expect(review.reviewerName == "Ben Approver")
        #expect(review.justification == "Confirmed")
    }

    @Test func onlyDecidedGraphRequestsThatWentThroughApprovalAreLookedUp() {
        let target = ElevationTarget(id: .role("r"), displayName: "Global Administrator")
        func request(_ status: RequestStatus, approvalId: String?) -> ElevationRequest {
            ElevationRequest(
                id: "q", target: target, action: .selfActivate, status: status,
                principal: Principal(id: "u"), approvalId: approvalId)
        }
        #expect(GraphPIMService.mayCarryReview(request(.denied, approvalId: "q")))
        #expect(!GraphPIMService.mayCarryReview(request(.pendingApproval, approvalId: "q")))
        #expect(!GraphPIMService.mayCarryReview(request(.provisioned, approvalId: nil)))
    }
}
