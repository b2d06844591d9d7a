import Foundation
import PIMDomain
import Testing

/// Access review decisions grouped under their review as a list shows them, and Graph's words read
/// in any case.
@Suite struct AccessReviewQueueTests {
    static let now = Date(timeIntervalSince1970: 1_795_435_200)

    static func decision(
        _ id: String, instance: String, stage: String? = nil, due: TimeInterval?,
        verdict: AccessReviewVerdict = .notReviewed
    ) -> AccessReviewDecision {
        AccessReviewDecision(
            reviewId: "rev-\(instance)", reviewName: "Review \(instance)", instanceId: instance, stageId: stage,
            decisionId: id, principal: Principal(id: "u-\(id)"), resourceName: "Global Administrator",
            resourceKind: .directoryRole, verdict: verdict, dueDateTime: due.map { now.addingTimeInterval($0) })
    }

    @Test func decisionsGroupUnderTheirReviewSoonestDueFirstAndCountWhatWaits() {
        let queue = AccessReviewQueue([
            Self.decision("a", instance: "late", due: 3_600 * 48),
            Self.decision("b", instance: "soon", stage: "s1", due: 3_600, verdict: .approve),
            Self.decision("c", instance: "late", due: 3_600 * 48, verdict: .deny),
            Self.decision("d", instance: "soon", stage: "s1", due: 3_600),
            Self.decision("e", instance: "undated", due: nil),
        ])
        #expect(queue.groups.map(\.scope.instanceId) == ["soon", "late", "undated"])
        #expect(queue.groups[0].scope.stageId == "s1")
        #expect(queue.groups.map { $0.decisions.map(\.decisionId) } == [["b", "d"], ["a", "c"], ["e"]])
        #expect(queue.groups.map(\.waiting) == [1, 1, 1])
        #expect(queue.waiting == 3)
        #expect(queue.decisions.map(\.decisionId) == ["b", "d", "a", "c", "e"])
    }

    @Test func twoStagesOfOneInstanceAreTwoReviews() {
        let queue = AccessReviewQueue([
            Self.decision("a", instance: "i", stage: "s1", due: 10),
            Self.decision("b", instance: "i", stage: "s2", due: 20),
        ])
        #expect(queue.groups.count == 2)
    }

    @Test func graphWordsAreReadInAnyCase() {
        #expect(AccessReviewVerdict(graph: "dontknow") == .dontKnow)
        #expect(AccessReviewVerdict(graph: "Maybe") == nil)
        #expect(AccessReviewRecommendation(graph: "approve") == .approve)
        #expect(AccessReviewRecommendation(graph: nil) == .noInfoAvailable)
        #expect(AccessReviewRecommendation(graph: "NotAvailable") == .noInfoAvailable)
        #expect(AccessReviewRecommendation.noInfoAvailable.verdict == nil)
        #expect(AccessReviewResourceKind(graph: "directoryRole") == .directoryRole)
        #expect(AccessReviewResourceKind(graph: "DirectoryRole") == .directoryRole)
        #expect(AccessReviewResourceKind(graph: "AccessPackageAssignmentPolicy") == .other)
    }

    @Test func theTierIsJudgedAsForActivation() {
        #expect(AccessReviewResourceKind.directoryRole.tier(name: "Global Administrator", resourceId: "x") == .tier0)
        #expect(AccessReviewResourceKind.group.tier(name: "pag_Tier0.SAW", resourceId: "g") == .tier0)
        #expect(AccessReviewResourceKind.group.tier(name: "finance-admins", resourceId: "g") == .tier1)
        #expect(AccessReviewResourceKind.other.tier(name: "Global Administrator", resourceId: "x") == .tier2)
    }
}
