import Foundation
import PIMDomain

extension JSONRows {
    /// One access review decision (`pim reviews`, `pim review`): product.md's keys, then the extras
    /// docs/cli-output.md lists.
    static func accessReviewDecision(_ decision: AccessReviewDecision) -> JSONValue {
        .object([
            ("reviewId", .string(decision.reviewId)),
            ("instanceId", .string(decision.instanceId)),
            ("stageId", .string(decision.stageId)),
            ("decisionId", .string(decision.decisionId)),
            ("reviewName", .string(decision.reviewName)),
            ("principal", principal(decision.principal)),
            ("resource", .string(decision.resourceName)),
            ("recommendation", .string(decision.recommendation.rawValue)),
            ("decision", .string(decision.verdict.rawValue)),
            ("dueDateTime", .date(decision.dueDateTime)),
            ("resourceType", .string(decision.resourceKind.rawValue)),
            ("tier", .string(decision.tier.label)),
            ("justification", .string(decision.justification)),
            ("reviewedBy", principal(decision.reviewedBy)),
            ("principalLastSignInDateTime", .date(decision.principalLastSignIn)),
            ("recommendationReason", .string(decision.recommendationReason)),
            ("justificationRequired", .bool(decision.justificationRequired)),
        ])
    }
}
