import Foundation
import PIMDomain

extension Endpoints {
    /// Access reviews (access-reviews-contract.md section 0, rows R1–R8): what I review and my decisions,
    /// each read filtered by me as reviewer, and the three ways of recording decisions.
    enum AccessReviews {
        static let root = "/identityGovernance/accessReviews/definitions"
        static let asReviewer = "filterByCurrentUser(on='reviewer')"
        /// Only what the listing shows, so a page stays small.
        static let definitionFields = "id,displayName,status,scope,settings,stageSettings,descriptionForReviewers"

        /// R1 — review series where I review one or more instances.
        static func definitions() -> GraphRequest {
            GraphRequest(path: "\(root)/\(asReviewer)", query: [.init("$select", definitionFields)])
        }

        /// R2 — the instances of one series I review that take decisions now.
        static func instances(reviewId: String) -> GraphRequest {
            GraphRequest(
                path: "\(root)/\(segment(reviewId))/instances/\(asReviewer)",
                query: [.init("$filter", "status eq 'InProgress'")])
        }

        /// R3 — the stages of a multi-stage instance I review (the caller keeps those in progress).
        static func stages(_ scope: AccessReviewScope) -> GraphRequest {
            GraphRequest(path: "\(instancePath(scope))/stages/\(asReviewer)")
        }

        /// R4 / R5 — my decision items in an instance, or in one stage of it; `top` asks for pages of up
        /// to that many (the dashboard asks for Graph's largest, 100, so a review fits in its batch).
        static func decisions(_ scope: AccessReviewScope, top: Int? = nil) -> GraphRequest {
            GraphRequest(
                path: "\(recordingPath(scope))/decisions/\(asReviewer)",
                query: top.map { [.init("$top", String($0))] } ?? [])
        }

        /// One decision item, read back after a write whose answer was lost.
        static func decision(_ scope: AccessReviewScope, decisionId: String) -> GraphRequest {
            GraphRequest(path: "\(recordingPath(scope))/decisions/\(segment(decisionId))")
        }

        /// R6 — record one decision.
        static func record(
            _ scope: AccessReviewScope, decisionId: String, _ verdict: AccessReviewVerdict, justification: String
        ) -> GraphRequest {
            GraphRequest(
                method: "PATCH", path: "\(recordingPath(scope))/decisions/\(segment(decisionId))",
                body: GraphRequest.json(DecisionBody(decision: verdict.rawValue, justification: justification)))
        }

        /// R7 — record one verdict on every item I review in the instance or stage (no principal or
        /// resource filter: the caller sends it only when that is every item it was asked to decide).
        static func batchRecord(
            _ scope: AccessReviewScope, _ verdict: AccessReviewVerdict, justification: String
        ) -> GraphRequest {
            GraphRequest(
                method: "POST", path: "\(recordingPath(scope))/batchRecordDecisions",
                body: GraphRequest.json(DecisionBody(decision: verdict.rawValue, justification: justification)))
        }

        /// R8 — record the recommendation on every item I have not reviewed; no body.
        static func acceptRecommendations(_ scope: AccessReviewScope) -> GraphRequest {
            GraphRequest(method: "POST", path: "\(recordingPath(scope))/acceptRecommendations")
        }

        static func instancePath(_ scope: AccessReviewScope) -> String {
            "\(root)/\(segment(scope.reviewId))/instances/\(segment(scope.instanceId))"
        }

        /// The instance, or its stage when the review has stages.
        static func recordingPath(_ scope: AccessReviewScope) -> String {
            guard let stage = scope.stageId else { return instancePath(scope) }
            return "\(instancePath(scope))/stages/\(segment(stage))"
        }

        /// An id from the service as one path segment: a slash or a query character in it cannot reach
        /// another path.
        static func segment(_ id: String) -> String {
            id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.")))
                ?? id
        }
    }
}

/// Body of R6 and R7: `decision` and `justification` (principalId/resourceId are not used).
struct DecisionBody: Encodable, Hashable, Sendable {
    var decision: String
    var justification: String
}
