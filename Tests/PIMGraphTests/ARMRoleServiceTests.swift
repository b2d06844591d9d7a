import Foundation
import PIMDomain
import Synchronization
import Testing

@testable import PIMGraph

/// `ARMRoleService` against a scripted Azure Resource Manager: what it reads, what it sends, and that it
/// never sends a write twice.
struct ARMRoleServiceTests {
    static let sub = "/subscriptions/s1"
    static let role = "/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/r1"
    static let schedule = "/subscriptions/s1/providers/Microsoft.Authorization/RoleEligibilitySchedules/e1"
    static let auth = "/providers/Microsoft.Authorization"
    static let eligiblePath = auth + "/roleEligibilityScheduleInstances?api-version=2020-10-01&$filter=asTarget()"
    static let activePath = auth + "/roleAssignmentScheduleInstances?api-version=2020-10-01&$filter=asTarget()"
    static let myRequestsPath = auth + "/roleAssignmentScheduleRequests?api-version=2020-10-01&$filter=asRequestor()"
    static let approverPath = auth + "/roleAssignmentScheduleRequests?api-version=2020-10-01&$filter=asApprover()"
    static let approvalsPath = auth + "/roleAssignmentApprovals?api-version=2021-01-01-preview&$filter=asApprover()"
    static let subscriptionsPath = "/subscriptions?api-version=2022-12-01"
    static let groupsPath = "/providers/Microsoft.Management/managementGroups?api-version=2021-04-01"
    static let policyPath = sub + auth + "/roleManagementPolicyAssignments?api-version=2020-10-01"
    static func elevationsPath(_ id: String) -> String {
        "/subscriptions/\(id)\(auth)/roleAssignmentScheduleInstances?api-version=2020-10-01"
    }
    static func putPath(_ name: String) -> String {
        sub + auth + "/roleAssignmentScheduleRequests/\(name)?api-version=2020-10-01"
    }

    static let target = ElevationTarget(
        id: .azure(roleDefinitionId: role, scope: sub), displayName: "Contributor", scopeName: "Prod-Payments")

