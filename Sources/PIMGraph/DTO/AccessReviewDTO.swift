import Foundation
import PIMDomain

/// An identity as access reviews print it: `userIdentity` with `@odata.type`, a group as
/// `{id, displayName, type}` without it, or the zero id with empty strings for "nobody yet".
struct ReviewIdentityDTO: Decodable {
    var id: String?
    var displayName: String?
    var userPrincipalName: String?
    var lastSignIn: Date?

    enum CodingKeys: String, CodingKey { case id, displayName, userPrincipalName, lastUserSignInDateTime }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenient(String.self, forKey: .id).flatMap { $0.isEmpty ? nil : $0 }
        displayName = c.lenient(String.self, forKey: .displayName).flatMap { $0.isEmpty ? nil : $0 }
        userPrincipalName = c.lenient(String.self, forKey: .userPrincipalName).flatMap { $0.isEmpty ? nil : $0 }
        lastSignIn = c.lenient(Date.self, forKey: .lastUserSignInDateTime)
    }

    static let nobody = "00000000-0000-0000-0000-000000000000"

    /// nil for the zero id Graph sends while nobody has reviewed.
    var principal: Principal? {
        guard let id, id != Self.nobody else { return nil }
        return Principal(id: id, displayName: displayName, userPrincipalName: userPrincipalName)
    }
}

/// accessReviewScheduleDefinition: the review series, with what the listing needs of its settings.
struct ReviewDefinitionDTO: Decodable {
    var id: String
    var displayName: String?
    var justificationRequired: Bool
    var multiStage: Bool

    enum CodingKeys: String, CodingKey { case id, displayName, settings, stageSettings }
    struct Settings: Decodable { var justificationRequiredOnApproval: Bool? }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        displayName = c.lenient(String.self, forKey: .displayName)
        justificationRequired =
            c.lenient(Settings.self, forKey: .settings)?.justificationRequiredOnApproval ?? false
        // Stage settings are an open type: only whether there are any matters here.
        multiStage = !(c.lenient([Lenient<String>].self, forKey: .stageSettings)?.isEmpty ?? true)
    }
}

/// accessReviewInstance or accessReviewStage: an id, a window and a status (which may be one pim
/// does not know, such as `Applied`).
struct ReviewPeriodDTO: Decodable {
    var id: String
    var startDateTime: Date?
    var endDateTime: Date?
    var status: String?
    /// An instance's `scope.query`: what is reviewed when decisions carry no `resource`.
    var scopeQuery: String?

    enum CodingKeys: String, CodingKey { case id, startDateTime, endDateTime, status, scope }
    /// An `accessReviewQueryScope`, or a `principalResourceMembershipsScope` whose resource scopes say
    /// what is reviewed.
    struct Scope: Decodable {
        var query: String?
        var resourceScopes: [Lenient<ResourceScope>]?
        struct ResourceScope: Decodable { var query: String? }

        var reviewed: String? {
            query ?? resourceScopes?.compactMap { $0.value?.query }.joined(separator: " ")
        }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        startDateTime = c.lenient(Date.self, forKey: .startDateTime)
        endDateTime = c.lenient(Date.self, forKey: .endDateTime)
        status = c.lenient(String.self, forKey: .status)
        scopeQuery = c.lenient(Scope.self, forKey: .scope)?.reviewed
    }

    var inProgress: Bool { status?.caseInsensitiveCompare("InProgress") == .orderedSame }

    /// What the scope query reviews (contract section 5), after an optional `/v1.0` or `/beta` prefix.
    var scopeKind: AccessReviewResourceKind {
        guard let query = scopeQuery?.lowercased() else { return .other }
        if query.contains("roleeligibilityscheduleinstances") || query.contains("roleassignmentscheduleinstances")
            || query.contains("roledefinitions/")
        {
            return .directoryRole
        }
        if query.contains("/groups/") || query.hasPrefix("./members") { return .group }
        return .other
    }
}

