import Foundation
import LoopbackHTTP
import PIMDomain
import PIMGraph
import Testing

/// A hostile or broken endpoint at `--graph-url`, over the real transport: redirects that would carry
/// the token elsewhere, compressed answers that inflate without end, heads with control characters,
/// connections that die under a write. The token stays home, memory stays bounded, a write is sent
/// once, and each ends in one sentence.
@Suite(.serialized)
struct HostileAnswerTests {
    static let meJSON = ThrottlingFaultTests.meJSON

    /// The Graph client over `CurlTransport` against `server`, with a clock that does not sleep.
    static func service(
        _ server: HostileServer, timeout: Double = 5, bodyLimit: Int = CurlTransport.bodyLimit
    ) -> GraphPIMService {
        GraphPIMService(
            configuration: GraphConfiguration(
                baseURL: server.baseURL, retryPolicy: Harness.retry, requestTimeout: timeout),
            transport: CurlTransport(bodyLimit: bodyLimit), tokens: CountingTokens(), clock: ManualClock())
    }

    /// Serves `graph`'s scripted answers on connections that stay open.
    static func serving(_ graph: FaultGraph, _ request: RawRequest) -> HostileAnswer {
        switch graph.answer(request) {
        case .respond(let response): .respond(response)
        default: .reset
        }
    }

    // MARK: Redirects (item 1)

