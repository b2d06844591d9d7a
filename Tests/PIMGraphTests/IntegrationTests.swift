import Foundation
import Testing
@testable import PIMGraph
import PIMDomain
import Synchronization

/// The real URLSession transport against a local HTTP server serving documented responses.
@Suite(.serialized)
struct IntegrationTests {
    func withServer<T>(_ graph: FakeGraph, _ body: (URL) async throws -> T) async throws -> T {
        let server = try LocalHTTPServer { request in
            (try? graph.respond(request)) ?? HTTPResponse(status: 500)
        }
        defer { server.stop() }
        return try await body(server.baseURL)
    }

    func service(_ base: URL, clock: TestClock = TestClock(), logger: VerboseLogger? = nil) -> GraphPIMService {
        GraphPIMService(
            configuration: GraphConfiguration(baseURL: base), transport: CurlTransport(logger: logger),
            tokens: StaticTokenProvider(token: "secret-token"), clock: clock)
    }

    @Test func fullDashboardLoad() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        let lines = Mutex<[String]>([])
        let logger = VerboseLogger { line in lines.withLock { $0.append(line) } }
        let dashboard = try await withServer(graph) { try await service($0, logger: logger).loadDashboard(.everything) }
        #expect(dashboard.failures.isEmpty)
        #expect(dashboard.eligibilities.count == 2)
        #expect(dashboard.policies.count == 2)
        #expect(dashboard.elevations.count == 2)
        #expect(dashboard.requestCount == 2)
        let logged = lines.withLock { $0 }
        #expect(logged.count == 2)
        #expect(logged.allSatisfy { $0.hasPrefix("POST /v1.0/$batch 200 ") })
        #expect(!logged.joined().contains("secret-token"))
        #expect(graph.recorded.first?.headers["Authorization"] == "Bearer secret-token")
    }

    @Test func activationThatNeedsApproval() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        graph.on(
            "POST", "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests", status: 201,
            fixture: "roles.roleAssignmentScheduleRequests.selfActivate-pendingApproval.POST.201.composed.json")
        let target = ElevationTarget(id: .role(TenantScript.roleId), displayName: "Global Reader")
        let result = try await withServer(graph) {
            try await service($0).activate(
                ActivationRequest(target: target, justification: "test", ticket: nil, duration: .minutes(330)))
        }
        #expect(result.request.status == .pendingApproval)
        #expect(result.request.approvalId == "9f2b5ddb-a50e-44a1-a6f4-f616322262ea")
        let post = try #require(graph.recorded("POST").first { $0.target.hasSuffix("roleAssignmentScheduleRequests") })
        #expect(
            (jsonObject(post.body)?["scheduleInfo"] as? NSDictionary)?["expiration"] as? NSDictionary == [
                "type": "afterDuration", "duration": "PT5H30M",
            ])
        #expect(post.headers["Content-Type"] == "application/json")
    }

    @Test func pagedListing() async throws {
        let graph = FakeGraph()
        let events = try await withServer(graph) { base in
            let next =
                """
                \(base.absoluteString)/v1.0/auditLogs/directoryAudits?$filter=loggedByService%20eq%20'PIM'\
                &$skiptoken=p2
                """
            graph.on(
                "GET", "/v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'PIM'",
                json:
                    #"""
                    {"@odata.nextLink":"\#(next)","value":[{"id":"a1","activityDisplayName":"first",\#
                    "activityDateTime":"2026-01-01T00:00:00Z"}]}
                    """#
            )
            graph.on(
                "GET", "/v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'PIM'&$skiptoken=p2",
                fixture: "auditLogs.directoryAudits.pim.GET.200.observed.json")
            return try await service(base).auditHistory(AuditQuery(tenantWide: true))
        }
        #expect(events.count == 2)
        #expect(graph.recorded.count == 2)
    }

    @Test func throttledCallIsRetriedAfterRetryAfter() async throws {
        let graph = FakeGraph()
        graph.on(
            "GET", "/v1.0/me?$select=id,displayName,userPrincipalName",
            .response(
                HTTPResponse(
                    status: 429, headers: ["Retry-After": "2", "Content-Type": "application/json"],
                    body: Fixture.data("error.TooManyRequests.429.json"))),
            .response(
                HTTPResponse(
                    status: 200, headers: ["Content-Type": "application/json", "request-id": "rid-7"],
                    body: Fixture.data("me.GET.200.json"))))
        let clock = TestClock()
        let me = try await withServer(graph) { try await service($0, clock: clock).currentUser() }
        #expect(me.displayName == "Adele Vance")
        #expect(clock.sleeps == [2])
        #expect(graph.recorded.count == 2)
    }

    @Test func deviceCodeSignInThroughTheLoginUrlOverride() async throws {
        let graph = FakeGraph()
        graph.on(
            "POST", "/organizations/oauth2/v2.0/devicecode", status: 200,
            fixture: "auth.devicecode.POST.200.composed.json")
        graph.on(
            "POST", "/organizations/oauth2/v2.0/token",
            .response(
                HTTPResponse(status: 400, body: Fixture.data("auth.token.authorization_pending.400.composed.json"))),
            .response(HTTPResponse(status: 200, body: Fixture.data("auth.token.device_code.POST.200.json"))))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pim-it-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let codes = Mutex<[String]>([])
        let token = try await withServer(graph) { base in
            let cloud = try GraphCloud.resolve(environment: ["PIM_LOGIN_URL": base.absoluteString])
            #expect(cloud.graphURL.absoluteString == "https://graph.microsoft.com")
            let signIn = DeviceCodeSignIn(
                cloud: cloud, transport: CurlTransport(), cache: TokenCache(directory: directory),
                clock: TestClock(), prompt: { prompt in codes.withLock { $0.append(prompt.userCode) } })
            return try await signIn.accessToken(claims: nil)
        }
        #expect(token.hasPrefix("eyJ0eXAi"))
        #expect(codes.withLock { $0 } == ["F7QK2ZP9L"])
        #expect(
            graph.recorded.map(\.target) == [
                "/organizations/oauth2/v2.0/devicecode", "/organizations/oauth2/v2.0/token",
                "/organizations/oauth2/v2.0/token",
            ])
        #expect(graph.recorded.first?.headers["Content-Type"] == "application/x-www-form-urlencoded")
    }

    @Test func refusedConnectionIsANetworkErrorThatSentNothing() async throws {
        let server = try LocalHTTPServer { _ in HTTPResponse(status: 200) }
        let base = server.baseURL
        server.stop()
        do {
            _ = try await CurlTransport().send(
                HTTPRequest(method: "POST", url: base.appendingPathComponent("x"), timeout: 5))
            Issue.record("expected a transport error")
        } catch let error as TransportError {
            #expect(error.kind == .cannotConnect)
            #expect(!error.requestMayHaveBeenSent)
        }
    }

    @Test func settingsPreferFlagsOverEnvironment() throws {
        let cloud = try GraphCloud.resolve(
            cloud: "usgov", graphURL: "http://127.0.0.1:1",
            environment: ["PIM_CLOUD": "china", "PIM_GRAPH_URL": "https://other"])
        #expect(cloud.name == "usgov")
        #expect(cloud.graphURL.absoluteString == "http://127.0.0.1:1")
        #expect(cloud.loginURL.absoluteString == "https://login.microsoftonline.us")
        #expect(throws: PIMError.self) { try GraphCloud.resolve(cloud: "mars", environment: [:]) }
        #expect(throws: PIMError.self) { try GraphCloud.resolve(graphURL: "ftp://x", environment: [:]) }
    }
}
