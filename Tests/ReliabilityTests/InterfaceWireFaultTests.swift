import Foundation
import PIMApp
import PIMDomain
import PIMGraph
import Testing

/// The fault matrix through the full-screen interface for faults that only exist on the wire: the
/// simulated tenant sits behind a local HTTP server and the client talks to it with
/// `CurlTransport`. Connections reset or stall before and after the request was read, bodies
/// end early, answers the tenant never gives (429 without Retry-After, 502, a second claims
/// challenge, a `$batch` whose items fail differently). Retry waits are virtual; a stall costs the
/// client's one-second timeout.
@Suite(.serialized)
struct InterfaceWireFaultTests {
    typealias H = InterfaceHarness
    static let exchange = H.exchange
    static let draft = H.Draft()

    static func started() async throws -> H {
        let h = try H(overHTTP: true)
        await h.start()
        await h.expectRecovered()
        return h
    }

    static func failure(
        _ status: Int, _ code: String, _ message: String, headers: [String: String] = [:]
    ) -> HTTPResponse {
        FaultGraph.json(status, #"{"error":{"code":"\#(code)","message":"\#(message)"}}"#, headers: headers)
    }

    static let throttledWithoutRetryAfter = failure(429, "TooManyRequests", "Too many requests.")
    static let badGateway = failure(502, "BadGateway", "Bad gateway.")

    // MARK: Refresh

    /// One broken exchange during a refresh: reads are safe to repeat, so the user sees a normal refresh.
    @Test(arguments: [
        "reset before reading", "stall before reading", "reset after reading", "stall after reading", "cut short",
        "429 without Retry-After",
    ])
    func aBrokenExchangeDuringARefreshIsRetriedUnnoticed(fault: String) async throws {
        let h = try await Self.started()
        switch fault {
        case "reset before reading": h.proxy?.beforeReading(.resetBeforeReading)
        case "stall before reading": h.proxy?.beforeReading(.stallBeforeReading)
        case "reset after reading": h.proxy?.on(.batches, .reset(applied: false))
        case "stall after reading": h.proxy?.on(.batches, .stall(applied: false))
        case "cut short": h.proxy?.on(.batches, .cut(keep: 40))
        default: h.proxy?.on(.batches, .answer(Self.throttledWithoutRetryAfter))
        }
        await h.press("r")
        #expect(h.proxy?.played == 1)
        await h.expectRecovered()
        if fault == "429 without Retry-After" {
            #expect(h.clock.sleeps.count == 1 && (0.5...1).contains(h.clock.sleeps[0]), "backed off: \(h.clock.sleeps)")
        }
        await h.stop()
    }

    /// Refreshes that keep failing on the wire: the status line says what to do; `r` recovers.
    @Test(arguments: [
        ("502", 1, "try again in a few minutes"),
        ("429 without Retry-After", 4, "wait a minute and try again"),
        ("reset", 4, "check your network connection and try again"),
        ("cut short", 4, "check your network connection and try again"),
    ])
    func aRefreshThatKeepsBreakingSaysWhatToDoAndTheNextOneRecovers(
        fault: String, attempts: Int, advice: String
    ) async throws {
        let h = try await Self.started()
        // Every attempt sends the refresh's two chunks (see `chunksPerRefresh`); each meets the fault.
        let posts = attempts * InterfaceHarness.chunksPerRefresh
        switch fault {
        case "502": h.proxy?.on(.batches, .answer(Self.badGateway), times: 9 * InterfaceHarness.chunksPerRefresh)
        case "429 without Retry-After":
            h.proxy?.on(.batches, .answer(Self.throttledWithoutRetryAfter), times: posts)
        case "reset": h.proxy?.on(.batches, .reset(applied: false), times: posts)
        default: h.proxy?.on(.batches, .cut(keep: 40), times: posts)
        }
        await h.press("r")
        #expect(h.proxy?.played == posts, "retried only where safe")
        await h.expectStatus(advice)
        #expect(await h.state.roles.count == 25)
        h.proxy?.clear()
        await h.refreshAfterTheFault()
        await h.expectRecovered()
        await h.stop()
    }

    /// One `$batch` whose items fail in different ways: the throttled item is read again after its
    /// Retry-After, the refused and failed sections are reported, the rest is shown; `r` is whole again.
    @Test func aBatchWithMixedItemFailuresShowsWhatLoadedAndSaysWhatDidNot() async throws {
        let h = try await Self.started()
        h.proxy?.on(
            .batches,
            .transform { response in
                Self.rewriteBatch(
                    response,
                    [
                        "eligGroups": (
                            403, [:],
                            #"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges."}}"#
                        ),
                        "myGroupReqs": (500, [:], #"{"error":{"code":"InternalServerError","message":"Boom."}}"#),
                        "actRoles": (
                            429, ["Retry-After": "2"], #"{"error":{"code":"TooManyRequests","message":"Slow down."}}"#
                        ),
                    ])
            }, times: InterfaceHarness.chunksPerRefresh)  // the refresh's two chunks, whichever comes first
        await h.press("r")
        let state = await h.state
        #expect(state.sectionFailures[.eligibleGroups]?.kind == .forbidden)
        #expect(state.sectionFailures[.myRequests]?.kind == .service)
        #expect(state.sectionFailures[.activeRoles] == nil, "throttled, waited, read again")
        #expect(h.clock.sleeps == [2])
        #expect(state.roles.contains { $0.target.displayName == "User Administrator" && $0.state == .active })
        #expect(
            !state.roles.contains { $0.target.kind != .directoryRole && $0.state == .eligible },
            "the refused listing is not shown")
        await h.expectStatus("ask an administrator")
        await h.refreshAfterTheFault()
        await h.expectRecovered()
        await h.stop()
    }

    // MARK: Activation

    /// The activation's answer is lost after the tenant acted on it: pim finds it among my requests,
    /// does not send it again, and the interface shows it active.
    @Test(arguments: ["reset", "stall", "cut short", "504"])
    func anActivationAppliedButAnswerLostIsFoundNotResent(fault: String) async throws {
        let h = try await Self.started()
        try await h.fillForm(on: Self.exchange, Self.draft)
        switch fault {
        case "reset": h.proxy?.on(.activations, .reset(applied: true))
        case "stall": h.proxy?.on(.activations, .stall(applied: true))
        case "cut short": h.proxy?.on(.activations, .cut(keep: 20))
        default:
            h.proxy?.on(.activations, .answerAfterApplying(Self.failure(504, "GatewayTimeout", "Upstream timed out.")))
        }
        await h.press(.enter)
        guard case .active? = await h.outcome(Self.exchange) else {
            Issue.record("form: \(await h.screenText())")
            return
        }
        #expect(h.tenant.activationPosts == 1)
        #expect(h.tenant.created.count == 1)
        #expect(await h.messageLine().hasPrefix("Activated."))
        #expect(await h.statusMessage()?.contains("so it was not sent twice") == true)
        #expect(await h.rowState(Self.exchange) == .active)
        await h.stop()
    }

    /// The activation never reached the tenant (the connection broke before or after it was read,
    /// or a 502 came back): pim looks, finds nothing, sends it once more; one request in the tenant.
    @Test(arguments: [
        "reset before reading", "stall before reading", "reset after reading", "stall after reading", "502",
    ])
    func anActivationThatNeverArrivedIsSentOnceMoreAfterLooking(fault: String) async throws {
        let h = try await Self.started()
        try await h.fillForm(on: Self.exchange, Self.draft)
        switch fault {
        case "reset before reading": h.proxy?.beforeReading(.resetBeforeReading)
        case "stall before reading": h.proxy?.beforeReading(.stallBeforeReading)
        case "reset after reading": h.proxy?.on(.activations, .reset(applied: false))
        case "stall after reading": h.proxy?.on(.activations, .stall(applied: false))
        default: h.proxy?.on(.activations, .answer(Self.badGateway))
        }
        await h.press(.enter)
        guard case .active? = await h.outcome(Self.exchange) else {
            Issue.record("form: \(await h.screenText())")
            return
        }
        // A fault "before reading" breaks whichever connection comes next; on a busy machine that can
        // be a lookup, which is then made again. What must hold: pim looked before resending, and the
        // tenant got the activation exactly once.
        #expect(h.lookups >= 1, "looked before sending again")
        #expect(h.tenant.created.count == 1)
        #expect(h.tenant.activationPosts == 1, "the lost one never reached the tenant; the one sent again did")
        await h.stop()
    }

    /// Throttled without Retry-After: "not done", so it is sent again after a backoff; one request.
    @Test func aThrottledActivationWithoutRetryAfterIsSentAgainOnce() async throws {
        let h = try await Self.started()
        try await h.fillForm(on: Self.exchange, Self.draft)
        h.proxy?.on(.activations, .answer(Self.throttledWithoutRetryAfter))
        await h.press(.enter)
        guard case .active? = await h.outcome(Self.exchange) else {
            Issue.record("form: \(await h.screenText())")
            return
        }
        #expect(h.tenant.activationPosts == 1, "the throttled one never reached the tenant")
        #expect(h.tenant.created.count == 1)
        #expect(h.clock.sleeps.count == 1 && (0.5...1).contains(h.clock.sleeps[0]))
        await h.stop()
    }

    /// Activations that keep breaking on the wire: the form says what happened and what to do, keeps
    /// the draft, and the tenant holds at most what pim could not rule out; after `r` the form opens
    /// with the draft again.
    @Test(arguments: [
        ("429 without Retry-After", "wait a minute and try again"),
        ("502", "it is not among them, so nothing was created"),
        ("second claims challenge", "run `pim login`"),
        ("reset, lookup fails", "the request was not sent again"),
        ("reset before reading, lookup fails", "the request was not sent again"),
    ])
    func anActivationThatKeepsBreakingKeepsTheDraft(fault: String, advice: String) async throws {
        let h = try await Self.started()
        try await h.fillForm(on: Self.exchange, Self.draft)
        let challenge = Self.failure(
            401, "InvalidAuthenticationToken", "Continuous access evaluation resulted in challenge.",
            headers: ["WWW-Authenticate": SignInFaultTests.challenge])
        switch fault {
        case "429 without Retry-After": h.proxy?.on(.activations, .answer(Self.throttledWithoutRetryAfter), times: 4)
        case "502": h.proxy?.on(.activations, .answer(Self.badGateway), times: 4)
        case "second claims challenge": h.proxy?.on(.activations, .answer(challenge), times: 2)
        case "reset, lookup fails":
            h.proxy?.on(.activations, .reset(applied: false))
            h.proxy?.on(.reads, .reset(applied: false), times: 4)
        default:
            for _ in 0..<5 { h.proxy?.beforeReading(.resetBeforeReading) }  // the activation and four lookups
        }
        await h.press(.enter)
        let refusal = await h.refusal(Self.exchange)
        #expect(refusal.contains(advice), "form: \(refusal)")
        #expect(await h.screenText().contains(advice))
        #expect(Self.draft.isKept(in: await h.keptDraft(for: Self.exchange)))
        #expect(h.tenant.activationPosts == 0, "none reached the tenant")
        #expect(h.tenant.created.isEmpty)
        h.proxy?.clear()
        try await h.recoverAndReopen(Self.exchange)
        await h.expectRecovered()
        #expect(Self.draft.isKept(in: await h.keptDraft(for: Self.exchange)), "the form opens with the draft")
        await h.press(.control("s"))
        #expect(await h.rowState(Self.exchange) == .active)
        #expect(h.tenant.created.count == 1)
        await h.stop()
    }

    /// The user closes the form while the activation hangs on the wire: the answer (a failure, after
    /// pim looked and resent only what never arrived) reaches the status line, the draft is kept for
    /// the next form, and quitting asks first because of it.
    @Test func closingTheFormWhileSendingKeepsTheDraftAndReportsTheOutcome() async throws {
        let h = try await Self.started()
        try await h.fillForm(on: Self.exchange, Self.draft)
        h.proxy?.on(.activations, .stall(applied: false))
        h.proxy?.on(.activations, .answer(Self.badGateway), times: 3)
        await h.runtime.send(.key(.enter))
        await h.runtime.send(.key(.escape))  // while the first exchange stalls
        #expect(await h.state.form == nil)
        await h.runtime.runUntilIdle()
        let message = await h.statusMessage() ?? ""
        #expect(message.hasPrefix("Exchange Administrator: Graph"), "status: \(message)")
        #expect(message.contains("nothing was created"))
        let line = await h.messageLine()
        #expect(line.hasPrefix("Exchange Admin") && line.contains("nothing was created"), "status line: \(line)")
        #expect(h.tenant.created.isEmpty)
        #expect(h.lookups == 4, "each resend only after looking")
        #expect(Self.draft.isKept(in: await h.keptDraft(for: Self.exchange)))
        await h.press("q")
        #expect(await h.state.confirmingQuit, "the kept draft is not lost by quitting unasked")
        await h.press("n")
        try await h.recoverAndReopen(Self.exchange)
        #expect(Self.draft.isKept(in: await h.keptDraft(for: Self.exchange)))
        // The reopened form says why the last send failed, beside the kept text.
        let reason = await h.state.form?.error ?? ""
        #expect(
            reason.hasPrefix("The last send was refused:") && reason.contains("nothing was created"), "form: \(reason)")
        await h.stop()
    }

    /// A `$batch` answer with some items replaced (status, headers, body).
    static func rewriteBatch(
        _ response: HTTPResponse, _ items: [String: (Int, [String: String], String)]
    ) -> HTTPResponse {
        guard var object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any],
            let responses = object["responses"] as? [[String: Any]]
        else { return response }
        object["responses"] = responses.map { item -> [String: Any] in
            guard let id = item["id"] as? String, let (status, headers, body) = items[id] else { return item }
            var changed = item
            changed["status"] = status
            changed["headers"] = headers.merging(["Content-Type": "application/json"]) { a, _ in a }
            changed["body"] = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) ?? [:]
            return changed
        }
        var rewritten = response
        rewritten.body = (try? JSONSerialization.data(withJSONObject: object)) ?? response.body
        return rewritten
    }
}
