import Foundation
import PIMDomain
import PIMGraph
import Testing

/// 429 and 5xx answers over a real local HTTP server: what is retried, how long pim waits (on an
/// injected clock), what the user reads when retries run out, and that the next call recovers.
@Suite(.serialized)
struct ThrottlingFaultTests {
    static let throttled = #"{"error":{"code":"TooManyRequests","message":"Too many requests."}}"#
    static let meJSON = #"{"id":"\#(FaultGraph.me)","displayName":"Ada Admin","userPrincipalName":"ada@contoso.com"}"#

    @Test func throttledWithRetryAfterWaitsThatLongThenSucceeds() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on(
            "GET", "/v1.0/me", .answer(429, Self.throttled, headers: ["Retry-After": "7"]), .answer(200, Self.meJSON))
        let me = try await h.service.currentUser()
        #expect(me.displayName == "Ada Admin")
        #expect(h.clock.sleeps == [7])
        #expect(h.graph.received("GET", "/v1.0/me").count == 2)
    }

    @Test func throttledWithoutRetryAfterBacksOffThenSucceeds() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on(
            "GET", "/v1.0/me", .answer(429, Self.throttled), .answer(429, Self.throttled), .answer(200, Self.meJSON))
        _ = try await h.service.currentUser()
        let sleeps = h.clock.sleeps
        #expect(sleeps.count == 2)
        // Equal-jitter exponential backoff from 1 s: the first wait in [0.5, 1], the second in [1, 2].
        #expect((0.5...1).contains(sleeps[0]) && (1...2).contains(sleeps[1]))
    }

    @Test func throttledBeyondTheAttemptsIsAServiceErrorAndTheNextCallRecovers() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on("GET", "/v1.0/me", .answer(429, Self.throttled, headers: ["Retry-After": "1"]))
        let error = await pimError { try await h.service.currentUser() }
        #expect(error?.kind == .service)
        #expect(error?.description.contains("wait a minute and try again") == true)
        #expect(h.graph.received("GET", "/v1.0/me").count == Harness.retry.maxAttempts)
        h.graph.on("GET", "/v1.0/me", .answer(200, Self.meJSON))
        #expect(try await h.service.currentUser().displayName == "Ada Admin")
    }

    @Test func aRetryAfterLongerThanTheCapIsCapped() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on(
            "GET", "/v1.0/me", .answer(429, Self.throttled, headers: ["Retry-After": "86400"]),
            .answer(200, Self.meJSON))
        _ = try await h.service.currentUser()
        #expect(h.clock.sleeps == [Harness.retry.maxDelay])
    }

    /// 503 and 504 are transient and retried; 500 and 502 are answers (retrying a failing backend
    /// rarely helps and doubles its load) and reported at once.
    @Test(arguments: [(500, false), (502, false), (503, true), (504, true)])
    func serverErrorsOnReads(status: Int, retried: Bool) async throws {
        let h = try Harness()
        defer { h.stop() }
        let failure = #"{"error":{"code":"ServiceUnavailable","message":"Backend \#(status)."}}"#
        h.graph.on("GET", "/v1.0/me", .answer(status, failure), .answer(200, Self.meJSON))
        let error = await pimError { try await h.service.currentUser() }
        if retried {
            #expect(error == nil)
            #expect(h.graph.received("GET", "/v1.0/me").count == 2)
        } else {
            #expect(error?.kind == .service)
            #expect(error?.httpStatus == status)
            #expect(error?.description.contains("try again in a few minutes") == true)
            #expect(h.graph.received("GET", "/v1.0/me").count == 1)
            #expect(try await h.service.currentUser().id == FaultGraph.me)
        }
    }

    /// A 5xx answer to an activation may hide a request the service created: pim looks among my
    /// requests before sending anything again, and finds it.
    @Test(arguments: [500, 502, 503, 504])
    func serverErrorOnActivationThatWasAppliedIsFoundNotResent(status: Int) async throws {
        let h = try Harness()
        defer { h.stop() }
        let failure = #"{"error":{"code":"GatewayTimeout","message":"HTTP \#(status)."}}"#
        h.graph.on("POST", FaultGraph.activationPath, .fault(.respond(FaultGraph.json(status, failure)), commits: true))
        let result = try await h.service.activate(Harness.activation)
        #expect(h.graph.received("POST", FaultGraph.activationPath).count == 1)
        #expect(h.graph.createdCount == 1)
        #expect(result.request.id == "req-1")
        #expect(result.notices.contains { $0.contains("not sent twice") })
    }

    /// The same answer when the service did not apply it: nothing found among my requests, so it is
    /// sent once more (safe: the service does not have it) and succeeds; still one request in the tenant.
    @Test func serverErrorOnActivationThatWasNotAppliedIsSentAgainOnce() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on(
            "POST", FaultGraph.activationPath,
            .answer(503, #"{"error":{"code":"ServiceUnavailable","message":"Try later."}}"#),
            .fault(.respond(HTTPResponse(status: 201)), commits: true))
        let result = try await h.service.activate(Harness.activation)
        #expect(h.graph.received("POST", FaultGraph.activationPath).count == 2)
        #expect(h.graph.received("GET", FaultGraph.myRoleRequestsPath).count == 1)
        #expect(h.graph.createdCount == 1)
        #expect(result.request.status == .provisioned)
    }

    /// Throttling of a write is an answer that says "not done": retried after Retry-After, once created.
    @Test func throttledActivationIsRetriedAndCreatedOnce() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on(
            "POST", FaultGraph.activationPath, .answer(429, Self.throttled, headers: ["Retry-After": "3"]),
            .fault(.respond(HTTPResponse(status: 201)), commits: true))
        _ = try await h.service.activate(Harness.activation)
        #expect(h.clock.sleeps == [3])
        #expect(h.graph.createdCount == 1)
    }
}
