import Foundation
import PIMApp
import PIMDomain
import PIMSimulator
import Testing

/// The fault matrix through the full-screen interface, activations: the simulated tenant's own fault
/// injection on the activation requests a user sends from the form. Each test asserts what the form
/// or status line says, what reached the tenant (an activation is sent again only when Graph's answer
/// says it was not acted on, or after pim looked among my requests and found nothing), that the form
/// keeps what was typed, and that once the fault is gone the same draft goes through once.
@Suite(.serialized)
struct InterfaceActivationFaultTests {
    typealias H = InterfaceHarness
    static let exchange = H.exchange
    static let draft = H.Draft()
    /// What the interface says when every attempt failed and none of them created a request.
    static let nothingCreated =
        "your requests were checked after each attempt and it is not among them, "
        + "so nothing was created: try again in a few minutes"

    // MARK: Activation

    /// Faults on the activation until they stop: the form says why and what to do, keeps every field,
    /// the tenant holds no activation; once the fault is gone, the form opens again with the draft
    /// and sends it once.
    @Test(arguments: [
        (FaultPlan.Fault.throttled, "wait a minute and try again"),
        (.serverError, Self.nothingCreated),
        (.unavailable, Self.nothingCreated),
        (.gatewayTimeout, Self.nothingCreated),
        (.expiredToken, "run `pim login` and try again"),
    ])
    func anActivationThatKeepsFailingKeepsTheDraftAndSendsOnceLater(fault: FaultPlan.Fault, advice: String) async throws
    {
        let h = try H()
        await h.start()
        try await h.fillForm(on: Self.exchange, Self.draft)
        h.tenant.inject(fault, into: .activations)
        await h.press(.enter)
        let refusal = await h.refusal(Self.exchange)
        #expect(refusal.contains(advice), "form: \(refusal)")
        #expect(await h.screenText().contains(advice))
        #expect(Self.draft.isKept(in: await h.keptDraft(for: Self.exchange)))
        #expect(h.tenant.created.isEmpty)
        let posts = h.tenant.activationPosts
        switch fault {
        case .throttled: #expect(posts == 4, "429 means not done: retried")
        case .expiredToken: #expect(posts == 2, "renewed once and sent again: a 401 is not acted on")
        default: #expect(posts == 4 && h.lookups == 4, "each resend only after looking and finding nothing")
        }
        try await h.recoverAndReopen(Self.exchange)
        #expect(Self.draft.isKept(in: await h.keptDraft(for: Self.exchange)), "the form opens with the draft")
        await h.press(.control("s"))
        #expect(h.tenant.created.count == 1)
        #expect(await h.rowState(Self.exchange) == .active)
        #expect(await h.messageLine().hasPrefix("Activated."))
        await h.stop()
    }

    /// One fault on the activation, then the tenant answers: throttling and a 401 mean "not done" and
    /// are sent again; a 5xx might hide a created request, so pim looks first, finds none, sends once more.
    /// The form for Exchange Administrator sent with `fault` on its first activation POST: the harness
    /// once the form shows the role active, or nil (the screen recorded as an issue).
    static func activeAfterOneFault(_ fault: FaultPlan.Fault) async throws -> H? {
        let h = try H()
        await h.start()
        try await h.fillForm(on: Self.exchange, Self.draft)
        h.tenant.inject(fault, into: .activations, times: 1)
        await h.press(.enter)
        guard case .active? = await h.outcome(Self.exchange) else {
            Issue.record("form: \(await h.screenText())")
            await h.stop()
            return nil
        }
        return h
    }

    @Test(arguments: [FaultPlan.Fault.throttled, .serverError, .unavailable, .gatewayTimeout, .expiredToken])
    func aTransientFaultOnActivationEndsActiveWithOneRequest(fault: FaultPlan.Fault) async throws {
        guard let h = try await Self.activeAfterOneFault(fault) else { return }
        #expect(h.tenant.activationPosts == 2)
        #expect(h.tenant.created.count == 1)
        #expect(h.lookups == ([.serverError, .unavailable, .gatewayTimeout].contains(fault) ? 1 : 0))
        #expect(await h.rowState(Self.exchange) == .active)
        await h.stop()
    }

