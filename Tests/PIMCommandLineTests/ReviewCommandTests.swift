import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

/// `pim reviews` and `pim review` over the fake service: what is sent, what is refused before
/// sending, and what a decision that fails in part tells the user.
@Suite struct ReviewCommandTests {
    static let carl = Principal(id: "u-carl", displayName: "Carl Contractor")
    static let ben = Principal(id: "u-ben", displayName: "Ben Okafor")
    static let ids = [
        "aaaa1111-0000-4000-8000-000000000001", "bbbb2222-0000-4000-8000-000000000002",
        "cccc3333-0000-4000-8000-000000000003",
    ]

    static func tenant(_ configure: (inout FakeService.State) -> Void = { _ in }) -> FakeService {
        FakeService(now: testNow) { state in
            state.accessReviews = ids.enumerated().map { index, id in
                AccessReviewDecision(
                    reviewId: "rev-1", reviewName: "Global Administrator eligibilities",
                    instanceId: "inst-1111-aaaa", decisionId: id,
                    principal: index == 2 ? ben : carl, resourceName: "Global Administrator",
                    resourceKind: .directoryRole, tier: .tier0, recommendation: index == 0 ? .deny : .approve,
                    dueDateTime: testNow.addingTimeInterval(86_400 * 3), justificationRequired: true)
            }
            configure(&state)
        }
    }

    @Test func theTableShowsEachDecisionAndCountsWhatWaits() async {
        let result = await run(["reviews"], service: Self.tenant(), width: 200)
        #expect(result.code == 0)
        #expect(result.stdout.contains("aaaa1111") && !result.stdout.contains("aaaa1111-0000"), "a short id")
        #expect(result.stdout.contains("Carl Contractor"))
        #expect(result.stderr.contains("Waiting for you: 3 decisions in 1 review."))
    }

    @Test func listingKeepsTheDecisionIdsForCompletion() async {
        let environment = ["HOME": isolatedHome()]
        #expect(await run(["reviews"], service: Self.tenant(), environment: environment).code == 0)
        let candidates = await run(["__complete", "reviews"], environment: environment)
        #expect(candidates.stdout == Self.ids.map { $0 + "\n" }.joined())
    }

    @Test func aPartialFailureSaysWhichWereRecordedAndARetryRecordsTheRest() async {
        let service = Self.tenant { $0.refusedReviewIds[Self.ids[1]] = PIMError(.service, "Graph failed.") }
        let first = await run(
            ["review"] + Self.ids.map { String($0.prefix(8)) } + ["--approve", "-j", "ok"],
            service: service)
        #expect(first.code == 5, "the worst of the ids")
        #expect(first.stdout.split(separator: "\n").count == 2)
        #expect(first.stderr.contains("Graph failed."))
        #expect(first.stderr.contains("Recorded: aaaa1111, cccc3333. Not recorded: bbbb2222"), "\(first.stderr)")
        service.state.withLock { $0.refusedReviewIds = [:] }
        let retry = await run(
            ["review"] + Self.ids.map { String($0.prefix(8)) } + ["--approve", "-j", "ok"],
            service: service)
        #expect(retry.code == 0, "\(retry.stderr)")
        #expect(service.read { $0.recordedReviews.map(\.0) } == [Self.ids[0], Self.ids[2], Self.ids[1]])
        #expect(retry.stdout.components(separatedBy: "Already recorded").count == 3, "two were already recorded")
    }

    @Test func aRequiredJustificationIsAskedForBeforeAnythingIsSent() async {
        let service = Self.tenant()
        let result = await run(["review", Self.ids[0], "--deny"], service: service)
        #expect(result.code == 4)
        #expect(result.stderr.contains("asks for a justification with every decision"))
        #expect(service.read { $0.recordedReviews.isEmpty })
    }

    @Test func onATerminalARequiredJustificationIsAskedFor() async {
        let service = Self.tenant()
        let result = await run(
            ["review", Self.ids[0], "--deny"], service: service, input: ["Left the company"], stdinIsTerminal: true,
            terminal: true)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Justification: "))
        #expect(service.read { $0.recordedReviews.map(\.2) } == ["Left the company"])
    }

    @Test func aDecisionAnotherReviewerMadeOrAClosedReviewIsRefusedAndNothingSent() async {
        let service = Self.tenant { state in
            state.accessReviews[0].verdict = .approve
            state.accessReviews[0].reviewedBy = Self.ben
            state.accessReviews[1].inProgress = false
        }
        let other = await run(["review", Self.ids[0], "--deny", "-j", "no"], service: service)
        #expect(other.code == 4)
        #expect(other.stderr.contains("already recorded by Ben Okafor (Approve)"))
        let closed = await run(["review", Self.ids[1], "--deny", "-j", "no"], service: service)
        #expect(closed.code == 4)
        #expect(closed.stderr.contains("no longer in progress"))
        #expect(service.read { $0.recordedReviews.isEmpty })
    }

    @Test func anAmbiguousPrefixIsAUsageErrorAndNoVerdictIsToo() async {
        let service = Self.tenant { state in
            state.accessReviews[1].decisionId = "aaaa1111-9999-4000-8000-000000000002"
        }
        let ambiguous = await run(["review", "aaaa1111", "--approve", "-j", "x"], service: service)
        #expect(ambiguous.code == 2 && ambiguous.stderr.contains("is the start of 2 decision ids"))
        #expect(await run(["review", Self.ids[0], "--approve", "--deny", "-j", "x"], service: service).code == 2)
        #expect(
            await run(["review", Self.ids[0], "--accept-recommendations", "inst-1111"], service: service).code == 2)
        #expect(service.read { $0.recordedReviews.isEmpty })
    }

    @Test func acceptingRecommendationsCountsWhatItRecords() async throws {
        let service = Self.tenant()
        let result = await run(["review", "--accept-recommendations", "inst-1111", "-o", "json"], service: service)
        #expect(result.code == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["acceptedCount"] as? Int == 3)
        #expect(service.read { $0.acceptedReviewScopes.map(\.instanceId) } == ["inst-1111-aaaa"])
    }

    @Test func theJSONRowsHaveProductKeysFirst() async throws {
        let result = await run(["reviews", "-o", "json"], service: Self.tenant())
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows[0]["stageId"] is NSNull)
        #expect(rows[0]["recommendation"] as? String == "Deny")
        #expect(rows[0]["decision"] as? String == "NotReviewed")
        #expect((rows[0]["principal"] as? [String: Any])?["displayName"] as? String == "Carl Contractor")
        let keys = result.stdout.split(separator: "\n").filter { $0.hasPrefix("    \"") }.prefix(10).map {
            $0.split(separator: "\"")[1]
        }
        #expect(
            keys == [
                "reviewId", "instanceId", "stageId", "decisionId", "reviewName", "principal", "resource",
                "recommendation", "decision", "dueDateTime",
            ])
    }
}
