import Foundation
import PIMDomain
import PIMGraph
import Testing

/// Answers pim must not believe: next links that are no links, `Retry-After` values that are negative,
/// not a number or in the past, a 409 where no approval is decided, and pages that keep coming slowly.
@Suite struct OddAnswerTests {
    static let audit = "/v1.0/auditLogs/directoryAudits"
    static let entry = #"{"id":"a1","activityDisplayName":"first","activityDateTime":"2026-01-01T00:00:00Z"}"#

    /// A link with a scheme but no host is not "the network failed" (exit 6) but an answer pim could not
    /// read (exit 5), and nothing is sent for it.
    @Test(arguments: [
        "http:/127.0.0.1/v1.0/auditLogs/directoryAudits/page2", "data:,{}", "data:application/json;base64,e30=",
        "file:///etc/passwd",
    ])
    func anUnreadableNextLinkIsAServiceErrorNotANetworkFailure(link: String) async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on("GET", Self.audit, json: #"{"@odata.nextLink":"\#(link)","value":[\#(Self.entry)]}"#)
        let error = await pimError { try await h.service.auditHistory(AuditQuery(tenantWide: true)) }
        #expect(error?.kind == .service, "\(String(describing: error))")
        #expect(
            error?.description.contains("next-page link that could not be read, so the listing is incomplete")
                == true,
            "\(String(describing: error))")
        #expect(h.graph.received.count == 1, "nothing followed: \(h.graph.received.map(\.target))")
        #expect(h.clock.sleeps.isEmpty, "not retried as a network failure")
    }

    /// `Retry-After` that is negative, not a number, infinite or a date already past is treated as absent:
    /// the exponential backoff (0.5–1 s first) instead of an immediate retry that hammers the service.
    static let meaningless = ["-5", "-0.5", "nan", "NaN", "inf", "-inf", "soon", "Wed, 21 Oct 2015 07:28:00 GMT"]

    @Test(arguments: meaningless)
    func aMeaninglessRetryAfterOnAPlainAnswerBacksOff(value: String) async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on(
            "GET", "/v1.0/me", .answer(429, ThrottlingFaultTests.throttled, headers: ["Retry-After": value]),
            .answer(200, ThrottlingFaultTests.meJSON))
        _ = try await h.service.currentUser()
        #expect(h.clock.sleeps.count == 1)
        #expect((0.5...1).contains(h.clock.sleeps.first ?? 0), "\(h.clock.sleeps)")
    }

    @Test(arguments: meaningless)
    func aMeaninglessRetryAfterInABatchItemBacksOff(value: String) async throws {
        let h = try Harness()
        defer { h.stop() }
        h.scriptDashboard()
        let active = Harness.activeRolesPath
        h.graph.on(
            "GET", active, .answer(429, ThrottlingFaultTests.throttled, headers: ["Retry-After": value]),
            .answer(429, ThrottlingFaultTests.throttled, headers: ["Retry-After": value]), .answer(200, Harness.empty))
        let dashboard = try await h.service.loadDashboard(Harness.lean)
        #expect(dashboard.failures.isEmpty)
        let sleeps = h.clock.sleeps
        #expect(sleeps.count == 2)
        #expect((0.5...1).contains(sleeps.first ?? 0) && (1...2).contains(sleeps.last ?? 0), "\(sleeps)")
    }

    /// Huge values and far-future dates are capped at the policy's largest wait, in both places.
    @Test(arguments: ["1e300", "86400", "Fri, 31 Dec 9999 23:59:59 GMT"])
    func aHugeRetryAfterIsCappedInPlainAnswersAndBatchItems(value: String) async throws {
        let h = try Harness()
        defer { h.stop() }
        h.scriptDashboard()
        let active = Harness.activeRolesPath
        h.graph.on(
            "GET", active, .answer(429, ThrottlingFaultTests.throttled, headers: ["Retry-After": value]),
            .answer(200, Harness.empty))
        h.graph.on(
            "GET", "/v1.0/me", .answer(429, ThrottlingFaultTests.throttled, headers: ["Retry-After": value]),
            .answer(200, ThrottlingFaultTests.meJSON))
        _ = try await h.service.currentUser()
        _ = try await h.service.loadDashboard(Harness.lean)
        #expect(h.clock.sleeps == [Harness.retry.maxDelay, Harness.retry.maxDelay])
    }

    /// Only deciding an approval may say "already decided by someone else"; a 409 anywhere else is an
    /// odd answer from the service.
    @Test func aConflictOnMeIsNotCalledADecision() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on("GET", "/v1.0/me", status: 409, json: #"{"error":{"code":"Conflict","message":"Odd."}}"#)
        let error = await pimError { try await h.service.currentUser() }
        #expect(error?.kind == .service, "\(String(describing: error))")
        #expect(error?.description.contains("decided") == false, "\(String(describing: error))")
        #expect(error?.description.contains("try again") == true)
    }

    /// 999 slow pages could take hours: a listing gives up after 5 minutes (by the injected clock,
    /// each page here taking 20 s) and says it is incomplete and what to do, instead of reading on.
    @Test func aListingThatTakesTooLongStopsAndSaysItIsIncomplete() async throws {
        let (error, elapsed) = try await slowListing(GraphConfiguration(baseURL: URL(string: "http://127.0.0.1")!))
        #expect(error?.kind == .service, "\(String(describing: error))")
        #expect(error?.description.contains("after 5 minutes") == true, "\(String(describing: error))")
        #expect(
            error?.description.contains("the listing is incomplete: try again later") == true,
            "\(String(describing: error))")
        #expect(elapsed <= 300 + 20, "stopped at the deadline, not after \(elapsed) s")
    }

    /// The deadline is one for the whole read, not one per section: two sections of 200 s each in one
    /// dashboard load go past 5 minutes, and the second is reported, not read on.
    @Test func theSectionsOfOneLoadShareTheDeadline() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.scriptDashboard()
        h.graph.onReceive { [clock = h.clock] request in
            if request.path.hasPrefix("/v1.0/test/") { clock.advance(by: 20) }
        }
        let base = h.server.baseURL.absoluteString
        for name in ["elig", "act"] {
            for n in 1...10 {
                let next = n < 10 ? "\(base)/v1.0/test/\(name)\(n + 1)" : nil
                h.graph.on(
                    "GET", "/v1.0/test/\(name)\(n)", json: Harness.eligibleRolesPage(ids: ["\(name)\(n)"], next: next))
            }
        }
        h.graph.on(
            "GET",
            "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')",
            json: Harness.eligibleRolesPage(ids: ["elig0"], next: "\(base)/v1.0/test/elig1"))
        h.graph.on(
            "GET", Harness.activeRolesPath,
            json: Harness.eligibleRolesPage(ids: ["act0"], next: "\(base)/v1.0/test/act1"))
        let dashboard = try await h.service.loadDashboard(Harness.lean)
        #expect(dashboard.failures[.eligibleRoles] == nil)
        #expect(
            dashboard.failures[.activeRoles]?.description.contains("after 5 minutes") == true,
            "\(dashboard.failures)")
    }

    /// The deadline is a setting of `GraphConfiguration`.
    @Test func theListingDeadlineIsConfigurable() async throws {
        let (error, elapsed) = try await slowListing(
            GraphConfiguration(baseURL: URL(string: "http://127.0.0.1")!, listingDeadline: 60))
        #expect(error?.description.contains("after 1 minute (") == true, "\(String(describing: error))")
        #expect(elapsed <= 60 + 20)
    }

    /// The tenant's audit log served one page at a time, each taking 20 s of the injected clock, without end.
    func slowListing(_ base: GraphConfiguration) async throws -> (PIMError?, Double) {
        let clock = ManualClock()
        let started = clock.now()
        let server = try FaultServer { request in
            guard let request else { return .respond(HTTPResponse(status: 200)) }
            clock.advance(by: 20)
            let n = (Int(request.query.replacingOccurrences(of: "page=", with: "")) ?? 0) + 1
            let next = "http://\(request.header("Host") ?? "")\(Self.audit)?page=\(n)"
            return .respond(FaultGraph.json(200, #"{"@odata.nextLink":"\#(next)","value":[\#(Self.entry)]}"#))
        }
        defer { server.stop() }
        var configuration = base
        configuration.baseURL = server.baseURL
        configuration.retryPolicy = Harness.retry
        configuration.requestTimeout = Harness.timeout
        let service = GraphPIMService(
            configuration: configuration, transport: CurlTransport(),
            tokens: CountingTokens(), clock: clock)
        let error = await pimError { try await service.auditHistory(AuditQuery(tenantWide: true)) }
        return (error, clock.now().timeIntervalSince(started))
    }
}