    /// Two roles in one form; the first one's activation keeps failing, the second goes through. The
    /// form shows each result; sending again sends only the one that failed, once; the draft stays.
    @Test func aFormForTwoRolesResendsOnlyTheOneThatFailed() async throws {
        let h = try H()
        await h.start()
        try await h.select(Self.exchange)
        await h.press(" ")
        try await h.select("Helpdesk Administrator")
        await h.press(" ")
        await h.press(
            ["a"] + H.text(Self.draft.justification) + [.tab] + H.text(Self.draft.ticket) + [.tab]
                + H.text(Self.draft.system) + [.tab, .control("u")] + H.text(Self.draft.duration))
        #expect(await h.state.form?.targets.count == 2)
        h.tenant.inject(.unavailable, into: .activations, times: 4)
        await h.press(.enter)
        #expect(await h.refusal(Self.exchange).contains("nothing was created"))
        guard case .active? = await h.outcome("Helpdesk Administrator") else {
            Issue.record("form: \(await h.screenText())")
            return
        }
        #expect(await h.screenText().contains("Exchange Administrator refused:"))
        #expect(await h.screenText().contains("Helpdesk Administrator is active until"))
        #expect(Self.draft.isKept(in: await h.state.form?.draft))
        #expect(h.tenant.created.count == 1)
        let posts = h.tenant.activationPosts
        await h.press(.control("s"))
        #expect(h.tenant.activationPosts == posts + 1, "only the failed one is sent again")
        #expect(h.tenant.created.count == 2)
        #expect(await h.rowState(Self.exchange) == .active)
        #expect(await h.rowState("Helpdesk Administrator") == .active)
        await h.stop()
    }

