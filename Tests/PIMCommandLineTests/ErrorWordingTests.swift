import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

/// The command line words each next step in its own syntax, and never in the interface's.
@Suite struct ErrorWordingTests {
    static let everyStep = NextStep.everyKind

    @Test(arguments: everyStep)
    func everyStepIsWordedInCommandLineTerms(step: NextStep) {
        let words = ErrorWording.step(step)
        #expect(!words.isEmpty, "\(step)")
        for interfaceOnly in ["quit (q)", "(r)", "My roles", "History", "press "] {
            #expect(!words.contains(interfaceOnly), "\(step): \(words)")
        }
    }

    @Test func theSentencesStayAsTheCommandLineSaidThem() {
        let expired = PIMError(
            .signInRequired, "Your sign-in is missing, expired or not accepted by Graph",
            step: .signIn(.expired))
        #expect(
            ErrorWording.sentence(expired)
                == "Your sign-in is missing, expired or not accepted by Graph: run `pim login` and try again.")
        #expect(
            ErrorWording.sentence(
                PIMError(
                    .service, "Graph sent a response that could not be read",
                    step: .tryAgainThenInspect(report: true)))
                == "Graph sent a response that could not be read: try again, and report it if it persists "
                + "(run with --verbose to see the exchange).")
        // After a whole sentence the step is a sentence of its own.
        #expect(
            ErrorWording.sentence(
                PIMError(
                    .network, "The change may or may not have been applied (it failed).",
                    step: .checkRequests(.beforeTryingAgain)))
                == "The change may or may not have been applied (it failed). Check with `pim requests` or `pim roles` "
                + "before trying again.")
        #expect(
            ErrorWording.detailed(PIMError(.service, "It failed", step: .tryAgain, requestId: "r-1"))
                == "It failed: try again. (request id r-1)")
        #expect(
            ErrorWording.sentence(PIMError(.refused, "", step: .satisfyRules([.justification])))
                == "A justification is required: add --justification \"why you need it\".")
    }

    /// The planner refuses a duration over the maximum by type: the problem carries the maximum, and the
    /// sentence offers --clamp because the reason is "too long", not because the text says "maximum".
    @Test func aTooLongDurationIsRefusedByType() {
        let entry = RoleEntry(
            target: FakeService.exchangeAdmin,
            eligibility: Eligibility(id: "e-1", target: FakeService.exchangeAdmin, principalId: "me"),
            policy: ActivationPolicy(maxDuration: .hours(2), requiresJustification: false))
        let planner = ActivationPlanner(
            draft: ActivationDraft(
                justification: "", ticketNumber: "", ticketSystem: "",
                durationText: "8h"),
            durationIsExplicit: true, defaultDuration: .hours(1), clamp: false,
            rules: DraftRules(), now: testNow)
        guard case .refused(_, let problems) = planner.plan(entry) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(problems == [.draft(DraftProblem(field: .duration, reason: .tooLong(.hours(8), maximum: .hours(2))))])
        #expect(planner.sentence(for: problems[0]).hasSuffix("Or add --clamp to cut it to the maximum."))
    }

    /// On a terminal pim asks for what a policy requires and is missing (by the problem's field and
    /// reason), and not for a value that is there but wrong: an over-long justification is refused.
    @Test func promptsForAMissingJustificationByField() async {
        let service = FakeService(now: testNow)
        let missing = await run(
            ["activate", "Exchange Administrator", "-d", "1h"], service: service,
            input: ["Typed on the terminal"], stdinIsTerminal: true, terminal: true)
        #expect(missing.stderr.contains("Justification: "))
        #expect(service.read { $0.sent.first?.justification } == "Typed on the terminal")

        let long = String(repeating: "x", count: ServiceLimits.justificationMaxLength + 1)
        let tooLong = await run(
            ["activate", "Exchange Administrator", "-d", "1h", "-j", long],
            service: FakeService(now: testNow), input: ["never read"], stdinIsTerminal: true,
            terminal: true)
        #expect(tooLong.code == 4)
        #expect(!tooLong.stderr.contains("Justification: "), "\(tooLong.stderr)")
        #expect(tooLong.stderr.contains("Shorten it. Add --justification TEXT."), "\(tooLong.stderr)")
    }
}
