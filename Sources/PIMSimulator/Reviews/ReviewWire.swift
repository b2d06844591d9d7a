import Foundation

/// Access review objects as Graph prints them (access-reviews-contract.md sections 1 and 3).
enum ReviewWire {
    static let nobody = "00000000-0000-0000-0000-000000000000"

    static func definition(_ s: ReviewSeries, now: Date) -> SimJSON {
        let stageSettings: [SimJSON] = s.instance.stages.enumerated().map { index, stage in
            [
                "stageId": .string("\(index + 1)"),
                "dependsOn": index == 0 ? [] : [.string("\(index)")],
                "durationInDays": .int(Int(stage.end.timeIntervalSince(stage.start) / ReviewSeed.day)),
                "recommendationsEnabled": true,
            ]
        }
        return [
            "id": .string(s.id), "displayName": .string(s.displayName),
            "status": .string(ReviewStatus.of(start: s.instance.start, end: s.instance.end, now: now)),
            "descriptionForReviewers": .string(s.descriptionForReviewers),
            "scope": [
                "@odata.type": "#microsoft.graph.accessReviewQueryScope", "query": .string(s.scopeQuery),
                "queryType": "MicrosoftGraph", "queryRoot": .null,
            ],
            "settings": [
                "justificationRequiredOnApproval": .bool(s.justificationRequired), "recommendationsEnabled": true,
                "defaultDecisionEnabled": false, "defaultDecision": "None", "instanceDurationInDays": 14,
                "autoApplyDecisionsEnabled": false, "mailNotificationsEnabled": true,
                "decisionHistoriesForReviewersEnabled": false,
            ],
            "stageSettings": .array(stageSettings),
        ]
    }

    static func instance(_ s: ReviewSeries, now: Date) -> SimJSON {
        let round = s.instance
        return [
            "id": .string(round.id), "startDateTime": .date(round.start), "endDateTime": .date(round.end),
            "status": .string(ReviewStatus.of(start: round.start, end: round.end, now: now)),
            "scope": [
                "@odata.type": "#microsoft.graph.accessReviewQueryScope", "query": .string(round.scopeQuery),
                "queryType": "MicrosoftGraph",
            ],
            "reviewers": .array(reviewerScopes(s.reviewers)),
        ]
    }

    static func stage(_ stage: ReviewStagePeriod, now: Date) -> SimJSON {
        [
            "id": .string(stage.id), "startDateTime": .date(stage.start), "endDateTime": .date(stage.end),
            "status": .string(ReviewStatus.of(start: stage.start, end: stage.end, now: now)),
            "reviewers": .array(reviewerScopes(stage.reviewers)),
        ]
    }

    static func reviewerScopes(_ ids: [String]) -> [SimJSON] {
        ids.map { ["query": .string("/users/\($0)"), "queryType": "MicrosoftGraph", "queryRoot": .null] }
    }

    static func decision(_ item: ReviewItem, instanceId: String, users: [TenantUser], origin: String) -> SimJSON {
        let reviewer = item.reviewedBy.flatMap { id in users.first { $0.id == id } }
        let principal: SimJSON =
            item.principalIsGroup
            ? ["id": .string(item.principalId), "displayName": .string(item.principalName), "type": "group"]
            : [
                "@odata.type": "#microsoft.graph.userIdentity", "id": .string(item.principalId),
                "displayName": .string(item.principalName), "type": "user",
                "userPrincipalName": item.principalUPN.map(SimJSON.string) ?? .null,
                "lastUserSignInDateTime": .date(item.lastSignIn),
            ]
        let resource: SimJSON =
            item.resource.map {
                ["id": .string($0.id), "displayName": .string($0.displayName), "type": .string($0.type)]
            } ?? .null
        let insight: SimJSON = [
            "@odata.type": "#microsoft.graph.userSignInInsight", "insightCreatedDateTime": .date(item.reviewedAt),
            "lastSignInDateTime": .date(item.lastSignIn),
        ]
        return [
            "id": .string(item.id), "accessReviewId": .string(instanceId),
            "reviewedDateTime": .date(item.reviewedAt), "decision": .string(item.decision),
            "justification": .string(item.justification), "appliedDateTime": .null, "applyResult": "New",
            "recommendation": .string(item.recommendation),
            "principalLink": .string(
                "\(origin)/v1.0/\(item.principalIsGroup ? "groups" : "users")/\(item.principalId)"),
            "resourceLink": item.resource.map {
                .string("\(origin)/beta/roleManagement/directory/roleDefinitions/\($0.id)")
            }
                ?? .null,
            "resource": resource,
            "reviewedBy": identity(reviewer),
            "appliedBy": identity(nil),
            "principal": principal,
            "insights": [insight],
        ]
    }

    /// A userIdentity; the zero id with empty strings for nobody (Graph never sends null here).
    static func identity(_ user: TenantUser?) -> SimJSON {
        [
            "id": .string(user?.id ?? nobody), "displayName": .string(user?.displayName ?? ""),
            "userPrincipalName": .string(user?.userPrincipalName ?? ""),
        ]
    }
}