/// accessReviewInstanceDecisionItem, tolerant of the shapes the documentation shows: `resource` null for
/// a group review, `resource.type` in either casing, a beta-style `target` beside `principal`.
struct ReviewDecisionDTO: Decodable {
    var id: String
    var decision: String?
    var recommendation: String?
    var justification: String?
    var reviewedBy: ReviewIdentityDTO?
    var reviewedDateTime: Date?
    var principal: ReviewIdentityDTO?
    var target: Target?
    var resource: Resource?
    var insights: [Insight]

    struct Target: Decodable {
        var userId: String?
        var userDisplayName: String?
        var userPrincipalName: String?
    }

    struct Resource: Decodable {
        var id: String?
        var displayName: String?
        var type: String?
        var scopeId: String?

        enum CodingKeys: String, CodingKey { case id, displayName, type, scope }
        struct Scope: Decodable { var id: String? }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = c.lenient(String.self, forKey: .id)
            displayName = c.lenient(String.self, forKey: .displayName)
            type = c.lenient(String.self, forKey: .type)
            scopeId = c.lenient(Scope.self, forKey: .scope)?.id
        }
    }

    /// governanceInsight: why the service recommends what it does.
    struct Insight: Decodable {
        var type: String?
        var lastSignInDateTime: Date?

        enum CodingKeys: String, CodingKey {
            case type = "@odata.type"
            case lastSignInDateTime
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = c.lenient(String.self, forKey: .type)
            lastSignInDateTime = c.lenient(Date.self, forKey: .lastSignInDateTime)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, decision, recommendation, justification, reviewedBy, reviewedDateTime, principal, target, resource
        case insights
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        decision = c.lenient(String.self, forKey: .decision)
        recommendation = c.lenient(String.self, forKey: .recommendation)
        justification = c.lenient(String.self, forKey: .justification).flatMap { $0.isEmpty ? nil : $0 }
        reviewedBy = c.lenient(ReviewIdentityDTO.self, forKey: .reviewedBy)
        reviewedDateTime = c.lenient(Date.self, forKey: .reviewedDateTime)
        principal = c.lenient(ReviewIdentityDTO.self, forKey: .principal)
        target = c.lenient(Target.self, forKey: .target)
        resource = c.lenient(Resource.self, forKey: .resource)
        insights = c.lenient([Insight].self, forKey: .insights) ?? []
    }

    /// Who has the access: `principal`, else the beta `target`.
    var who: Principal {
        if let principal = principal?.principal { return principal }
        return Principal(
            id: target?.userId ?? "", displayName: target?.userDisplayName, userPrincipalName: target?.userPrincipalName
        )
    }

    var signInInsight: Insight? {
        insights.first { $0.type?.lowercased().hasSuffix("usersignininsight") == true }
    }

    /// The decision item in pim's terms, under its review and instance; `period` is the stage in
    /// progress for a multi-stage review, else the instance.
    func decision(
        definition: ReviewDefinitionDTO, scope: AccessReviewScope, instance: ReviewPeriodDTO,
        period: ReviewPeriodDTO
    ) -> AccessReviewDecision {
        var kind = AccessReviewResourceKind(graph: resource?.type)
        if resource == nil { kind = instance.scopeKind }
        let name = resource?.displayName ?? definition.displayName ?? ""
        let lastSignIn = principal?.lastSignIn ?? signInInsight?.lastSignInDateTime
        let verdict = AccessReviewVerdict(graph: decision ?? "") ?? .notReviewed
        return AccessReviewDecision(
            reviewId: scope.reviewId, reviewName: definition.displayName ?? scope.reviewId,
            instanceId: scope.instanceId, stageId: scope.stageId, decisionId: id, principal: who,
            resourceName: name, resourceKind: kind,
            tier: kind.tier(name: name, resourceId: resource?.id ?? "", scope: resource?.scopeId),
            recommendation: AccessReviewRecommendation(graph: recommendation), verdict: verdict,
            justification: justification, reviewedBy: verdict == .notReviewed ? nil : reviewedBy?.principal,
            reviewedAt: reviewedDateTime, dueDateTime: period.endDateTime, principalLastSignIn: lastSignIn,
            recommendationReason: signInInsight.map { insight in
                insight.lastSignInDateTime.map { "Last sign-in \(GraphDate.string($0))." } ?? "No sign-in on record."
            },
            justificationRequired: definition.justificationRequired, inProgress: period.inProgress)
    }
}
