import Foundation
import Testing
@testable import PIMDomain

@Suite struct ActivationDraftTests {
    static let strict = ActivationPolicy(
        maxDuration: .hours(4), requiresJustification: true, requiresTicket: true,
        requiresMfa: true, requiresApproval: true)
    static let lenient = ActivationPolicy(maxDuration: .hours(8), requiresJustification: false)
    static let target = ElevationTarget(
        id: .role("62e90394-69f5-4237-9190-012177145e10"), displayName: "Global Administrator")

    @Test func completeDraftHasNoProblems() {
        let draft = ActivationDraft(
            justification: "INC-4821 investigate", ticketNumber: "INC-4821",
            ticketSystem: "ServiceNow", durationText: "2h")
        #expect(draft.problems(against: Self.strict).isEmpty)
    }

    @Test func fourMinutesIsTooShort() {
        let problems = ActivationDraft(justification: "x", durationText: "4m").problems(against: Self.lenient)
        #expect(problems.map(\.field) == [.duration])
        #expect(problems[0].message.contains("at least 5 minutes"))
    }

    @Test func fiveMinutesIsEnough() {
        #expect(ActivationDraft(durationText: "5m").problems(against: Self.lenient).isEmpty)
    }

    @Test func overTheMaximumNamesTheMaximum() {
        let problems = ActivationDraft(
            justification: "x", ticketNumber: "1", ticketSystem: "Jira", durationText: "PT5H"
        )
        .problems(against: Self.strict)
        #expect(problems.count == 1)
        #expect(problems[0].field == .duration)
        #expect(problems[0].message.contains("4h"))
    }

    /// Both halves of a required ticket are asked for at once, so the next attempt does not fail on
    /// the system after the number was added.
    @Test func missingTicketWhenRequired() {
        let problems = ActivationDraft(justification: "fix", durationText: "1h").problems(against: Self.strict)
        #expect(problems.map(\.field) == [.ticketNumber])
        #expect(problems[0].message.contains("ticket number is required"))
        let everything = DraftRules(ticketSystemWithMissingNumber: true)
        let both = ActivationDraft(justification: "fix", durationText: "1h").problems(
            against: Self.strict, rules: everything)
        #expect(both.map(\.field) == [.ticketNumber, .ticketSystem])
        let withSystem = ActivationDraft(justification: "fix", ticketSystem: "Jira", durationText: "1h")
            .problems(against: Self.strict, rules: everything)
        #expect(withSystem.map(\.field) == [.ticketNumber])
    }

    /// A ticket system (a configured default) without a number is not a ticket: nothing is sent for it.
    @Test func aTicketSystemAloneIsNotSent() throws {
        let draft = ActivationDraft(justification: "fix", ticketSystem: "ServiceNow", durationText: "1h")
        #expect(draft.ticket == nil)
        let request = try draft.request(for: ElevationTarget(id: .role("r"), displayName: "R"), policy: Self.lenient)
            .get()
        #expect(request.ticket == nil)
    }

    @Test func ticketNumberWithoutSystemWhenRequired() {
        let problems = ActivationDraft(justification: "fix", ticketNumber: "CHG-1", durationText: "1h").problems(
            against: Self.strict)
        #expect(problems.map(\.field) == [.ticketSystem])
    }

    @Test func justificationOverTheServiceLimit() {
        let long = String(repeating: "a", count: 501)
        let problems = ActivationDraft(justification: long, durationText: "1h").problems(against: Self.lenient)
        #expect(problems.map(\.field) == [.justification])
        #expect(problems[0].message.contains("500"))
        #expect(
            ActivationDraft(justification: String(repeating: "a", count: 500), durationText: "1h")
                .problems(against: Self.lenient).isEmpty)
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let problems = ActivationDraft(justification: "  ", durationText: "PT").problems(against: Self.strict)
        #expect(Set(problems.map(\.field)) == [.justification, .ticketNumber, .duration])
        for problem in problems { #expect(problem.message.hasSuffix(".")) }
    }

    @Test func nonsenseDurationsAreProblemsWithAFix() {
        for text in ["PT", "-5m", "", "soon"] {
            let problems = ActivationDraft(justification: "x", durationText: text).problems(against: Self.lenient)
            #expect(problems.map(\.field) == [.duration], "\(text)")
        }
    }

    @Test func ticketPatternFromConfiguration() {
        let rules = DraftRules(ticketPattern: "(INC|CHG)-[0-9]+")
        let bad = ActivationDraft(justification: "x", ticketNumber: "12345", ticketSystem: "SN", durationText: "1h")
        #expect(bad.problems(against: Self.lenient, rules: rules).map(\.field) == [.ticketNumber])
        let good = ActivationDraft(justification: "x", ticketNumber: "CHG-77", ticketSystem: "SN", durationText: "1h")
        #expect(good.problems(against: Self.lenient, rules: rules).isEmpty)
    }

    @Test func unknownPolicyChecksOnlyServiceLimits() {
        #expect(ActivationDraft(durationText: "1h").problems(against: nil).isEmpty)
        #expect(ActivationDraft(durationText: "3m").problems(against: nil).map(\.field) == [.duration])
    }

    @Test func startInThePastIsRefused() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let draft = ActivationDraft(durationText: "1h", start: now.addingTimeInterval(-3600))
        #expect(draft.problems(against: nil, now: now).map(\.field) == [.start])
    }

    @Test func requestCarriesTrimmedValues() throws {
        let draft = ActivationDraft(
            justification: "  patching  ", ticketNumber: " CHG-9 ", ticketSystem: "Jira", durationText: "90m")
        let request = try draft.request(for: Self.target, policy: Self.strict).get()
        #expect(request.justification == "patching")
        #expect(request.ticket == TicketInfo(number: "CHG-9", system: "Jira"))
        #expect(request.duration == .minutes(90))
        #expect(request.validationOnly == false)
    }

    @Test func refusedRequestListsEveryProblem() {
        let result = ActivationDraft(durationText: "4m").request(for: Self.target, policy: Self.strict)
        guard case .failure(let problems) = result else { Issue.record("expected refusal"); return }
        #expect(problems.problems.count == 3)
    }

    @Test func draftRemembersUnsentText() {
        #expect(!ActivationDraft(durationText: "1h").hasUnsentText)
        #expect(ActivationDraft(justification: "half typed").hasUnsentText)
    }
}
