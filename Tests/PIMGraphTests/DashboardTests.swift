import Foundation
import Testing
@testable import PIMGraph
import PIMDomain

/// The dashboard: one batch, per-item failures, a second round only for what the first revealed.
struct DashboardTests {
    @Test func firstLoadIsTwoRoundTripsAndARefreshIsOne() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        let service = TenantScript.service(graph)
        let dashboard = try await service.loadDashboard(.everything)

        #expect(graph.exchanges == 2)  // reads, then policies + the newly seen group
        #expect(dashboard.requestCount == 2)
        #expect(dashboard.failures.isEmpty)
        #expect(dashboard.me.displayName == "Ada Admin")
        #expect(dashboard.eligibilities.map(\.target.displayName) == ["Global Reader", "pag_Tier0.Break-glass"])
        #expect(dashboard.policies[.role(TenantScript.roleId)]?.maxDuration == .hours(8))
        #expect(dashboard.policies[.group(TenantScript.groupId)] != nil)
        #expect(dashboard.approvals.first?.request.status == .pendingApproval)
        #expect(dashboard.myRequests.count == 1)
        #expect(dashboard.history.count == 1)
        // Helpdesk: activated ones only, soonest end first, group names filled in.
        #expect(dashboard.elevations.map(\.id) == ["\(TenantScript.groupId)_member_1", "a9"])
        #expect(dashboard.elevations.first?.target.displayName == "pag_Tier0.Break-glass")
        #expect(dashboard.elevations.last?.principal.displayName == "Bo Helpdesk")
        #expect(graph.recorded.filter { !$0.insideBatch }.allSatisfy { $0.target == "/v1.0/$batch" })

