import Foundation
import PIMDomain
import PIMGraph
import Testing

/// Bodies that are not what Graph documents: malformed or truncated JSON, a listing whose next page
/// fails, a `$batch` whose items fail differently. No crash, a message that says what to do,
/// nothing half-read shown as complete, and the next call recovers.
@Suite(.serialized)
struct PayloadFaultTests {
    static let meJSON = ThrottlingFaultTests.meJSON
    static let unreadable =
        "Graph sent a response that could not be read: try again, and look at the exchange if it persists"

    @Test(arguments: [
        "<html><body>Bad gateway</body></html>", #"{"id":"5a1f6c2e","displayNa"#, "", "null", #"{"id":42}"#,
    ])
    func malformedOrTruncatedJSONIsAClearServiceError(body: String) async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on("GET", "/v1.0/me", .answer(200, body), .answer(200, Self.meJSON))
        let error = await pimError { try await h.service.currentUser() }
        #expect(error?.kind == .service)
        #expect(error?.description.hasPrefix(Self.unreadable) == true)
        #expect(h.graph.received("GET", "/v1.0/me").count == 1)
        #expect(try await h.service.currentUser().id == FaultGraph.me)
    }

    /// An endless or enormous answer (a misconfigured proxy, a hostile --graph-url) is cut off at the
    /// limit instead of filling memory, is not asked for again, and says where to look.
    @Test func anAnswerLongerThanTheLimitIsRefusedOnceAndSaysWhereToLook() async throws {
        let h = try Harness(bodyLimit: 65_536)
        defer { h.stop() }
        let huge = #"{"id":"\#(FaultGraph.me)","displayName":""# + String(repeating: "A", count: 300_000) + #""}"#
        h.graph.on("GET", "/v1.0/me", .answer(200, huge), .answer(200, Self.meJSON))
        let error = await pimError { try await h.service.currentUser() }
        #expect(error?.kind == .service)
        #expect(error?.description.contains("too large to read") == true, "\(String(describing: error))")
        #expect(error?.step == .checkEndpoint(.graph, thenRetry: true))
        #expect(h.graph.received("GET", "/v1.0/me").count == 1)
        #expect(try await h.service.currentUser().id == FaultGraph.me)
    }

    @Test func anErrorBodyThatIsNotJSONStillNamesTheStatus() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on("GET", "/v1.0/me", .answer(403, "<html>Forbidden\u{1B}[2J</html>"))
        let error = await pimError { try await h.service.currentUser() }
        #expect(error?.kind == .forbidden)
        #expect(error?.step == .getPermission)
        #expect(error.map { Sanitizer.isClean($0.description) } == true)
    }

    @Test func aTruncatedBatchAnswerIsAServiceErrorThenTheNextRefreshIsComplete() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.scriptDashboard()
        h.graph.on("POST", "/v1.0/$batch", .answer(200, #"{"responses":[{"id":"me","status":200,"bo"#))
        let error = await pimError { try await h.service.loadDashboard(Harness.lean) }
        #expect(error?.kind == .service)
        #expect(error?.description.contains("batch answer that could not be read: try again") == true)
        h.graph.on("POST", "/v1.0/$batch")  // back to answering item by item
        let dashboard = try await h.service.loadDashboard(Harness.lean)
        #expect(dashboard.failures.isEmpty)
        #expect(dashboard.me.id == FaultGraph.me)
    }

    /// A listing whose second page fails: the whole listing is reported failed, not shown with
    /// only its first page as if complete.
    @Test func aFailingSecondPageFailsTheListingNotHalfShown() async throws {
        let h = try Harness(retry: RetryPolicy(maxAttempts: 1))
        defer { h.stop() }
        h.scriptDashboard()
        let next =
            h.server.baseURL.absoluteString
            + "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances/page2?$skiptoken=2"
        h.graph.on(
            "GET",
            "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')",
            json: Harness.eligibleRolesPage(ids: ["p1a", "p1b"], next: next))
        h.graph.on(
            "GET", "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances/page2",
            .answer(500, #"{"error":{"code":"InternalServerError","message":"Page store unavailable."}}"#),
            .answer(200, Harness.eligibleRolesPage(ids: ["p2a"], next: nil)))
        let partial = try await h.service.loadDashboard(Harness.lean)
        let failure = try #require(partial.failures[.eligibleRoles])
        #expect(failure.kind == .service)
        #expect(failure.description.contains("try again in a few minutes"))
        #expect(partial.eligibilities.isEmpty)  // not the first page alone
        #expect(partial.me.id == FaultGraph.me)  // the other sections are there
        let recovered = try await h.service.loadDashboard(Harness.lean)
        #expect(recovered.failures.isEmpty)
        #expect(
            recovered.eligibilities.map(\.target.displayName) == [
                "Global Reader p1a", "Global Reader p1b", "Global Reader p2a",
            ])
    }

    /// The same for a plain paged read (the tenant-wide audit log): an error, no partial list.
    @Test func aFailingSecondPageOfTheAuditLogIsAnError() async throws {
        let h = try Harness(retry: RetryPolicy(maxAttempts: 1))
        defer { h.stop() }
        let next = h.server.baseURL.absoluteString + "/v1.0/auditLogs/directoryAudits?$skiptoken=2"
        h.graph.on(
            "GET", "/v1.0/auditLogs/directoryAudits",
            .answer(
                200,
                #"""
                {"@odata.nextLink":"\#(next)","value":[{"id":"a1","activityDisplayName":"first",\#
                "activityDateTime":"2026-01-01T00:00:00Z"}]}
                """#
            ),
            .fault(.resetAfterReading))
        let error = await pimError { try await h.service.auditHistory(AuditQuery(tenantWide: true)) }
        #expect(error?.kind == .network)
        #expect(h.graph.received("GET", "/v1.0/auditLogs/directoryAudits").count == 2)
    }

    /// A next link that leads back to a page already read: an error after two requests. Before the
    /// fix the loop ran to a thousand pages and showed each item a thousand times, as if complete.
    @Test func aNextLinkThatLoopsIsAnErrorNotDuplicates() async throws {
        let h = try Harness()
        defer { h.stop() }
        let page2 = h.server.baseURL.absoluteString + "/v1.0/auditLogs/directoryAudits/page2"
        let entry = #"{"id":"a1","activityDisplayName":"first","activityDateTime":"2026-01-01T00:00:00Z"}"#
        h.graph.on(
            "GET", "/v1.0/auditLogs/directoryAudits", json: #"{"@odata.nextLink":"\#(page2)","value":[\#(entry)]}"#)
        h.graph.on(
            "GET", "/v1.0/auditLogs/directoryAudits/page2",
            json: #"{"@odata.nextLink":"\#(page2)","value":[\#(entry)]}"#)
        let error = await pimError { try await h.service.auditHistory(AuditQuery(tenantWide: true)) }
        #expect(error?.kind == .service)
        #expect(
            error?.description.contains("next-page link loops), so the listing is incomplete: try again later.")
                == true)
        #expect(h.graph.received.count == 2)
    }

    /// A next link pointing at another host is refused before the token is sent there.
    @Test func aNextLinkToAnotherHostIsNotFollowed() async throws {
        let h = try Harness()
        defer { h.stop() }
        let other = try FaultServer { _ in .respond(FaultGraph.json(200, Harness.empty)) }
        defer { other.stop() }
        h.graph.on(
            "GET", "/v1.0/auditLogs/directoryAudits",
            .answer(200, #"{"@odata.nextLink":"\#(other.baseURL.absoluteString)/steal","value":[]}"#))
        let error = await pimError { try await h.service.auditHistory(AuditQuery(tenantWide: true)) }
        #expect(error?.kind == .service)
        #expect(error?.description.contains("the listing stopped rather than send your token there") == true)
        #expect(error?.step == .checkEndpoint(.graph, thenRetry: false))
    }

    /// One `$batch`, items failing in different ways: throttled items are retried inside the batch,
    /// the rest become per-section failures while the other sections load; the next refresh is whole.
    @Test func aBatchWithMixedItemFailuresGivesAPartialDashboard() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.scriptDashboard()
        let groups =
            """
            /v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances\
            /filterByCurrentUser(on='principal')
            """
        let active = Harness.activeRolesPath
        let groupRequests =
            """
            /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests\
            /filterByCurrentUser(on='principal')
            """
        h.graph.on(
            "GET", groups,
            .answer(403, #"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges."}}"#),
            .answer(200, Harness.empty))
        h.graph.on(
            "GET", active, .answer(429, ThrottlingFaultTests.throttled, headers: ["Retry-After": "2"]),
            .answer(200, Harness.empty))
        h.graph.on(
            "GET", groupRequests, .answer(500, #"{"error":{"code":"InternalServerError","message":"Boom."}}"#),
            .answer(200, Harness.empty))
        let dashboard = try await h.service.loadDashboard(Harness.lean)
        #expect(dashboard.eligibilities.map(\.target.displayName) == ["Global Reader e1"])
        #expect(dashboard.failures[.eligibleGroups]?.kind == .forbidden)
        #expect(dashboard.failures[.myRequests]?.kind == .service)
        #expect(dashboard.failures[.activeRoles] == nil)  // throttled, retried, read
        #expect(h.clock.sleeps == [2])
        #expect(h.graph.received("POST", "/v1.0/$batch").count == 2)
        let next = try await h.service.loadDashboard(Harness.lean)
        #expect(next.failures.isEmpty)
    }
}
