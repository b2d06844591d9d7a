import Foundation
import Testing
@testable import PIMGraph
import PIMDomain

/// Activation, step-up, the ambiguous-write rule, pre-flight, deactivate, extend and cancel.
struct ActivationTests {
    static let post = "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests"
    static let myRequests =
        """
        /v1.0/roleManagement/directory/roleAssignmentScheduleRequests/filterByCurrentUser(on='principal')?$select=id,\
        status,action,principalId,roleDefinitionId,directoryScopeId,createdDateTime,completedDateTime,approvalId,\
        isValidationOnly,justification,scheduleInfo,ticketInfo,createdBy
        """
    let target = ElevationTarget(id: .role(TenantScript.roleId), displayName: "Global Reader")

    func request(_ duration: ActivationDuration = .hours(4), validationOnly: Bool = false) -> ActivationRequest {
        ActivationRequest(
            target: target, justification: "INC-4821: investigate",
            ticket: TicketInfo(number: "INC-4821", system: "ServiceNow"),
            duration: duration, validationOnly: validationOnly)
    }

    func graph() -> FakeGraph {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        return graph
    }

    func created(status: String = "Granted", id: String = "b7d0", createdAt: String = "2026-01-06T08:00:00Z") -> String
    {
        """
        {"id":"\(id)","status":"\(status)","createdDateTime":"\(createdAt)",\
        "approvalId":\(status == "PendingApproval" ? "\"\(id)\"" : "null"),
         "action":"selfActivate","principalId":"5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11",\
        "roleDefinitionId":"\(TenantScript.roleId)",
         "directoryScopeId":"/","justification":"INC-4821: investigate","isValidationOnly":false,
         "scheduleInfo":{"startDateTime":"2026-01-06T08:00:00Z","expiration":{"type":"afterDuration",\
        "duration":"PT4H"}}}
        """
    }