    /// Extending an activation is "end it, activate anew" (Graph cannot lengthen one). When the new
    /// activation keeps failing, the form says the old one was ended, keeps the draft, and sending
    /// again once the fault is gone activates the role (it does not try to end it a second time).
    @Test func anExtensionWhoseNewActivationFailsCanBeSentAgain() async throws {
        let h = try H()
        await h.start()
        let name = "User Administrator"
        #expect(await h.rowState(name) == .active)
        try await h.select(name)
        await h.press(["e"] + H.text("CHG-2287: still onboarding") + [.tab, .tab, .tab, .control("u")] + H.text("2h"))
        #expect(await h.state.form?.isExtension == true)
        h.tenant.inject(.unavailable, into: .activations, after: 1)
        await h.press(.enter)
        let refusal = await h.refusal(name)
        #expect(refusal.contains("The running activation was ended, but the new one failed"), "form: \(refusal)")
        #expect(refusal.hasSuffix("so it is no longer active: try again in a few minutes."), "form: \(refusal)")
        #expect(await h.rowState(name) == .eligible)
        #expect(await h.state.form?.isExtension == false, "the form now activates")
        #expect(
            await h.screen().contains { $0.contains("┌─ Activate User Administrator ─") }, "the title says so")
        #expect(await h.state.form?.draft.justification == "CHG-2287: still onboarding")
        h.tenant.faultsOff()
        let posts = h.tenant.activationPosts
        await h.press(.control("s"))
        #expect(h.tenant.activationPosts == posts + 1, "one activation, no second attempt to end it")
        #expect(await h.rowState(name) == .active)
        #expect(await h.messageLine().hasPrefix("Activated."))
        await h.stop()
    }

    /// Deactivation cannot be looked up like an activation: a 5xx answer is not retried, the status
    /// line says the change may or may not have happened and how to check, and the refresh that
    /// follows shows the truth without hiding that message.
    @Test func aDeactivationWithAServerErrorIsSentOnceAndSaysHowToCheck() async throws {
        let h = try H()
        await h.start()
        let name = "User Administrator"
        try await h.select(name)
        h.tenant.inject(.unavailable, into: .activations)
        await h.press("d")
        #expect(h.tenant.activationPosts == 0, "d asks first")
        await h.press("y")
        #expect(h.tenant.activationPosts == 1, "an unknown outcome is not sent again")
        await h.expectStatus("Check My roles after a refresh (r) before trying again.")
        #expect(await h.rowState(name) == .active, "the refresh after it shows the truth")
        #expect(await h.state.flash?.level == .error, "the refresh that followed did not hide the message")
        await h.stop()
    }

    /// The answer to the activation is lost or unreadable: the tenant may or may not have acted (for a
    /// timeout the seed decides; a malformed answer comes after it acted). pim must not tell the user
    /// to simply try again (that would send it twice): it looks among my requests before sending
    /// anything again, and the tenant holds one request.
    @Test(arguments: [FaultPlan.Fault.timeout, .malformed])
    func anUnknownOutcomeIsLookedUpNotSentTwice(fault: FaultPlan.Fault) async throws {
        guard let h = try await Self.activeAfterOneFault(fault) else { return }
        #expect(h.tenant.created.count == 1)
        #expect(h.lookups == 1)
        #expect(await h.messageLine().hasPrefix("Activated."))
        if fault == .malformed { #expect(h.tenant.activationPosts == 1) }
        if h.tenant.activationPosts == 1 {
            #expect(await h.statusMessage()?.contains("so it was not sent twice") == true)
        }
        await h.stop()
    }

    /// The answer to the activation is lost and the lookup fails too: pim does not send it again,
    /// the form says the outcome is unknown and how to check; the next refresh shows the truth.
    @Test func anActivationLostWithItsLookupIsNotResentAndTheRefreshShowsTheTruth() async throws {
        let h = try H()
        await h.start()
        try await h.fillForm(on: Self.exchange, Self.draft)
        h.tenant.inject(.timeout)
        await h.press(.enter)
        let refusal = await h.refusal(Self.exchange)
        #expect(refusal.contains("the request was not sent again"), "form: \(refusal)")
        #expect(h.tenant.activationPosts == 1)
        #expect(h.tenant.created.count <= 1)
        #expect(Self.draft.isKept(in: await h.keptDraft(for: Self.exchange)))
        await h.press(.escape)
        await h.refreshAfterTheFault()
        await h.expectRecovered()
        #expect(await h.rowState(Self.exchange) == (h.tenant.created.isEmpty ? .eligible : .active))
        await h.stop()
    }

    /// The same, and the lookup fails too: the form says the request was accepted and how to check
    /// (not "try again"); nothing is sent twice; the next refresh shows the role active.
    @Test func aMalformedAnswerWhoseLookupFailsSaysToCheckAndTheRefreshShowsItActive() async throws {
        let h = try H()
        await h.start()
        try await h.fillForm(on: Self.exchange, Self.draft)
        h.tenant.inject(.malformed, into: .activations, times: 1)
        h.tenant.inject(.timeout, into: .reads, times: 4)
        await h.press(.enter)
        let refusal = await h.refusal(Self.exchange)
        #expect(refusal.contains("Graph accepted the request"), "form: \(refusal)")
        #expect(
            refusal.contains(
                "refresh (r) and look in My roles and History to see whether it arrived before sending it again"))
        #expect(Self.draft.isKept(in: await h.keptDraft(for: Self.exchange)))
        #expect(h.tenant.activationPosts == 1)
        #expect(h.tenant.created.count == 1)
        await h.press(.escape)
        await h.refreshAfterTheFault()
        await h.expectRecovered()
        #expect(await h.rowState(Self.exchange) == .active)
        await h.stop()
    }

    /// The activation's answer is a 503 and the lookup that follows fails on its second page: pim
    /// cannot rule out a created request, so it does not send it again; the draft stays; the next
    /// refresh shows the role as it is.
    @Test func aLookupWhoseNextPageFailsDoesNotResend() async throws {
        let h = try H(pageSize: 5)
        await h.start()
        try await h.fillForm(on: Self.exchange, Self.draft)
        h.tenant.inject(.unavailable, into: .activations, times: 1)
        h.tenant.inject(.serverError, into: .nextPages)
        await h.press(.enter)
        let refusal = await h.refusal(Self.exchange)
        #expect(
            refusal.contains("your requests could not be checked either, so the request was not sent again"),
            "form: \(refusal)")
        #expect(h.tenant.activationPosts == 1)
        #expect(h.lookups == 1)
        #expect(h.tenant.created.isEmpty)
        #expect(Self.draft.isKept(in: await h.keptDraft(for: Self.exchange)))
        try await h.recoverAndReopen(Self.exchange)
        await h.expectRecovered()
        await h.press(.control("s"))
        #expect(h.tenant.created.count == 1)
        #expect(await h.rowState(Self.exchange) == .active)
        await h.stop()
    }

    /// An authentication context (claims challenge) from the tenant's policy: one sign-in with the
    /// claims, one resend; the status line says why the user was asked to sign in again.
    @Test func aClaimsChallengeSignsInOnceAndTheActivationIsSentOnceMore() async throws {
        let h = try H()
        await h.start()
        let draft = H.Draft(ticket: "", system: "", duration: "1h")
        try await h.fillForm(on: "Intune Administrator", draft)
        await h.press(.enter)
        guard case .active? = await h.outcome("Intune Administrator") else {
            Issue.record("form: \(await h.screenText())")
            return
        }
        #expect(h.tenant.activationPosts == 2)
        #expect(h.tenant.created.count == 1)
        #expect(await h.messageLine().hasPrefix("Activated."))
        #expect(await h.statusMessage()?.contains("Signed in again to satisfy the authentication context c1") == true)
        await h.stop()
    }
}
