import Foundation
import PIMDomain

extension FakeService: AccessReviewService {
    public func accessReviewDecisions() async throws -> [AccessReviewDecision] {
        if let failure = read({ $0.failure }) { throw failure }
        return read { $0.accessReviews }
    }

    /// Records each decision as me, except those in `refusedReviewIds`.
    public func record(
        _ decisions: [AccessReviewDecision], _ verdict: AccessReviewVerdict, justification: String
    ) async throws -> [AccessReviewRecordOutcome] {
        if let failure = read({ $0.failure }) { throw failure }
        return state.withLock { s in
            decisions.map { decision in
                if let refusal = s.refusedReviewIds[decision.decisionId] {
                    return AccessReviewRecordOutcome(decisionId: decision.decisionId, failure: refusal)
                }
                s.recordedReviews.append((decision.decisionId, verdict, justification))
                if let index = s.accessReviews.firstIndex(where: { $0.decisionId == decision.decisionId }) {
                    s.accessReviews[index].verdict = verdict
                    s.accessReviews[index].justification = justification
                    s.accessReviews[index].reviewedBy = s.me
                }
                return AccessReviewRecordOutcome(decisionId: decision.decisionId)
            }
        }
    }

    public func acceptRecommendations(_ scope: AccessReviewScope) async throws {
        if let failure = read({ $0.failure }) { throw failure }
        state.withLock { s in
            s.acceptedReviewScopes.append(scope)
            for index in s.accessReviews.indices where s.accessReviews[index].recordingScope == scope {
                guard s.accessReviews[index].isWaiting, let verdict = s.accessReviews[index].recommendation.verdict
                else { continue }
                s.accessReviews[index].verdict = verdict
                s.accessReviews[index].reviewedBy = s.me
            }
        }
    }
}