    static func list(_ items: [String], nextLink: String? = nil) -> String {
        let link = nextLink.map { #","nextLink":"\#($0)""# } ?? ""
        return #"{"value":[\#(items.joined(separator: ","))]\#(link)}"#
    }

    static func eligibility(scope: String = sub, role: String = role) -> String {
        #"""
        {"name":"i1","id":"\#(scope)/providers/Microsoft.Authorization/RoleEligibilityScheduleInstances/i1",
        "properties":{"scope":"\#(scope)","roleDefinitionId":"\#(role)","principalId":"me",
        "roleEligibilityScheduleId":"\#(schedule)","memberType":"Group","status":"Provisioned",
        "expandedProperties":{"scope":{"id":"\#(scope)","displayName":"Payments","type":"subscription"},
        "roleDefinition":{"id":"\#(role)","displayName":"Contributor","type":"BuiltInRole"}}}}
        """#
    }

    static func instance(
        name: String, type: String, start: String = "2026-01-06T07:00:00Z", principal: String = "me"
    )
        -> String
    {
        #"""
        {"name":"\#(name)","id":"\#(sub)/providers/Microsoft.Authorization/RoleAssignmentScheduleInstances/\#(name)",
        "properties":{"scope":"\#(sub)","roleDefinitionId":"\#(role)","principalId":"\#(principal)",
        "assignmentType":"\#(type)","memberType":"Direct","startDateTime":"\#(start)",
        "endDateTime":"2026-01-06T12:00:00Z","expandedProperties":{"principal":{"id":"\#(principal)",
        "displayName":"Ada"},"roleDefinition":{"displayName":"Contributor"}}}}
        """#
    }

    static func request(
        name: String, status: String, type: String = "SelfActivate", created: String = "2026-01-06T07:59:00Z",
        approvalId: String? = nil
    ) -> String {
        let approval =
            approvalId.map { #""/providers/Microsoft.Authorization/roleAssignmentApprovals/\#($0)""# } ?? "null"
        return #"""
            {"name":"\#(name)","id":"\#(sub)/providers/Microsoft.Authorization/RoleAssignmentScheduleRequests/\#(name)",
            "properties":{"scope":"\#(sub)","roleDefinitionId":"\#(role)","principalId":"me","requestType":"\#(type)",
            "status":"\#(status)","approvalId":\#(approval),"createdOn":"\#(created)",
            "scheduleInfo":{"startDateTime":"\#(created)","expiration":{"type":"AfterDuration","duration":"PT1H"}},
            "expandedProperties":{"roleDefinition":{"displayName":"Contributor"}}}}
            """#
    }

    static let subscriptions =
        #"{"value":[{"id":"/subscriptions/s1","subscriptionId":"s1","displayName":"Prod-Payments"}],"nextLink":null}"#

    /// Names requests `name-1`, `name-2`, … in order.
    final class Names: Sendable {
        private let count = Mutex(0)
        func next() -> String {
            count.withLock {
                $0 += 1; return "name-\($0)"
            }
        }
    }

    let arm = FakeARM()
    let clock = TestClock()
    let tokens = FakeTokens()
    let names = Names()

    func service(policyCacheTTL: Double = 600) -> ARMRoleService {
        let names = self.names
        return ARMRoleService(
            configuration: ARMConfiguration(baseURL: arm.baseURL, policyCacheTTL: policyCacheTTL), transport: arm,
            tokens: tokens, clock: clock, newName: { names.next() })
    }

    /// One eligibility, nothing active or pending, one subscription.
    func scriptEligible() { Self.scriptEligible(arm) }

    static func scriptEligible(_ arm: FakeARM) {
        arm.on("GET", Self.eligiblePath, json: Self.list([Self.eligibility()]))
        arm.on("GET", Self.activePath, json: Self.list([]))
        arm.on("GET", Self.myRequestsPath, json: Self.list([]))
        arm.on("GET", Self.subscriptionsPath, json: Self.subscriptions)
        arm.on("GET", Self.groupsPath, json: Self.list([]))
        arm.on("GET", Self.policyPath, json: Self.list([]))
    }

    // MARK: dashboard

    @Test func dashboardReadsInOneBatchThenPoliciesAndElevations() async throws {
        scriptEligible()
        arm.on("GET", Self.activePath, json: Self.list([Self.instance(name: "a1", type: "Activated")]))
        arm.on(
            "GET", Self.myRequestsPath,
            json: Self.list([
                Self.request(name: "q1", status: "Provisioned"),
                Self.request(name: "q0", status: "Revoked", created: "2026-01-05T07:00:00Z"),
            ]))
        arm.on("GET", Self.approvalsPath, fixture: "roleAssignmentApprovals.list.GET.200.json")
        arm.on(
            "GET", Self.approverPath,
            json: Self.list([
                Self.request(name: "w1", status: "PendingApproval", approvalId: "488a6d0e-0a63-4946-86e3-1f5bbc934661"),
                Self.request(name: "w0", status: "Provisioned"),
            ]))
        arm.on(
            "GET", Self.elevationsPath("s1"),
            json: Self.list([
                Self.instance(name: "x1", type: "Activated", principal: "ben"),
                Self.instance(name: "x2", type: "Assigned", principal: "cy"),
            ]))
        let policy = Fixture.string("arm/roleManagementPolicyAssignments.list.GET.200.json").replacingOccurrences(
            of: "a1705bd2-3a8f-45a5-8683-466fcfd5cc24", with: "r1")
        arm.on("GET", Self.policyPath, json: policy)
        let service = service()

        let part = await service.dashboard(.everything)
        #expect(part.failures.isEmpty)
        #expect(part.unavailable == nil)
        let eligibility = try #require(part.eligibilities.first)
        #expect(eligibility.id == Self.schedule)
        #expect(eligibility.target.scopeLabel == "Prod-Payments")
        #expect(eligibility.memberType == .group)
        #expect(part.active.map(\.id) == ["a1"])
        #expect(part.myRequests.map(\.id) == ["q1", "q0"])
        #expect(part.approvals.map(\.id) == ["w1"])
        #expect(part.approvals.first?.approval?.openStageForMe != nil)
        #expect(part.elevations.map(\.id) == ["x1"])
        #expect(part.policies[eligibility.target.id]?.maxDuration == .hours(7))
        // The first batch, then one for what it taught (the subscription's elevations, the scope's policy).
        #expect(arm.onTheWire.map(\.target) == ["/batch?api-version=2020-06-01", "/batch?api-version=2020-06-01"])
        #expect(service.exchangeCount == 2)

        // Later refreshes know the subscriptions and have the policy cached: one round trip.
        _ = await service.dashboard(.everything)
        #expect(arm.onTheWire.count == 3)
        #expect(arm.recorded.filter { $0.target == Self.policyPath }.count == 1)
    }

    @Test func throttledItemIsRetriedAfterItsRetryAfter() async throws {
        scriptEligible()
        arm.on(
            "GET", Self.eligiblePath,
            .response(
                FakeARM.response(
                    status: 429, json: #"{"error":{"code":"TooManyRequests","message":"Please retry later."}}"#,
                    headers: ["Retry-After": "7"])),
            .response(FakeARM.response(json: Self.list([Self.eligibility()]))))
        let part = await service().dashboard(.rolesOnly)
        #expect(part.failures.isEmpty)
        #expect(part.eligibilities.count == 1)
        #expect(clock.sleeps == [7])
    }

    @Test func aPageFailingHalfWayFailsTheSectionInsteadOfShorteningIt() async throws {
        scriptEligible()
        let next =
            "https://management.example.test/providers/Microsoft.Authorization/"
            + "roleEligibilityScheduleInstances?$skipToken=2"
        arm.on("GET", Self.eligiblePath, json: Self.list([Self.eligibility()], nextLink: next))
        arm.on(
            "GET", "/providers/Microsoft.Authorization/roleEligibilityScheduleInstances?$skipToken=2", status: 500,
            json: #"{"error":{"code":"InternalServerError","message":"An error has occurred."}}"#)
        let part = await service().dashboard(.rolesOnly)
        #expect(part.eligibilities.isEmpty)
        let failure = try #require(part.failures[.azureRoles])
        #expect(failure.event.hasPrefix("Azure Resource Manager answered with a server error (HTTP 500)"))
    }

    @Test func aNextLinkToAnotherHostIsNotFollowed() async throws {
        scriptEligible()
        arm.on("GET", Self.eligiblePath, json: Self.list([Self.eligibility()], nextLink: "https://evil.test/steal"))
        let part = await service().dashboard(.rolesOnly)
        #expect(part.failures[.azureRoles]?.step == .checkEndpoint(.arm, thenRetry: false))
        #expect(!arm.recorded.contains { $0.target.contains("steal") })
    }

    /// Where `/batch` is missing (a national cloud, a gateway or stand-in that knows only the documented calls).
    @Test(arguments: [400, 404, 405, 501])
    func withoutTheBatchEndpointEachReadGoesAloneOnce(status: Int) async throws {
        scriptEligible()
        arm.withoutBatch(answering: status)
        let service = service()
        let part = await service.dashboard(.rolesOnly)
        #expect(part.failures.isEmpty)
        #expect(part.eligibilities.count == 1)
        _ = await service.dashboard(.rolesOnly)
        #expect(arm.recorded("POST").count == 1)
        #expect(arm.recorded.filter { $0.target == Self.eligiblePath && !$0.insideBatch }.count == 2)
    }

    @Test func noTokenMakesAzureUnavailableNotFailed() async throws {
        struct NoARMToken: TokenProvider {
            func accessToken(claims: String?) async throws -> String {
                throw PIMError(.signInRequired, "No ARM token", step: .getAzureAccess(.noToken))
            }
        }
        let service = ARMRoleService(
            configuration: ARMConfiguration(baseURL: arm.baseURL), transport: arm, tokens: NoARMToken(), clock: clock)
        let part = await service.dashboard(.everything)
        #expect(part.unavailable?.step == .getAzureAccess(.noToken))
        #expect(part.failures.isEmpty)
        #expect(arm.recorded.isEmpty)
    }

    @Test func aRefusedTokenMakesAzureUnavailable() async throws {
        scriptEligible()
        arm.on(
            "GET", Self.eligiblePath, status: 401, fixture: "error.InvalidAuthenticationTokenAudience.401.observed.json"
        )
        let part = await service().dashboard(.rolesOnly)
        #expect(part.unavailable?.step == .getAzureAccess(.tokenRefused))
        #expect(part.failures.isEmpty)
    }

    @Test func aPolicyTheUserMayNotReadIsUnknownNotAFailure() async throws {
        scriptEligible()
        arm.on("GET", Self.policyPath, status: 403, fixture: "error.AuthorizationFailed.403.composed.json")
        let part = await service().dashboard(.rolesOnly)
        #expect(part.failures.isEmpty)
        #expect(part.policies.isEmpty)
        #expect(part.eligibilities.count == 1)
    }

    @Test func aRolesPolicyOnALaterPageIsFound() async throws {
        scriptEligible()
        let next = "https://management.example.test\(Self.policyPath)&$skipToken=2"
        arm.on("GET", Self.policyPath, json: Self.list([], nextLink: next))
        let policy = Fixture.string("arm/roleManagementPolicyAssignments.list.GET.200.json").replacingOccurrences(
            of: "a1705bd2-3a8f-45a5-8683-466fcfd5cc24", with: "r1")
        arm.on("GET", Self.policyPath + "&$skipToken=2", json: policy)
        let policies = try await service().policies(for: [Self.target])
        #expect(policies[Self.target.id]?.requiresTicket == true)
    }

    @Test func policyBatchNamesArePlainAndDistinct() {
        let a = ARMRoleService.policyItemName("/subscriptions/s1/resourceGroups/a-b/x")
        let b = ARMRoleService.policyItemName("/subscriptions/s1/resourceGroups/a/b-x")
        #expect(a != b)
        #expect(a.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        #expect(
            ARMRoleService.policyItemName("/providers/Microsoft.Subscription/subscriptions/S1")
                == ARMRoleService.policyItemName("/subscriptions/s1"))
    }

    @Test func helpdeskSkipsASubscriptionThatRefuses() async throws {
        arm.on(
            "GET", Self.subscriptionsPath,
            json:
                #"{"value":[{"subscriptionId":"s1","displayName":"One"},{"subscriptionId":"s2","displayName":"Two"}]}"#)
        arm.on("GET", Self.elevationsPath("s1"), json: Self.list([Self.instance(name: "x1", type: "Activated")]))
        arm.on("GET", Self.elevationsPath("s2"), status: 403, fixture: "error.AuthorizationFailed.403.composed.json")
        let elevations = try await service().tenantElevations()
        #expect(elevations.map(\.id) == ["x1"])
        #expect(elevations.first?.target.scopeLabel == "One")
    }

    @Test func helpdeskFailsWhenASubscriptionFailsOtherwise() async throws {
        arm.on("GET", Self.subscriptionsPath, json: Self.subscriptions)
        arm.on("GET", Self.elevationsPath("s1"), status: 500, json: #"{"error":{"code":"Boom","message":"x"}}"#)
        await #expect(throws: PIMError.self) { try await service().tenantElevations() }
    }

    // MARK: writes

    func activation(justification: String? = "INC-1: fix", start: Date? = nil) -> ActivationRequest {
        ActivationRequest(
            target: Self.target, justification: justification, ticket: TicketInfo(number: "INC-1", system: "SNOW"),
            duration: .hours(2), start: start)
    }

    @Test func activationPutsTheContractBodyAtTheEligibilityScope() async throws {
        scriptEligible()
        arm.on(
            "PUT", Self.putPath("name-1"), status: 201,
            fixture: "roleAssignmentScheduleRequests.selfActivate.PUT.201.json")
        let result = try await service().activate(activation(), principalId: "me")
        #expect(result.request.status == .provisioned)
        let put = try #require(arm.recorded("PUT").first)
        #expect(arm.recorded("PUT").count == 1)
        #expect(put.headers["x-ms-client-request-id"] != nil)
        #expect(put.headers["Authorization"] == "Bearer token-plain")
        let expected: NSDictionary = [
            "properties": [
                "principalId": "me", "roleDefinitionId": Self.role, "requestType": "SelfActivate",
                "linkedRoleEligibilityScheduleId": Self.schedule, "justification": "INC-1: fix",
                "ticketInfo": ["ticketNumber": "INC-1", "ticketSystem": "SNOW"],
                "scheduleInfo": [
                    "startDateTime": "2026-01-06T08:00:00Z",
                    "expiration": ["type": "AfterDuration", "duration": "PT2H"],
                ],
            ]
        ]
        #expect(jsonObject(put.body) == expected)
    }

    @Test func aThrottledActivationWaitsItsRetryAfterAndGoesOnceMore() async throws {
        scriptEligible()
        arm.on(
            "PUT", Self.putPath("name-1"),
            .response(
                FakeARM.response(
                    status: 429, json: #"{"error":{"code":"TooManyRequests","message":"later"}}"#,
                    headers: ["Retry-After": "3"])),
            .response(
                FakeARM.response(
                    status: 201, json: Fixture.string("arm/roleAssignmentScheduleRequests.selfActivate.PUT.201.json"))))
        let result = try await service().activate(activation(), principalId: "me")
        #expect(result.request.status == .provisioned)
        #expect(clock.sleeps == [3])
        #expect(arm.recorded("PUT").count == 2)
    }

    @Test func anAlreadyActiveRoleSendsNothing() async throws {
        scriptEligible()
        arm.on("GET", Self.activePath, json: Self.list([Self.instance(name: "a1", type: "Activated")]))
        await #expect {
            try await service().activate(activation(), principalId: "me")
        } throws: { error in
            (error as? PIMError)?.kind == .alreadyExists && (error as? PIMError)?.step == .seeActiveOrDeactivate
        }
        #expect(arm.recorded("PUT").isEmpty)
    }

    @Test func aPendingRequestSendsNothing() async throws {
        scriptEligible()
        arm.on("GET", Self.myRequestsPath, json: Self.list([Self.request(name: "q9", status: "PendingApproval")]))
        await #expect {
            try await service().activate(activation(), principalId: "me")
        } throws: { error in
            (error as? PIMError)?.step == .seePendingOrCancel
        }
        #expect(arm.recorded("PUT").isEmpty)
    }

    @Test func anAmbiguousWriteIsLookedUpNotSentAgain() async throws {
        scriptEligible()
        arm.on(
            "GET", Self.myRequestsPath, .response(FakeARM.response(json: Self.list([]))),
            .response(
                FakeARM.response(
                    json: Self.list([
                        Self.request(name: "name-1", status: "Provisioned", created: "2026-01-06T08:00:00Z")
                    ]))))
        arm.on(
            "PUT", Self.putPath("name-1"),
            .failure(TransportError(.timedOut, "no answer", requestMayHaveBeenSent: true)))
        let result = try await service().activate(activation(), principalId: "me")
        #expect(result.request.id == "name-1")
        #expect(result.notices.contains { $0.contains("not sent twice") })
        #expect(arm.recorded("PUT").count == 1)
    }

    @Test func anAmbiguousWriteNotFoundGoesAgainUnderTheSameName() async throws {
        scriptEligible()
        arm.on(
            "PUT", Self.putPath("name-1"),
            .failure(TransportError(.timedOut, "no answer", requestMayHaveBeenSent: true)),
            .response(
                FakeARM.response(
                    status: 201, json: Fixture.string("arm/roleAssignmentScheduleRequests.selfActivate.PUT.201.json"))))
        let result = try await service().activate(activation(), principalId: "me")
        #expect(result.request.status == .provisioned)
        #expect(arm.recorded("PUT").map(\.target) == [Self.putPath("name-1"), Self.putPath("name-1")])
        // Looked among my requests between the two.
        #expect(arm.recorded.filter { $0.target == Self.myRequestsPath && !$0.insideBatch }.count == 1)
    }

    @Test func anAuthenticationContextChallengeStepsUpOnce() async throws {
        scriptEligible()
        arm.on(
            "PUT", Self.putPath("name-1"),
            .response(
                FakeARM.response(
                    status: 400,
                    json: Fixture.string("arm/error.RoleAssignmentRequestAcrsValidationFailed.400.observed.json"))),
            .response(
                FakeARM.response(
                    status: 201, json: Fixture.string("arm/roleAssignmentScheduleRequests.selfActivate.PUT.201.json"))))
        let result = try await service().activate(activation(), principalId: "me")
        #expect(result.request.status == .provisioned)
        #expect(tokens.claimsAsked == [#"{"access_token":{"acrs":{"essential":true, "value":"c1"}}}"#])
        #expect(
            arm.recorded("PUT").map { $0.headers["Authorization"] } == [
                "Bearer token-plain", "Bearer token-stepped-up",
            ])
        #expect(result.notices.contains { $0.contains("authentication context c1") })
    }

    @Test func aSecondChallengeIsNotSteppedUpAgain() async throws {
        scriptEligible()
        arm.on(
            "PUT", Self.putPath("name-1"), status: 400,
            fixture: "error.RoleAssignmentRequestAcrsValidationFailed.400.observed.json")
        await #expect(throws: PIMError.self) { try await service().activate(activation(), principalId: "me") }
        #expect(arm.recorded("PUT").count == 2)
        #expect(tokens.claimsAsked.count == 1)
    }

    @Test func policyFailureNamesTheRuleAndIsNotRetried() async throws {
        scriptEligible()
        arm.on(
            "PUT", Self.putPath("name-1"), status: 400,
            fixture: "error.RoleAssignmentRequestPolicyValidationFailed.TicketingRule.400.composed.json")
        await #expect {
            try await service().activate(activation(), principalId: "me")
        } throws: { error in
            (error as? PIMError)?.failedRules == [.ticketing]
        }
        #expect(arm.recorded("PUT").count == 1)
    }

    @Test func preflightValidatesWithoutCreating() async throws {
        arm.on(
            "POST", Self.sub + Self.auth + "/roleAssignmentScheduleRequests/name-1/validate?api-version=2020-10-01",
            status: 400,
            fixture: "error.RoleAssignmentRequestPolicyValidationFailed.JustificationRule.400.composed.json")
        let report = try await service().preflight(activation(justification: nil), principalId: "me")
        #expect(report.failedRules == [.justification])
        #expect(arm.recorded("PUT").isEmpty)
    }

    @Test func aValidationOnlyActivationCreatesNothingAndLinksTheKnownSchedule() async throws {
        scriptEligible()
        let validate = Self.sub + Self.auth + "/roleAssignmentScheduleRequests/name-1/validate?api-version=2020-10-01"
        arm.on("POST", validate, fixture: "roleAssignmentScheduleRequests.selfActivate.PUT.201.json")
        let service = service()
        _ = await service.dashboard(.rolesOnly)
        var request = activation()
        request.validationOnly = true
        let result = try await service.activate(request, principalId: "me")
        #expect(result.request.isValidationOnly)
        #expect(arm.recorded("PUT").isEmpty)
        let sent = try #require(arm.recorded("POST").first { $0.target == validate })
        let properties = jsonObject(sent.body)?["properties"] as? NSDictionary
        #expect(properties?["linkedRoleEligibilityScheduleId"] as? String == Self.schedule)
    }

    func assignment(startedAgo seconds: Double, type: AssignmentType = .activated) -> ActiveAssignment {
        ActiveAssignment(
            id: "a1", target: Self.target, principal: Principal(id: "me"),
            start: clock.now().addingTimeInterval(-seconds), end: clock.now().addingTimeInterval(3600),
            assignmentType: type)
    }

    @Test func deactivationWithinFiveMinutesIsRefusedBeforeSending() async throws {
        await #expect {
            try await service().deactivate(assignment(startedAgo: 120), justification: nil, principalId: "me")
        } throws: { error in
            (error as? PIMError)?.step == .tryAgainLater(.afterSeconds(180))
        }
        #expect(arm.recorded.isEmpty)
    }

    @Test func deactivationPutsSelfDeactivate() async throws {
        let answer = Self.request(name: "name-1", status: "Revoked", type: "SelfDeactivate")
        arm.on("PUT", Self.putPath("name-1"), status: 201, json: answer)
        let request = try await service().deactivate(
            assignment(startedAgo: 600), justification: "done", principalId: "me")
        #expect(request.action == .selfDeactivate)
        #expect(request.target.scopeLabel == "Prod-Payments")
        let expected: NSDictionary = [
            "properties": [
                "principalId": "me", "roleDefinitionId": Self.role, "requestType": "SelfDeactivate",
                "justification": "done",
            ]
        ]
        #expect(jsonObject(arm.recorded("PUT").first?.body) == expected)
    }

    @Test func extendingAnActivationEndsItAndActivatesAgain() async throws {
        scriptEligible()
        arm.on(
            "PUT", Self.putPath("name-1"), status: 201,
            json: Self.request(name: "name-1", status: "Revoked", type: "SelfDeactivate"))
        arm.on(
            "PUT", Self.putPath("name-2"), status: 201,
            fixture: "roleAssignmentScheduleRequests.selfActivate.PUT.201.json")
        let result = try await service().extend(assignment(startedAgo: 600), with: activation(), principalId: "me")
        #expect(result.request.action == .selfActivate)
        let types = arm.recorded("PUT").compactMap {
            (jsonObject($0.body)?["properties"] as? NSDictionary)?["requestType"] as? String
        }
        #expect(types == ["SelfDeactivate", "SelfActivate"])
        #expect(result.notices.first?.contains("cannot lengthen a running activation") == true)
    }

    @Test func cancelPostsToTheRequestAndAcceptsAnEmptyAnswer() async throws {
        let path = Self.sub + Self.auth + "/roleAssignmentScheduleRequests/q9/cancel?api-version=2020-10-01"
        arm.on("POST", path, .response(HTTPResponse(status: 200)))
        let request = ElevationRequest(
            id: "q9", target: Self.target, action: .selfActivate, status: .pendingApproval,
            principal: Principal(id: "me"))
        try await service().cancel(request)
        #expect(arm.recorded("POST").map(\.target) == [path])
    }

    // MARK: approvals

    static let approvalPath =
        auth + "/roleAssignmentApprovals/488a6d0e-0a63-4946-86e3-1f5bbc934661?api-version=2021-01-01-preview"
    static let stagePath =
        auth
        + "/roleAssignmentApprovals/488a6d0e-0a63-4946-86e3-1f5bbc934661/stages/4135f961-be78-4005-8101-c72a5af307a2"
        + "?api-version=2021-01-01-preview"

    func waitingItem() -> ApprovalItem {
        ApprovalItem(
            request: ElevationRequest(
                id: "w1", target: Self.target, action: .selfActivate, status: .pendingApproval,
                principal: Principal(id: "ben"), approvalId: "488a6d0e-0a63-4946-86e3-1f5bbc934661"))
    }

    @Test func approvingPatchesTheOpenStage() async throws {
        arm.on("GET", Self.approvalPath, fixture: "roleAssignmentApprovals.GET.200.json")
        arm.on("PATCH", Self.stagePath, .response(HTTPResponse(status: 204)))
        try await service().decide(waitingItem(), .approve, justification: "ok")
        let patch = try #require(arm.recorded("PATCH").first)
        #expect(jsonObject(patch.body) == ["properties": ["reviewResult": "Approve", "justification": "ok"]])
    }

    @Test func aConflictSaysWhoDecided() async throws {
        arm.on(
            "GET", Self.approvalPath,
            .response(FakeARM.response(json: Fixture.string("arm/roleAssignmentApprovals.GET.200.json"))),
            .response(
                FakeARM.response(
                    json: #"{"name":"488a6d0e-0a63-4946-86e3-1f5bbc934661","properties":{"stages":["#
                        + Fixture.string("arm/roleAssignmentApprovals.stages.PATCH.200.json") + "]}}")))
        arm.on("PATCH", Self.stagePath, status: 409, json: #"{"error":{"code":"Conflict","message":"decided"}}"#)
        await #expect {
            try await service().decide(waitingItem(), .deny, justification: "no")
        } throws: { error in
            let error = error as? PIMError
            return error?.kind == .alreadyDecided && error?.outcome == "approved by Shubham Gupta at 21:02 UTC"
        }
    }

    @Test func whyNotWaitingReadsWhatBecameOfTheRequest() async throws {
        arm.on("GET", Self.approverPath, json: Self.list([Self.request(name: "w1", status: "Canceled")]))
        arm.on("GET", Self.myRequestsPath, json: Self.list([]))
        let error = await service().whyNotWaiting(requestId: "w1")
        #expect(error?.kind == .alreadyDecided)
        #expect(error?.outcome == "cancelled by the requester")
        #expect(await service().whyNotWaiting(requestId: "unknown") == nil)
    }
}
