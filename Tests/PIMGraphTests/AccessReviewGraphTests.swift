import Foundation
import PIMDomain
import Testing
@testable import PIMGraph

/// Access reviews against access-reviews-contract.md: every documented body decodes into what pim
/// shows, and every call has the contract's method, path, query and body.
@Suite struct AccessReviewGraphTests {
    let base = URL(string: "https://graph.microsoft.com")!
    let scope = AccessReviewScope(reviewId: "def-1", instanceId: "inst-1")
    let staged = AccessReviewScope(reviewId: "def-1", instanceId: "inst-1", stageId: "stage-2")

    func target(_ request: GraphRequest) -> String { FakeGraph.target(of: request.url(baseURL: base)) }

    static func page<T: Decodable>(_ type: T.Type, _ name: String) throws -> [T] {
        try GraphDate.decoder().decode(GraphPage<T>.self, from: Fixture.data("reviews/" + name)).value
    }

    static let definition = try! GraphDate.decoder().decode(
        ReviewDefinitionDTO.self,
        from: Data(#"{"id":"def-1","displayName":"Marketing group review","settings":{}}"#.utf8))

    @Test func definitionsAndTheirSettingsDecode() throws {
        let definitions = try Self.page(ReviewDefinitionDTO.self, "definitions.filterByCurrentUser.GET.200.json")
        #expect(definitions.count == 1)
        #expect(definitions[0].id == "66666337-b075-4a92-9d71-255cc4b5d12a")
        #expect(definitions[0].justificationRequired)
        #expect(!definitions[0].multiStage, "no stageSettings property: a single stage")
        let staged = try GraphDate.decoder().decode(
            ReviewDefinitionDTO.self,
            from: Data(#"{"id":"d","stageSettings":[{"stageId":"1"},{"stageId":"2","dependsOn":["1"]}]}"#.utf8))
        #expect(staged.multiStage)
    }

    @Test func instancesAndStagesKeepStatusesPimDoesNotKnow() throws {
        let instances = try Self.page(ReviewPeriodDTO.self, "instances.filterByCurrentUser.GET.200.json")
        #expect(instances.map(\.status) == ["Applied"])
        #expect(!instances[0].inProgress)
        let role = try Self.page(ReviewPeriodDTO.self, "tutorial.instances.list-roleReview.GET.200.json")
        #expect(role[0].inProgress)
        #expect(role[0].scopeKind == .directoryRole, "the /beta-prefixed roleDefinitions query is a role review")
        let stages = try Self.page(ReviewPeriodDTO.self, "stages.filterByCurrentUser.GET.200.json")
        #expect(stages.map(\.inProgress) == [false, true])
        #expect(stages[1].endDateTime == GraphDate.parse("2018-09-03T21:17:30.513Z"))
    }

    @Test func aReviewedDecisionNamesWhoDecidedAndWhy() throws {
        let items = try Self.page(ReviewDecisionDTO.self, "decisions.filterByCurrentUser.GET.200.json")
        let instance = try GraphDate.decoder().decode(
            ReviewPeriodDTO.self,
            from: Data(
                """
                {"id": "inst-1", "status": "InProgress", "endDateTime": "2021-06-01T00:00:00Z",
                 "scope": {"query": "/v1.0/groups/g1/transitiveMembers"}}
                """.utf8))
        let decision = items[0].decision(
            definition: Self.definition, scope: scope, instance: instance, period: instance)
        #expect(decision.verdict == .approve)
        #expect(decision.recommendation == .deny)
        #expect(decision.principal.label == "Christie Cline")
        #expect(decision.reviewedBy?.label == "MOD Administrator")
        #expect(decision.justification?.hasPrefix("Christie still needs access") == true)
        #expect(decision.resourceKind == .group, "resource null: the instance scope says a group")
        #expect(decision.resourceName == "Marketing group review")
        #expect(decision.dueDateTime == GraphDate.parse("2021-06-01T00:00:00Z"))
        #expect(decision.inProgress)
    }

    @Test func anOpenDecisionHasNoReviewerDespiteTheZeroIdentity() throws {
        let items = try Self.page(ReviewDecisionDTO.self, "decisions.filterByCurrentUser-notReviewed.GET.200.json")
        let period = try GraphDate.decoder().decode(ReviewPeriodDTO.self, from: Data(#"{"id":"inst-1"}"#.utf8))
        let decision = items[0].decision(definition: Self.definition, scope: scope, instance: period, period: period)
        #expect(decision.verdict == .notReviewed && decision.isWaiting)
        #expect(decision.reviewedBy == nil)
        #expect(decision.justification == nil, "an empty justification is none")
        #expect(decision.principal.userPrincipalName == "guest@guest.com")
    }

    @Test func aDirectoryRoleDecisionInLowerCaseIsARoleWithItsTier() throws {
        let items = try Self.page(ReviewDecisionDTO.self, "tutorial.decisions.list-roleReview.GET.200.json")
        let period = try GraphDate.decoder().decode(ReviewPeriodDTO.self, from: Data(#"{"id":"inst-1"}"#.utf8))
        let decisions = items.map {
            $0.decision(definition: Self.definition, scope: scope, instance: period, period: period)
        }
        #expect(decisions.map(\.resourceKind) == [.directoryRole, .directoryRole])
        #expect(decisions.map(\.resourceName) == ["User Administrator", "User Administrator"])
        #expect(decisions[0].tier == .tier0)
        #expect(decisions.map(\.recommendation) == [.noInfoAvailable, .noInfoAvailable])
        #expect(decisions[1].principal.label == "User Administrators", "a group principal without @odata.type")
        #expect(decisions[0].principalLastSignIn == nil, "an empty sign-in date is none")
    }

    @Test func aStageDecisionWithSelectFallsBackToTheTarget() throws {
        let items = try Self.page(ReviewDecisionDTO.self, "stages.decisions.filterByCurrentUser-select.GET.200.json")
        let period = try GraphDate.decoder().decode(ReviewPeriodDTO.self, from: Data(#"{"id":"stage-2"}"#.utf8))
        let decision = items[0].decision(definition: Self.definition, scope: staged, instance: period, period: period)
        #expect(decision.principal.id == "1800bb2c-955d-4205-8471-3a6c3116435d")
        #expect(decision.principal.label == "Christie Cline")
        #expect(decision.stageId == "stage-2")
    }

    @Test func readsFilterByTheReviewer() {
        #expect(
            target(Endpoints.AccessReviews.definitions())
                == """
                /v1.0/identityGovernance/accessReviews/definitions/filterByCurrentUser(on='reviewer')\
                ?$select=id,displayName,status,scope,settings,stageSettings,descriptionForReviewers
                """)
        #expect(
            target(Endpoints.AccessReviews.instances(reviewId: "def-1"))
                == """
                /v1.0/identityGovernance/accessReviews/definitions/def-1/instances/filterByCurrentUser(on='reviewer')\
                ?$filter=status eq 'InProgress'
                """)
        #expect(
            target(Endpoints.AccessReviews.stages(scope))
                == """
                /v1.0/identityGovernance/accessReviews/definitions/def-1/instances/inst-1/stages/\
                filterByCurrentUser(on='reviewer')
                """)
        #expect(
            target(Endpoints.AccessReviews.decisions(scope))
                == """
                /v1.0/identityGovernance/accessReviews/definitions/def-1/instances/inst-1/decisions/\
                filterByCurrentUser(on='reviewer')
                """)
        #expect(
            target(Endpoints.AccessReviews.decisions(staged))
                == """
                /v1.0/identityGovernance/accessReviews/definitions/def-1/instances/inst-1/stages/stage-2/decisions/\
                filterByCurrentUser(on='reviewer')
                """)
    }

    @Test func writesMatchTheDocumentedRequests() throws {
        let patch = Endpoints.AccessReviews.record(
            scope, decisionId: "dec-1", .approve, justification: "This person is still on my team")
        #expect(patch.method == "PATCH")
        #expect(
            target(patch) == "/v1.0/identityGovernance/accessReviews/definitions/def-1/instances/inst-1/decisions/dec-1"
        )
        #expect(jsonObject(patch.body) == jsonObject(Fixture.data("reviews/decisions.PATCH.request.json")))

        let batch = Endpoints.AccessReviews.batchRecord(staged, .deny, justification: "Left the team")
        #expect(batch.method == "POST")
        #expect(
            target(batch)
                == """
                /v1.0/identityGovernance/accessReviews/definitions/def-1/instances/inst-1/stages/stage-2/\
                batchRecordDecisions
                """)
        let documented = try #require(
            jsonObject(Fixture.data("reviews/stages.batchRecordDecisions.POST.request.json")))
        let sent = try #require(jsonObject(batch.body))
        #expect(Set(sent.allKeys as? [String] ?? []).isSubset(of: Set(documented.allKeys as? [String] ?? [])))
        #expect(sent["decision"] as? String == "Deny")

        let accept = Endpoints.AccessReviews.acceptRecommendations(scope)
        #expect(accept.method == "POST" && accept.body == nil)
        #expect(
            target(accept)
                == "/v1.0/identityGovernance/accessReviews/definitions/def-1/instances/inst-1/acceptRecommendations")
    }

    @Test func anIdCannotReachAnotherPath() {
        let request = Endpoints.AccessReviews.decision(scope, decisionId: "../../x?y")
        #expect(!request.path.contains("../"))
        #expect(!request.path.contains("?"))
    }

    @Test func refusalsOfAReviewWriteSayWhatHappened() {
        let forbidden = GraphPIMService.reviewWriteError(PIMError(.forbidden, "x", httpStatus: 403))
        #expect(forbidden.event.contains("not a reviewer"))
        let closed = GraphPIMService.reviewWriteError(PIMError(.other, "x", httpStatus: 409))
        #expect(closed.kind == .refused && closed.event.contains("no longer in progress"))
    }
}