    @Test(arguments: [301, 302, 303, 307, 308])
    func aRedirectIsRefusedAndTheTokenNeverReachesItsTarget(status: Int) async throws {
        let elsewhere = try HostileServer { _ in .respond(FaultGraph.json(200, Self.meJSON)) }
        let graph = try HostileServer { _ in
            .respond(HTTPResponse(status: status, headers: ["Location": "\(elsewhere.baseURL.absoluteString)/v1.0/me"]))
        }
        defer { elsewhere.stop(); graph.stop() }
        let error = await pimError { try await Self.service(graph).currentUser() }
        #expect(error?.kind == .service)
        #expect(
            error?.description.contains("redirect (HTTP \(status)) to 127.0.0.1") == true,
            "\(String(describing: error))")
        #expect(error?.step == .checkEndpoint(.graph, thenRetry: false))
        #expect(elsewhere.requests.isEmpty)
        #expect(graph.requests.count == 1)
    }

    /// The first page is honest, the next page (same host, as it must be) redirects to another port.
    @Test func aNextPageThatRedirectsElsewhereDoesNotLeakTheToken() async throws {
        let elsewhere = try HostileServer { _ in .respond(FaultGraph.json(200, Harness.empty)) }
        let graph = FaultGraph(now: ManualClock().now())
        let server = try HostileServer { Self.serving(graph, $0.request) }
        defer { elsewhere.stop(); server.stop() }
        let nextPage = "\(server.baseURL.absoluteString)/v1.0/page2"
        let lean = "/v1.0/identityGovernance/privilegedAccess/group"
        graph.on(
            "GET",
            "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')",
            json: Harness.eligibleRolesPage(ids: ["e1"], next: nextPage))
        graph.on(
            "GET", Harness.activeRolesPath,
            json: Harness.empty)
        for path in ["eligibilityScheduleInstances", "assignmentScheduleInstances", "assignmentScheduleRequests"] {
            graph.on("GET", "\(lean)/\(path)/filterByCurrentUser(on='principal')", json: Harness.empty)
        }
        graph.on(
            "GET", "/v1.0/page2",
            .answer(302, "", headers: ["Location": "\(elsewhere.baseURL.absoluteString)/v1.0/page2"]))
        let dashboard = try await Self.service(server).loadDashboard(Harness.lean)
        let failure = dashboard.failures.values.first
        #expect(failure?.kind == .service)
        #expect(failure?.description.contains("redirect") == true, "\(dashboard.failures)")
        #expect(dashboard.eligibilities.isEmpty)
        #expect(elsewhere.requests.isEmpty)
        #expect(graph.received("GET", "/v1.0/page2").count == 1)
    }

    // MARK: Compressed answers (item 3)

    @Test func aCompressedAnswerThatFitsIsRead() async throws {
        let server = try HostileServer { _ in
            .raw(
                HostileServer.rawAnswer(
                    headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")],
                    body: Gzip.stored(Data(Self.meJSON.utf8))))
        }
        defer { server.stop() }
        #expect(try await Self.service(server).currentUser().id == FaultGraph.me)
    }

    /// 13 MB of gzip, sent chunked (no length to refuse up front), that inflate to 2 GB: refused once
    /// the inflated bytes pass the limit (1 MB here), not asked for again, and pim stopped reading
    /// long before the server finished sending.
    @Test func aCompressedBombIsCutOffAsItInflates() async throws {
        let bomb = Gzip.zeros(inflatedBytes: 2 << 30)
        let server = try HostileServer { _ in
            .raw(
                HostileServer.rawAnswer(
                    headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")],
                    body: bomb, chunked: true))
        }
        defer { server.stop() }
        let error = await pimError { try await Self.service(server, bodyLimit: 1 << 20).currentUser() }
        #expect(error?.kind == .service)
        #expect(error?.description.contains("too large to read (at most 1 MB)") == true, "\(String(describing: error))")
        #expect(server.requests.count == 1)
        #expect((server.undeliveredBytesOfFirstAnswer() ?? 0) > 0, "pim read the whole bomb before refusing it")
    }

    @Test func anAnswerWhoseLengthIsOverTheLimitIsRefusedBeforeItsBody() async throws {
        let server = try HostileServer { _ in
            .raw(Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9999999999\r\n\r\n{".utf8))
        }
        defer { server.stop() }
        let error = await pimError { try await Self.service(server, bodyLimit: 1 << 20).currentUser() }
        #expect(error?.kind == .service)
        #expect(error?.description.contains("too large to read") == true, "\(String(describing: error))")
        #expect(server.requests.count == 1)
    }

    // MARK: Odd heads (item 16)

    /// An escape sequence in a header is a broken answer (exit 5), not a network failure retried
    /// four times; nothing of it reaches the message.
    @Test func aHeaderWithAnEscapeSequenceIsAServiceErrorNotRetried() async throws {
        let server = try HostileServer { _ in
            .raw(
                HostileServer.rawAnswer(
                    headers: [("Content-Type", "application/json"), ("request-id", "abc\u{1B}]0;pwned\u{07}")],
                    body: Data(Self.meJSON.utf8)))
        }
        defer { server.stop() }
        let error = await pimError { try await Self.service(server).currentUser() }
        #expect(error?.kind == .service)
        #expect(error?.description.contains("not readable HTTP") == true, "\(String(describing: error))")
        #expect(error.map { Sanitizer.isClean($0.description) && !$0.description.contains("pwned") } == true)
        #expect(server.requests.count == 1)
    }

    // MARK: Writes on dying connections (item 4)

    /// The server drops every connection it is asked to reuse for a write (as one does after its idle
    /// timeout). A write goes out on a fresh connection, so it is read once, whole, and created once;
    /// a transport that reused the connection resent it by itself.
    @Test func aWriteGoesOutOnAFreshConnectionAndIsNeverResentByTheTransport() async throws {
        let graph = FaultGraph(now: ManualClock().now())
        let server = try HostileServer { seen in
            seen.request.method == "POST" && seen.position > 1 ? .reset : Self.serving(graph, seen.request)
        }
        defer { server.stop() }
        let service = Self.service(server)
        _ = try await service.currentUser()
        let result = try await service.activate(Harness.activation)
        let posts = server.requests.filter { $0.request.method == "POST" }
        #expect(posts.count == 1)
        #expect(posts.allSatisfy { $0.position == 1 && ($0.request.body?.isEmpty == false) })
        #expect(graph.createdCount == 1)
        #expect(result.request.id == "req-1")
    }

    /// A reset while the activation is written is reported at once (not after the 20 s timeout), and
    /// the lookup among my requests decides: here the service had created it, so it is not resent.
    @Test func aResetDuringAWriteIsReportedAtOnceAndTheLookupDecides() async throws {
        let graph = FaultGraph(now: ManualClock().now())
        graph.on("POST", FaultGraph.activationPath, .fault(.resetAfterReading, commits: true))
        let server = try HostileServer { Self.serving(graph, $0.request) }
        defer { server.stop() }
        let service = Self.service(server, timeout: 20)
        _ = try await service.currentUser()
        let started = ContinuousClock.now
        let result = try await service.activate(Harness.activation)
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(server.requests.filter { $0.request.method == "POST" }.count == 1)
        #expect(graph.createdCount == 1)
        #expect(result.notices.contains { $0.contains("found among your requests, so it was not sent twice") })
    }
}