        let refreshed = try await service.loadDashboard(.everything)
        #expect(graph.exchanges == 3)
        #expect(refreshed.requestCount == 1)
        #expect(refreshed.policies == dashboard.policies)
        #expect(refreshed.elevations == dashboard.elevations)
    }

    @Test func expiredPoliciesAreReadAgainInTheSameBatch() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        let clock = TestClock()
        let service = TenantScript.service(graph, clock: clock)
        _ = try await service.loadDashboard(.everything)
        clock.advance(601)
        let again = try await service.loadDashboard(.everything)
        #expect(again.requestCount == 1)
        #expect(graph.recorded.filter { $0.target == TenantScript.rolePolicyTarget }.count == 2)
    }

    @Test func aFailingSectionIsReportedAndTheRestShown() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        graph.on(
            "GET",
            """
            /v1.0/roleManagement/directory/roleAssignmentScheduleInstances?$filter=assignmentType eq \
            'Activated'&$select=id,principalId,roleDefinitionId,directoryScopeId,startDateTime,endDateTime,memberType,\
            assignmentType&$expand=principal,roleDefinition($select=id,displayName,description,templateId),\
            directoryScope
            """,
            status: 403,
            json:
                #"""
                {"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the \#
                operation."}}
                """#
        )
        let service = TenantScript.service(graph)
        let dashboard = try await service.loadDashboard(DashboardOptions(includeElevations: true))
        #expect(dashboard.failures[.elevations]?.kind == .forbidden)
        #expect(dashboard.eligibilities.count == 2)
    }

    /// An account without the AccessReview scopes: the reviews section says why; the rest is whole.
    @Test func forbiddenAccessReviewsLeaveTheRestOfTheDashboard() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        graph.on(
            "GET", TenantScript.reviewDefinitionsPath, status: 403,
            json: #"{"error":{"code":"Forbidden","message":"Insufficient scopes."}}"#)
        let dashboard = try await TenantScript.service(graph).loadDashboard(.everything)
        #expect(dashboard.failures.keys.sorted { $0.rawValue < $1.rawValue } == [.accessReviews])
        #expect(dashboard.failures[.accessReviews]?.kind == .forbidden)
        #expect(dashboard.accessReviews.isEmpty)
        #expect(dashboard.eligibilities.count == 2)
        #expect(dashboard.me.displayName == "Ada Admin")
    }

    /// Reviews the first batch cannot complete follow the dashboard: a failure on the way is theirs alone.
    @Test func aFailureOfTheReviewsThatFollowLeavesTheDashboardWhole() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        graph.on("GET", TenantScript.reviewDefinitionsPath, json: #"{"value":[{"id":"def-1","displayName":"Q4"}]}"#)
        graph.on(
            "GET",
            """
            /v1.0/identityGovernance/accessReviews/definitions/def-1/instances/filterByCurrentUser(on='reviewer')\
            ?$filter=status eq 'InProgress'
            """,
            status: 403, json: #"{"error":{"code":"Forbidden","message":"Insufficient scopes."}}"#)
        let service = TenantScript.service(graph)
        let dashboard = try await service.loadDashboard(.everything)
        #expect(dashboard.failures.isEmpty, "\(dashboard.failures)")
        #expect(dashboard.accessReviewsFollow)
        #expect(dashboard.eligibilities.count == 2)
        await #expect(throws: PIMError.self) { try await service.followingAccessReviews() }
    }

    @Test func everythingFailingThrows() async throws {
        let graph = FakeGraph()  // no routes: every item is a 404
        let service = TenantScript.service(graph)
        await #expect(throws: PIMError.self) { try await service.loadDashboard(.rolesOnly) }
    }

    @Test func throttledItemsGoAgainInANewBatchAfterRetryAfter() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        graph.on(
            "GET",
            TenantScript.pendingRoleApprovalsPath,
            .response(
                HTTPResponse(
                    status: 429, headers: ["Retry-After": "3"], body: Fixture.data("error.TooManyRequests.429.json"))),
            .response(
                HTTPResponse(
                    status: 200,
                    body: Fixture.data(
                        "roles.roleAssignmentScheduleRequests.filterByCurrentUser-approver-pendingApproval.GET.200.json"
                    ))))
        let clock = TestClock()
        let service = TenantScript.service(graph, clock: clock)
        let dashboard = try await service.loadDashboard(
            DashboardOptions(includeElevations: false, includePolicies: false))
        #expect(clock.sleeps == [3])
        #expect(dashboard.approvals.count == 1)
        #expect(dashboard.failures.isEmpty)
        let batches = graph.recorded.filter { $0.target == "/v1.0/$batch" }
        // The reads, the throttled one again, then what the newly seen group gives (its id came with the reads).
        #expect(batches.count == 3)
        #expect((jsonObject(batches[1].body)?["requests"] as? [Any])?.count == 1)  // only the throttled one
    }

    @Test func pagesInsideABatchAreFollowedByPlainGets() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        let next =
            """
            \(graph.base)/v1.0/roleManagement/directory/roleEligibilityScheduleInstances\
            /filterByCurrentUser(on='principal')?$select=id,principalId,roleDefinitionId,directoryScopeId,\
            startDateTime,endDateTime,memberType&$expand=roleDefinition,directoryScope&$skiptoken=abc
            """
        let firstPage = TenantScript.eligibleRoles.replacingOccurrences(
            of: #"{"value":"#, with: #"{"@odata.nextLink":"\#(next)","value":"#)
        graph.on("GET", TenantScript.eligibleRolesPath, json: firstPage)
        graph.on(
            "GET", TenantScript.eligibleRolesPath + "&$skiptoken=abc",
            json: TenantScript.eligibleRoles.replacingOccurrences(of: #""id":"e1""#, with: #""id":"e2""#)
                .replacingOccurrences(of: "/\"", with: "/admin-unit-1\""))
        let service = TenantScript.service(graph)
        let dashboard = try await service.loadDashboard(.rolesOnly)
        #expect(dashboard.eligibilities.filter { $0.target.kind == .directoryRole }.map(\.id) == ["e1", "e2"])
        #expect(graph.recorded.contains { !$0.insideBatch && $0.target.hasSuffix("$skiptoken=abc") })
    }

    @Test func moreThanTwentyItemsAreSplit() async throws {
        let graph = FakeGraph()
        for n in 0..<45 { graph.on("GET", "/v1.0/groups/g\(n)", json: #"{"id":"g\#(n)"}"#) }
        let service = TenantScript.service(graph)
        let items = (0..<45).map { BatchItem(id: "i\($0)", request: GraphRequest(path: "/groups/g\($0)")) }
        let responses = try await service.client.batch(items)
        #expect(responses.count == 45)
        #expect(responses.values.allSatisfy { $0.status == 200 })
        let sizes = graph.recorded.filter { $0.target == "/v1.0/$batch" }.map {
            (jsonObject($0.body)?["requests"] as? [Any])?.count
        }
        // Batches may go out concurrently: their order on the wire is not fixed.
        #expect(sizes.compactMap { $0 }.sorted() == [5, 20, 20])
    }

    @Test func nextLinksToOtherHostsAreRefused() async throws {
        let graph = FakeGraph()
        graph.on(
            "GET", "/v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'PIM'",
            json: #"{"@odata.nextLink":"https://evil.example/steal","value":[]}"#)
        let service = TenantScript.service(graph)
        await #expect(throws: PIMError.self) { try await service.auditHistory(AuditQuery(tenantWide: true)) }
        #expect(!graph.recorded.contains { $0.target.contains("steal") })
    }

    @Test func pagedAuditLogIsReadToTheEnd() async throws {
        let graph = FakeGraph()
        let page2 = "\(graph.base)/v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'PIM'&$skiptoken=2"
        graph.on(
            "GET", "/v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'PIM'",
            json:
                #"""
                {"@odata.nextLink":"\#(page2.replacingOccurrences(of: " ", with: "%20"))","value":[{"id":"a1",\#
                "activityDisplayName":"one","activityDateTime":"2026-01-01T00:00:00Z"}]}
                """#
        )
        graph.on(
            "GET", "/v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'PIM'&$skiptoken=2",
            fixture: "auditLogs.directoryAudits.pim.GET.200.observed.json")
        let events = try await TenantScript.service(graph).auditHistory(AuditQuery(tenantWide: true))
        #expect(events.map(\.id).count == 2)
        #expect(events.first?.activity == "Remove member from role (PIM activation expired)")  // newest first
    }

    @Test func myHistoryIsMyRequestsNewestFirst() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        let events = try await TenantScript.service(graph).auditHistory(AuditQuery())
        #expect(events.count == 1)
        #expect(events.first?.requestId == "95c690fb-3eb3-4942-a03f-4524aed6f31e")
        #expect(!graph.recorded.contains { $0.target.contains("directoryAudits") })
    }

    @Test func tenantElevationsDiscoverGroupsThenAskPerGroup() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        let elevations = try await TenantScript.service(graph).tenantElevations()
        #expect(elevations.map(\.id) == ["\(TenantScript.groupId)_member_1", "a9"])
        #expect(
            graph.recorded.contains {
                $0.target
                    == """
                    /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleInstances?$filter=groupId eq \
                    '\(TenantScript.groupId)'&$expand=principal
                    """
            })
    }
}

extension DashboardTests {
    @Test func nextLinksWithTheDefaultPortSpelledOutAreFollowed() throws {
        let client = TenantScript.service(FakeGraph()).client
        let explicit = try client.nextURL("https://graph.example.test:443/v1.0/x?$skiptoken=1")
        #expect(explicit?.host == "graph.example.test")
        #expect(throws: PIMError.self) { try client.nextURL("https://graph.example.test:8443/v1.0/x") }
        #expect(throws: PIMError.self) { try client.nextURL("http://graph.example.test/v1.0/x") }
    }
}

extension DashboardTests {
    static let groupRequests =
        "/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests/filterByCurrentUser(on='principal')"

    /// Without the group half (a token lacking the group scopes) the list is incomplete, not shorter:
    /// the error names the requests and keeps the fix (`pim login`).
    @Test func myRequestsMissingTheGroupHalfAreIncomplete() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        graph.on("GET", Self.groupRequests, status: 403, fixture: "error.PermissionScopeNotGranted.403.observed.json")
        let error = await #expect(throws: PIMError.self) { try await TenantScript.service(graph).myRequests() }
        #expect(error?.kind == .service)
        #expect(
            error?.description.hasPrefix("Could not read your requests (The token lacks the permission") == true,
            "\(String(describing: error))")
        #expect(error?.event.hasSuffix("so the listing is incomplete") == true, "\(String(describing: error))")
        #expect(error?.step == .signIn(.ownSignIn), "\(String(describing: error))")
        #expect(graph.exchanges == 1)  // names rode along in the same batch
    }

    @Test func myRequestsFailOnOtherErrors() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        graph.on(
            "GET", Self.groupRequests, status: 500, json: #"{"error":{"code":"InternalServerError","message":"boom"}}"#)
        await #expect(throws: PIMError.self) { try await TenantScript.service(graph).myRequests() }
    }
}