    @Test func activationNeedingApprovalReturnsThePendingRequest() async throws {
        let graph = graph()
        graph.on("POST", Self.post, status: 201, json: created(status: "PendingApproval"))
        let result = try await TenantScript.service(graph).activate(request())
        #expect(result.request.status == .pendingApproval)
        #expect(result.request.approvalId == "b7d0")
        #expect(result.request.target.displayName == "Global Reader")
        #expect(result.notices.isEmpty)
        let sent = try #require(graph.recorded("POST").first { $0.target == Self.post })
        #expect(
            jsonObject(sent.body)
                == jsonObject(
                    """
                    {"action":"selfActivate","principalId":"5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11",\
                    "roleDefinitionId":"\(TenantScript.roleId)",
                     "directoryScopeId":"/","justification":"INC-4821: investigate",
                     "scheduleInfo":{"startDateTime":"2026-01-06T08:00:00Z","expiration":{"type":"afterDuration",\
                    "duration":"PT4H"}},
                     "ticketInfo":{"ticketNumber":"INC-4821","ticketSystem":"ServiceNow"}}
                    """))
        #expect(sent.headers["Authorization"] == "Bearer token-plain")
        #expect(sent.headers["Content-Type"] == "application/json")
    }

    @Test func authenticationContextChallengeSignsInOnceAndRetriesOnce() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post,
            .response(
                HTTPResponse(
                    status: 400, body: Fixture.data("error.RoleAssignmentRequestAcrsValidationFailed.400.composed.json")
                )),
            .response(HTTPResponse(status: 201, body: Data(created().utf8))))
        let tokens = FakeTokens()
        let result = try await TenantScript.service(graph, tokens: tokens).activate(request())
        #expect(result.request.status == .granted)
        #expect(tokens.claimsAsked == [#"{"access_token":{"acrs":{"essential":true, "value":"c1"}}}"#])
        #expect(
            result.notices == [
                "Signed in again to satisfy the authentication context c1 the policy requires; retried once."
            ])
        let posts = graph.recorded("POST").filter { $0.target == Self.post }
        #expect(posts.map { $0.headers["Authorization"] } == ["Bearer token-plain", "Bearer token-stepped-up"])
    }

    @Test func mfaRuleStepsUpWithMfaClaims() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post,
            .response(
                HTTPResponse(
                    status: 400, body: Fixture.data("error.PolicyValidationFailed.MfaRule.400.composed.json"))),
            .response(HTTPResponse(status: 201, body: Data(created().utf8))))
        let tokens = FakeTokens()
        let result = try await TenantScript.service(graph, tokens: tokens).activate(request())
        #expect(tokens.claimsAsked == [#"{"access_token":{"amr":{"values":["mfa"]}}}"#])
        #expect(result.notices.first?.hasPrefix("Signed in again with multi-factor authentication") == true)
    }

    @Test func aSecondChallengeIsNotRetriedAgain() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post, status: 400, fixture: "error.RoleAssignmentRequestAcrsValidationFailed.400.composed.json"
        )
        let tokens = FakeTokens()
        await #expect(throws: PIMError.self) {
            try await TenantScript.service(graph, tokens: tokens).activate(request())
        }
        #expect(tokens.claimsAsked.count == 1)
        #expect(graph.recorded("POST").filter { $0.target == Self.post }.count == 2)
    }

    @Test func insufficientClaimsOn401StepsUp() async throws {
        let graph = graph()
        let claims = #"{"access_token":{"acrs":{"essential":true,"value":"c2"}}}"#
        let header =
            #"Bearer realm="", error="insufficient_claims", claims="\#(Data(claims.utf8).base64EncodedString())""#
        graph.on(
            "POST", Self.post, .response(HTTPResponse(status: 401, headers: ["WWW-Authenticate": header])),
            .response(HTTPResponse(status: 201, body: Data(created().utf8))))
        let tokens = FakeTokens()
        let result = try await TenantScript.service(graph, tokens: tokens).activate(request())
        #expect(tokens.claimsAsked == [claims])
        #expect(result.notices.first?.contains("c2") == true)
    }

    @Test func timeoutAfterSendingFindsTheRequestInsteadOfSendingTwice() async throws {
        let graph = graph()
        graph.on("POST", Self.post, .failure(TransportError(.timedOut, "timed out", requestMayHaveBeenSent: true)))
        graph.on("GET", Self.myRequests, json: #"{"value":[\#(created(status: "Granted", id: "found-it"))]}"#)
        let result = try await TenantScript.service(graph).activate(request())
        #expect(result.request.id == "found-it")
        #expect(result.notices.first?.contains("not sent twice") == true)
        #expect(graph.recorded("POST").filter { $0.target == Self.post }.count == 1)
    }

    @Test func aServerErrorToThePostIsAlsoAmbiguous() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post, status: 504, json: #"{"error":{"code":"GatewayTimeout","message":"upstream timed out"}}"#
        )
        graph.on("GET", Self.myRequests, json: #"{"value":[\#(created(id: "found-it"))]}"#)
        let result = try await TenantScript.service(graph).activate(request())
        #expect(result.request.id == "found-it")
        #expect(graph.recorded("POST").filter { $0.target == Self.post }.count == 1)
    }

    @Test func whenNothingWasCreatedTheActivationIsSentAgain() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post, .failure(TransportError(.connectionLost, "reset", requestMayHaveBeenSent: true)),
            .response(HTTPResponse(status: 201, body: Data(created().utf8))))
        // An older request for the same role does not count as this one.
        graph.on(
            "GET", Self.myRequests, json: #"{"value":[\#(created(id: "old", createdAt: "2026-01-05T08:00:00Z"))]}"#)
        let clock = TestClock()
        let result = try await TenantScript.service(graph, clock: clock).activate(request())
        #expect(result.request.id == "b7d0")
        #expect(graph.recorded("POST").filter { $0.target == Self.post }.count == 2)
        #expect(graph.recorded("GET").filter { $0.target == Self.myRequests }.count == 1)
        #expect(clock.sleeps.count == 1)
    }

    @Test func throttledActivationIsRetriedAfterRetryAfter() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post,
            .response(
                HTTPResponse(
                    status: 429, headers: ["Retry-After": "2"], body: Fixture.data("error.TooManyRequests.429.json"))),
            .response(HTTPResponse(status: 201, body: Data(created().utf8))))
        let clock = TestClock()
        let result = try await TenantScript.service(graph, clock: clock).activate(request())
        #expect(result.request.status == .granted)
        #expect(clock.sleeps == [2])
        #expect(!graph.recorded.contains { $0.target == Self.myRequests })
    }

    @Test func refusedActivationCarriesTheRules() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post, status: 400, fixture: "error.PolicyValidationFailed.TicketingRule.400.composed.json")
        do {
            _ = try await TenantScript.service(graph).activate(request())
            Issue.record("expected a refusal")
        } catch let error as PIMError {
            #expect(error.kind == .refused)
            #expect(error.failedRules == [.ticketing])
        }
    }

    @Test func preflightListsFailedRulesWithoutCreatingAnything() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post, status: 400,
            json:
                #"""
                {"error":{"code":"RoleAssignmentRequestPolicyValidationFailed",\#
                "message":"The following policy rules failed: [\"JustificationRule\",\"ExpirationRule\"]"}}
                """#
        )
        let report = try await TenantScript.service(graph).preflight(request(.hours(12)))
        #expect(report.failedRules == [.justification, .expiration])
        #expect(!report.passed)
        let sent = try #require(graph.recorded("POST").first { $0.target == Self.post })
        #expect(jsonObject(sent.body)?["isValidationOnly"] as? Bool == true)

        let ok = FakeGraph()
        TenantScript.dashboard(ok)
        ok.on("POST", Self.post, status: 201, json: created())
        #expect(try await TenantScript.service(ok).preflight(request()).passed)

        let exists = FakeGraph()
        TenantScript.dashboard(exists)
        exists.on("POST", Self.post, status: 400, fixture: "error.RoleAssignmentExists.400.composed.json")
        let preflight = try await TenantScript.service(exists).preflight(request())
        #expect(preflight.otherProblem?.event.contains("already active") == true)
    }

    func activeAssignment(
        startedMinutesAgo: Double, type: AssignmentType = .activated, endsIn: Double? = 3600
    ) -> ActiveAssignment {
        let now = TestClock().now()
        return ActiveAssignment(
            id: "a1", target: target, principal: Principal(id: "me"),
            start: now.addingTimeInterval(-startedMinutesAgo * 60),
            end: endsIn.map { now.addingTimeInterval($0) }, assignmentType: type)
    }

    @Test func deactivateSendsSelfDeactivate() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post, status: 201,
            json: created(status: "Revoked").replacingOccurrences(of: "\"selfActivate\"", with: "\"selfDeactivate\""))
        let result = try await TenantScript.service(graph).deactivate(
            activeAssignment(startedMinutesAgo: 30), justification: nil)
        #expect(result.action == .selfDeactivate)
        let sent = try #require(graph.recorded("POST").first { $0.target == Self.post })
        #expect(
            jsonObject(sent.body) == [
                "action": "selfDeactivate", "principalId": "5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11",
                "roleDefinitionId": TenantScript.roleId, "directoryScopeId": "/",
            ])
    }

    @Test func deactivatingTooSoonIsExplained() async throws {
        let graph = graph()
        graph.on("POST", Self.post, status: 400, fixture: "error.ActiveDurationTooShort.400.composed.json")
        await #expect(throws: PIMError.self) {
            try await TenantScript.service(graph).deactivate(activeAssignment(startedMinutesAgo: 1), justification: nil)
        }
    }

    @Test func extendingARunningActivationEndsItAndActivatesAgain() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post,
            .response(HTTPResponse(status: 201, body: Data(created(status: "Revoked", id: "stop").utf8))),
            .response(HTTPResponse(status: 201, body: Data(created(id: "again").utf8))))
        let result = try await TenantScript.service(graph).extend(
            activeAssignment(startedMinutesAgo: 30), with: request(.hours(2)))
        #expect(result.request.id == "again")
        #expect(result.notices.first?.contains("ended") == true)
        let actions = graph.recorded("POST").filter { $0.target == Self.post }.map {
            jsonObject($0.body)?["action"] as? String
        }
        #expect(actions == ["selfDeactivate", "selfActivate"])
    }

    @Test func extendingWithinFiveMinutesIsRefusedBeforeSending() async throws {
        let graph = graph()
        let error = await #expect(throws: PIMError.self) {
            try await TenantScript.service(graph).extend(
                activeAssignment(startedMinutesAgo: 2), with: request(.hours(2)))
        }
        #expect(!graph.recorded.contains { $0.target == Self.post })
        // One plain sentence, no stray bracket after the wait.
        #expect(error?.step == .tryAgainLater(.afterSeconds(180)), "\(String(describing: error))")
        #expect(error?.description.hasSuffix("try again in 3m.") == true, "\(String(describing: error))")
        #expect(error?.description.contains(")") == false)
    }

    @Test func extendingAnExpiringAdminAssignmentSendsSelfExtend() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post, status: 201,
            json: created(status: "PendingAdminDecision").replacingOccurrences(
                of: "\"selfActivate\"", with: "\"selfExtend\""))
        let result = try await TenantScript.service(graph).extend(
            activeAssignment(startedMinutesAgo: 9000, type: .assigned, endsIn: 3 * 86_400), with: request(.days(30)))
        #expect(result.request.status == .pendingAdminDecision)
        let sent = try #require(graph.recorded("POST").first { $0.target == Self.post })
        #expect(jsonObject(sent.body)?["action"] as? String == "selfExtend")
        #expect(
            ((jsonObject(sent.body)?["scheduleInfo"] as? NSDictionary)?["expiration"] as? NSDictionary)?["type"]
                as? String == "afterDateTime")
    }

    @Test func permanentOrDistantAssignmentsAreNotExtended() async throws {
        let graph = graph()
        let service = TenantScript.service(graph)
        await #expect(throws: PIMError.self) {
            try await service.extend(
                activeAssignment(startedMinutesAgo: 60, type: .assigned, endsIn: nil), with: request())
        }
        await #expect(throws: PIMError.self) {
            try await service.extend(
                activeAssignment(startedMinutesAgo: 60, type: .assigned, endsIn: 60 * 86_400), with: request())
        }
        #expect(!graph.recorded.contains { $0.target == Self.post })
    }

    @Test func cancelPostsToTheRequestsCancelAction() async throws {
        let graph = graph()
        graph.on("POST", "\(Self.post)/b7d0/cancel", .response(HTTPResponse(status: 204)))
        let pending = ElevationRequest(
            id: "b7d0", target: target, action: .selfActivate, status: .pendingApproval, principal: Principal(id: "me"))
        try await TenantScript.service(graph).cancel(pending)
        #expect(graph.recorded("POST").contains { $0.target == "\(Self.post)/b7d0/cancel" && $0.body == nil })
    }
}

extension ActivationTests {
    @Test func ambiguousGroupActivationLooksAmongGroupRequests() async throws {
        let graph = graph()
        let post = "/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests"
        graph.on("POST", post, .failure(TransportError(.timedOut, "timed out", requestMayHaveBeenSent: true)))
        graph.on(
            "GET",
            """
            /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests\
            /filterByCurrentUser(on='principal')
            """,
            json: """
                {"value":[{"id":"g-req","status":"PendingApproval","action":"SelfActivate","accessId":"member",\
                "groupId":"\(TenantScript.groupId)",
                  "principalId":"5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11",\
                "createdDateTime":"2026-01-06T08:00:01.1234567Z","justification":"CHG-311"}]}
                """)
        let group = ElevationTarget(id: .group(TenantScript.groupId), displayName: "pag_Tier0.Break-glass")
        let result = try await TenantScript.service(graph).activate(
            ActivationRequest(target: group, justification: "CHG-311", ticket: nil, duration: .hours(2)))
        #expect(result.request.id == "g-req")
        #expect(result.request.target.displayName == "pag_Tier0.Break-glass")
        #expect(graph.recorded("POST").filter { $0.target == post }.count == 1)
    }

    @Test func ambiguousFailureWithNothingFoundAfterRetriesSaysToCheck() async throws {
        let graph = graph()
        graph.on("POST", Self.post, .failure(TransportError(.timedOut, "timed out", requestMayHaveBeenSent: true)))
        graph.on("GET", Self.myRequests, json: TenantScript.empty)
        let service = GraphPIMService(
            configuration: GraphConfiguration(
                baseURL: URL(string: graph.base)!, retryPolicy: RetryPolicy(maxAttempts: 2)),
            transport: graph, tokens: FakeTokens(), clock: TestClock())
        do {
            _ = try await service.activate(request())
            Issue.record("expected a network error")
        } catch let error as PIMError {
            #expect(error.kind == .network)
            // Nothing was created, so the network failure's own step stands.
            #expect(error.event.contains("it is not among them, so nothing was created"), "\(error)")
            #expect(error.step == .checkNetwork)
            #expect(graph.recorded("POST").filter { $0.target == Self.post }.count == 2)
            #expect(graph.recorded("GET").filter { $0.target == Self.myRequests }.count == 2)
        }
    }

    @Test func anEndedAdminAssignmentIsRenewed() async throws {
        let graph = graph()
        graph.on(
            "POST", Self.post, status: 201,
            json: created(status: "PendingAdminDecision").replacingOccurrences(
                of: "\"selfActivate\"", with: "\"selfRenew\""))
        let result = try await TenantScript.service(graph).extend(
            activeAssignment(startedMinutesAgo: 9000, type: .assigned, endsIn: -3600), with: request(.days(30)))
        #expect(result.request.action == .selfRenew)
        let sent = try #require(graph.recorded("POST").first { $0.target == Self.post })
        #expect(jsonObject(sent.body)?["action"] as? String == "selfRenew")
    }
}
