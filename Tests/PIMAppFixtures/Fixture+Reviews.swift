import Foundation
import PIMApp
import PIMDomain

extension Fixture {
    static func reviewDecision(
        _ n: Int, _ principal: Principal, review: String, name: String, stage: String? = nil, resource: String,
        kind: AccessReviewResourceKind, tier: PrivilegeTier, recommendation: AccessReviewRecommendation,
        due: Double, lastSignIn: Double? = nil, reason: String? = nil, required: Bool = false
    ) -> AccessReviewDecision {
        AccessReviewDecision(
            reviewId: "rev-\(review)", reviewName: name, instanceId: "inst-\(review)", stageId: stage,
            decisionId: "d\(n)0000000-\(review)-0000-0000-000000000000", principal: principal, resourceName: resource,
            resourceKind: kind, tier: tier, recommendation: recommendation, dueDateTime: at(due),
            principalLastSignIn: lastSignIn.map(at), recommendationReason: reason, justificationRequired: required)
    }

    /// Two reviews as the demo tenant has them: Global Administrator eligibilities (a justification
    /// required with every decision, due in 2d 4h), and a group's members at its first stage.
    public static let accessReviews: [AccessReviewDecision] = [
        reviewDecision(
            1, ada, review: "ga", name: "Global Administrator eligibilities", resource: "Global Administrator",
            kind: .directoryRole, tier: .tier0, recommendation: .approve, due: 52, lastSignIn: -20,
            reason: "Signed in within the last 30 days", required: true),
        reviewDecision(
            2, ben, review: "ga", name: "Global Administrator eligibilities", resource: "Global Administrator",
            kind: .directoryRole, tier: .tier0, recommendation: .deny, due: 52, lastSignIn: -24 * 61,
            reason: "No sign-in in the last 30 days", required: true),
        reviewDecision(
            3, chloe, review: "ga", name: "Global Administrator eligibilities", resource: "Global Administrator",
            kind: .directoryRole, tier: .tier0, recommendation: .noInfoAvailable, due: 52, required: true),
        reviewDecision(
            4, hana, review: "grp", name: "itops-sysadmin-prod-requireapproval members", stage: "stage-1",
            resource: "itops-sysadmin-prod-requireapproval", kind: .group, tier: .tier1, recommendation: .approve,
            due: 124, lastSignIn: -3, reason: "Signed in within the last 30 days"),
        reviewDecision(
            5, ben, review: "grp", name: "itops-sysadmin-prod-requireapproval members", stage: "stage-1",
            resource: "itops-sysadmin-prod-requireapproval", kind: .group, tier: .tier1, recommendation: .deny,
            due: 124, lastSignIn: -24 * 45, reason: "No sign-in in the last 30 days"),
    ]

    /// The loaded state with the access reviews, on pane 5.
    public static func reviewsLoaded(
        width: Int = 80, height: Int = 24, decisions: [AccessReviewDecision] = accessReviews
    ) -> AppState {
        var state = AppState(
            config: AppConfig(tenantLabel: "contoso.example (demo)"), now: now, width: width, height: height)
        _ = update(&state, .start)
        var loaded = dashboard
        loaded.accessReviews = decisions
        _ = update(&state, .dashboardLoaded(.success(loaded)))
        _ = update(&state, .key("5"))
        return state
    }
}
