import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Synchronization
import Testing

/// The Graph client's access reviews against the simulated tenant: the listing pages, several
/// decisions of one review go in one bulk call, a failure names what was and was not recorded, and a
/// lost answer is read back instead of sent twice.
@Suite struct AccessReviewFlowTests {
    /// Passes every exchange to the tenant, except that `rule` may answer (or fail) one first.
    final class Interposer: Transport {
        let tenant: SimulatedTenant
        let rule: Mutex<(@Sendable (HTTPRequest, SimulatedTenant) async throws -> HTTPResponse?)?>

        init(_ tenant: SimulatedTenant) {
            self.tenant = tenant
            rule = Mutex(nil)
        }

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            if let rule = rule.withLock({ $0 }), let answer = try await rule(request, tenant) { return answer }
            return try await tenant.send(request)
        }
    }

    let harness: TenantHarness
    let interposer: Interposer

    init() throws {
        harness = try TenantHarness()
        interposer = Interposer(harness.tenant)
    }

    func service(as persona: String = "ada") -> GraphPIMService {
        GraphPIMService(
            configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
            transport: interposer, tokens: harness.tenant.signIn(as: persona), clock: harness.clock)
    }

    func writes() -> [RecordedRequest] {
        harness.tenant.recordedRequests().filter { $0.method != "GET" }
    }

    @Test func theListingFollowsEveryPageAndGroupsByReview() async throws {
        let decisions = try await service().accessReviewDecisions()
        let queue = AccessReviewQueue(decisions)
        #expect(queue.groups.count == 2)
        #expect(queue.groups.map(\.reviewName).first == "itops-sysadmin-prod-requireapproval members", "due first")
        #expect(queue.groups[0].decisions.count == 12, "two pages of ten")
        #expect(queue.groups[0].scope.stageId != nil)
        #expect(queue.groups[1].decisions.map(\.resourceName).allSatisfy { $0 == "Global Administrator" })
        #expect(queue.groups[1].decisions.allSatisfy { $0.tier == .tier0 && $0.justificationRequired })
        #expect(queue.waiting == 15)
        let pages = harness.tenant.recordedRequests().filter {
            $0.path.hasSuffix("decisions/filterByCurrentUser(on='reviewer')")
        }
        #expect(pages.count == 3, "one page for the single-stage review, two for the stage")
    }

    @Test func everyDecisionOfAReviewGoesInOneBulkCall() async throws {
        let service = service()
        let admins = try await service.accessReviewDecisions().filter { $0.resourceName == "Global Administrator" }
        harness.tenant.clearRecordedRequests()
        let outcomes = try await service.record(admins, .approve, justification: "Still needed")
        #expect(outcomes.allSatisfy { $0.recorded })
        #expect(writes().map(\.method) == ["POST"])
        #expect(writes().first?.path.hasSuffix("/batchRecordDecisions") == true)
        let after = try await service.accessReviewDecisions().filter { $0.resourceName == "Global Administrator" }
        #expect(after.allSatisfy { $0.verdict == .approve && $0.reviewedBy?.displayName == "Ada Admin" })
    }

    @Test func someDecisionsOfAReviewArePatchedEachAndAFailureNamesWhich() async throws {
        let service = service()
        let stage = try await service.accessReviewDecisions().filter { $0.stageId != nil }
        let chosen = Array(stage.prefix(3))
        let refused = chosen[1].decisionId
        interposer.rule.withLock {
            $0 = { request, _ in
                guard request.method == "PATCH", request.url.path.hasSuffix(refused) else { return nil }
                let body = #"{"error":{"code":"Forbidden","message":"Not a reviewer."}}"#
                return HTTPResponse(status: 403, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
            }
        }
        let outcomes = try await service.record(chosen, .approve, justification: "")
        #expect(outcomes.map(\.recorded) == [true, false, true])
        #expect(outcomes[1].failure?.event.contains("not a reviewer") == true)
        // The retry sends only what was not recorded.
        interposer.rule.withLock { $0 = nil }
        harness.tenant.clearRecordedRequests()
        let again = try await service.accessReviewDecisions().filter { d in chosen.contains { $0.id == d.id } }
        let rest = again.filter(\.isWaiting)
        #expect(rest.map(\.id) == [refused])
        #expect(try await service.record(rest, .approve, justification: "").allSatisfy { $0.recorded })
        #expect(writes().count == 1)
    }

    @Test func aLostAnswerIsReadBackAndNotSentTwice() async throws {
        let service = service()
        let one = try #require(try await service.accessReviewDecisions().first { $0.stageId != nil })
        interposer.rule.withLock {
            $0 = { request, tenant in
                guard request.method == "PATCH" else { return nil }
                _ = try await tenant.send(request)
                throw TransportError(.timedOut, "timed out", requestMayHaveBeenSent: true)
            }
        }
        harness.tenant.clearRecordedRequests()
        let outcomes = try await service.record([one], .deny, justification: "Left")
        #expect(outcomes.map(\.recorded) == [true])
        #expect(writes().count == 1, "read back, found recorded, not sent again")
    }

    @Test func acceptingRecommendationsRecordsThemAndAClosedReviewRefuses() async throws {
        let service = service()
        let stage = try #require(AccessReviewQueue(try await service.accessReviewDecisions()).groups.first)
        try await service.acceptRecommendations(stage.scope)
        let after = try await service.accessReviewDecisions().filter { $0.recordingScope == stage.scope }
        #expect(
            after.allSatisfy {
                $0.recommendation.verdict == nil ? $0.isWaiting : $0.verdict.rawValue == $0.recommendation.rawValue
            })
        harness.tenant.advanceClock(by: 14 * 86_400)
        await #expect(throws: PIMError.self) { try await service.acceptRecommendations(stage.scope) }
        do {
            try await service.acceptRecommendations(stage.scope)
        } catch let error as PIMError {
            #expect(error.kind == .refused && error.event.contains("no longer in progress"))
        }
        #expect(try await service.accessReviewDecisions().isEmpty, "nothing in progress after the due dates")
    }

    @Test func aNonReviewerSeesNothing() async throws {
        #expect(try await service(as: "hana").accessReviewDecisions().isEmpty)
    }
}
