import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

@Suite struct ActivateCommandTests {
    @Test func activatesWithEveryValueGiven() async throws {
        let service = FakeService(now: testNow)
        let result = await run(
            ["activate", "exchange admin", "-j", "Mailbox migration", "--duration", "90m"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        let sent = service.read { $0.sent }
        #expect(sent.count == 1)
        #expect(sent.first?.target == FakeService.exchangeAdmin)
        #expect(sent.first?.duration == .minutes(90))
        #expect(sent.first?.justification == "Mailbox migration")
        #expect(
            result.stdout.contains(
                "Activated Exchange Administrator until 13:30 (1h 30m): Provisioned (request req-1)."))
    }

    @Test func missingJustificationNamesTheFlagAndSendsNothing() async {
        let service = FakeService(now: testNow)
        let result = await run(["activate", "Exchange Administrator"], service: service)
        #expect(result.code == 4)
        #expect(result.stderr.contains("A justification is required"))
        #expect(result.stderr.contains("--justification TEXT"))
        #expect(result.stdout.isEmpty)
        #expect(service.read { $0.sent }.isEmpty)
    }

    /// Eligible, but not as --owner or --scope asked: the refusal names the access or scopes there are.
    @Test func ownerAndScopeMismatchesSayWhatYouAreEligibleFor() async {
        let groups = FakeService(now: testNow) { state in
            state.eligibilities.removeAll { $0.target.id == FakeService.financeOwner.id }
        }
        let owner = await run(["activate", "Finance Admins", "--owner", "-j", "x"], service: groups)
        #expect(owner.code == 4)
        #expect(
            owner.stderr.contains(
                "You are eligible for \"Finance Admins\" as a member, not as an owner: leave --owner out."),
            "\(owner.stderr)")
        let scoped = await run(
            ["activate", "Directory Readers", "--scope", "/administrativeUnits/au-1"],
            service: FakeService(now: testNow))
        #expect(scoped.code == 4)
        #expect(
            // The scopes held are named as people read them ("Directory" for the tenant).
            scoped.stderr.contains("eligible for \"Directory Readers\" at Directory, not at /administrativeUnits/au-1"),
            "\(scoped.stderr)")
        let groupScope = await run(
            ["activate", "Finance Admins", "--scope", "/", "-j", "x"], service: FakeService(now: testNow))
        #expect(groupScope.code == 2)
        #expect(groupScope.stderr.contains("--scope applies to roles"))
    }

    @Test func aTicketSystemWithoutATicketNumberIsAUsageError() async {
        let service = FakeService(now: testNow)
        let result = await run(["activate", "Global Reader", "-j", "x", "--ticket-system", "Jira"], service: service)
        #expect(result.code == 2)
        #expect(result.stderr.contains("add --ticket NUMBER"))
        #expect(service.read { $0.sent }.isEmpty)
    }

    @Test func everyProblemOfEveryTargetIsListed() async {
        let service = FakeService(now: testNow)
        let result = await run(
            ["activate", "Global Administrator", "Exchange Administrator", "-d", "4h"], service: service)
        #expect(result.code == 4)
        #expect(result.stderr.contains("Cannot activate Global Administrator:"))
        #expect(result.stderr.contains("A ticket number is required"))
        #expect(result.stderr.contains("--ticket NUMBER"))
        #expect(result.stderr.contains("maximum of 2h"))
        #expect(result.stderr.contains("Cannot activate Exchange Administrator:"))
        #expect(result.stderr.contains("Nothing was sent."))
        #expect(service.read { $0.sent }.isEmpty)
    }

    @Test func overTheMaximumIsRefusedOrClamped() async throws {
        let refused = await run(["activate", "Finance Admins", "-j", "x", "-d", "6h"])
        #expect(refused.code == 4)
        #expect(refused.stderr.contains("longer than this role's maximum of 4h"))
        #expect(refused.stderr.contains("--clamp"))

        let service = FakeService(now: testNow)
        let clamped = await run(["activate", "Finance Admins", "-j", "x", "-d", "6h", "--clamp"], service: service)
        #expect(clamped.code == 0, "\(clamped.stderr)")
        #expect(clamped.stderr.contains("allows at most 4h: asking for 4h instead of 6h (--clamp)."))
        #expect(service.read { $0.sent.first?.duration } == .hours(4))
    }

    @Test func defaultDurationNeverExceedsThePolicy() async {
        let service = FakeService(now: testNow)
        let env = environment(withConfig: #"{"defaultDuration": "8h"}"#)
        let result = await run(["activate", "Finance Admins", "-j", "x"], service: service, environment: env)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(service.read { $0.sent.first?.duration } == .hours(4))
    }

    @Test func alreadyActiveWithEnoughTimeSendsNothing() async {
        let service = FakeService(now: testNow) { state in
            state.active = [
                ActiveAssignment(
                    id: "a1", target: FakeService.exchangeAdmin, principal: state.me,
                    start: testNow.addingTimeInterval(-600), end: testNow.addingTimeInterval(3 * 3600))
            ]
        }
        let result = await run(["activate", "Exchange Administrator", "-j", "x", "-d", "2h"], service: service)
        #expect(result.code == 0)
        #expect(
            result.stdout.contains("Exchange Administrator is already active until 15:00 (3h 00m left): nothing sent."))
        #expect(service.read { $0.sent }.isEmpty)

        let tooShort = await run(["activate", "Exchange Administrator", "-j", "x", "-d", "5h"], service: service)
        #expect(tooShort.code == 4)
        #expect(tooShort.stderr.contains("pim extend"))
    }

    @Test func pendingRequestIsNamedInsteadOfADuplicate() async throws {
        let service = FakeService(now: testNow) { state in
            state.requests = [
                ElevationRequest(
                    id: "req-9", target: FakeService.globalAdmin, action: .selfActivate,
                    status: .pendingApproval, principal: state.me, createdAt: testNow)
            ]
        }
        let result = await run(["activate", "Global Administrator", "-o", "json"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        let object = try #require(json(result.stdout) as? [String: Any])
        #expect(object["id"] as? String == "req-9")
        #expect(object["status"] as? String == "PendingApproval")
        #expect(object["outcome"] as? String == "alreadyPending")
        #expect(service.read { $0.sent }.isEmpty)
    }

    @Test func pendingApprovalIsASuccessAndJSONCarriesIdAndStatus() async throws {
        let result = await run([
            "activate", "Global Administrator", "-j", "CHG-1", "-t", "CHG-1", "--ticket-system", "SNOW",
            "-d", "1h", "--output", "json",
        ])
        #expect(result.code == 0, "\(result.stderr)")
        let object = try #require(json(result.stdout) as? [String: Any])
        #expect(object["id"] as? String == "req-1")
        #expect(object["status"] as? String == "PendingApproval")
        #expect(object["kind"] as? String == "role")
        #expect(object["ticketNumber"] as? String == "CHG-1")
    }

    @Test func severalTargetsShareValuesAndGiveAnArray() async throws {
        let service = FakeService(now: testNow)
        let result = await run(
            ["activate", "Exchange", "Finance", "-j", "Incident 7", "-d", "1h", "-o", "json"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        let rows = try #require(json(result.stdout) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["Exchange Administrator", "Finance Admins"])
        #expect(rows.map { $0["kind"] as? String } == ["role", "group"])
        #expect(service.read { $0.sent.map(\.justification) } == ["Incident 7", "Incident 7"])
        #expect(service.read { $0.sent[1].target.kind } == .groupMember)
    }

    @Test func ownerPicksTheGroupsOwnerAccess() async {
        let service = FakeService(now: testNow)
        let result = await run(
            ["activate", "group:finance admins", "--owner", "-j", "x", "-d", "1h"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(service.read { $0.sent.first?.target.kind } == .groupOwner)
    }

    @Test func namesMatchWithoutCaseAndByUniquePrefix() async {
        let service = FakeService(now: testNow)
        #expect(await run(["activate", "directory readers", "-d", "1h"], service: service).code == 0)
        #expect(await run(["activate", "Exch", "-j", "x", "-d", "1h"], service: service).code == 0)
        #expect(service.read { $0.sent.map(\.target.displayName) } == ["Directory Readers", "Exchange Administrator"])
        // A word inside a name is not a prefix: nothing matches, which is a refusal (not eligible).
        #expect(await run(["activate", "administrator", "-j", "x"], service: service).code == 4)
    }

    @Test func prefixMatchingTwoTargetsIsAUsageError() async {
        let service = FakeService(now: testNow) { state in
            state.eligibilities.append(
                Eligibility(
                    id: "ex2",
                    target: ElevationTarget(id: .role("ex-2"), displayName: "Exchange Recipient Administrator"),
                    principalId: state.me.id))
        }
        let result = await run(["activate", "exchange", "-j", "x"], service: service)
        #expect(result.code == 2)
        #expect(result.stderr.contains("\"exchange\" matches 2 roles and groups:"))
        #expect(
            result.stderr.contains(
                "  Exchange Administrator (role, Directory, id 29232cdf-9323-42fd-ade2-1d097af3e4de)"))
        #expect(result.stderr.contains("Type more of the name, or give the id."))
    }

    @Test func unknownTargetIsRefusedWithTheClosestName() async {
        let result = await run(["activate", "Exchnage Administrator", "-j", "x"])
        #expect(result.code == 4)
        #expect(result.stderr.contains("Did you mean \"Exchange Administrator\"?"))
    }

    @Test func targetsByIdAndRoleSets() async {
        let service = FakeService(now: testNow)
        let env = environment(
            withConfig: #"{"roleSets": {"oncall": ["Exchange Administrator", "group:Finance Admins"]}}"#)
        let result = await run(["activate", "@oncall", "-j", "Pager", "-d", "30m"], service: service, environment: env)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(service.read { $0.sent.count } == 2)
        let byId = await run(["activate", "29232cdf-9323-42fd-ade2-1d097af3e4de", "-j", "x", "-d", "1h"])
        #expect(byId.code == 0)
        let unknownSet = await run(["activate", "@oncal", "-j", "x"], environment: env)
        #expect(unknownSet.code == 2)
        #expect(unknownSet.stderr.contains("Did you mean @oncall?"))
    }

    @Test func ticketPatternIsCheckedBeforeSending() async {
        let env = environment(withConfig: #"{"ticketPattern": "CHG-[0-9]+", "ticketSystem": "ServiceNow"}"#)
        let service = FakeService(now: testNow)
        let result = await run(
            ["activate", "Global Administrator", "-j", "x", "-t", "12345", "-d", "1h"], service: service,
            environment: env)
        #expect(result.code == 4)
        #expect(result.stderr.contains("does not match the pattern CHG-[0-9]+"))
        let ok = await run(
            ["activate", "Global Administrator", "-j", "x", "-t", "CHG-12", "-d", "1h"], service: service,
            environment: env)
        #expect(ok.code == 0, "\(ok.stderr)")
        #expect(service.read { $0.sent.first?.ticket } == TicketInfo(number: "CHG-12", system: "ServiceNow"))
    }

    @Test func promptsOnlyOnATerminal() async {
        let service = FakeService(now: testNow)
        let result = await run(
            ["activate", "Exchange Administrator", "-d", "1h"], service: service,
            input: ["Typed on the terminal"], stdinIsTerminal: true, terminal: true)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Justification: "))
        #expect(service.read { $0.sent.first?.justification } == "Typed on the terminal")
    }

    @Test func noticesOfTheServiceGoToStderr() async {
        let service = FakeService(now: testNow) {
            $0.notices = ["Signed in again to satisfy authentication context c1."]
        }
        let result = await run(["activate", "Directory Readers", "-d", "1h"], service: service)
        #expect(result.code == 0)
        #expect(result.stderr.contains("Signed in again to satisfy authentication context c1."))
        #expect(!result.stdout.contains("Signed in again"))
    }

    @Test func waitPollsUntilDecided() async {
        let service = FakeService(now: testNow) { $0.decideOnRead = .provisioned }
        let result = await run(
            [
                "activate", "Global Administrator", "-j", "x", "-t", "CHG-1", "--ticket-system", "S",
                "-d", "1h", "--wait",
            ], service: service, sleeps: 3)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Provisioned"))

        let denied = FakeService(now: testNow) { $0.decideOnRead = .denied }
        let refused = await run(
            [
                "activate", "Global Administrator", "-j", "x", "-t", "CHG-1", "--ticket-system", "S",
                "-d", "1h", "--wait",
            ], service: denied, sleeps: 3)
        #expect(refused.code == 4)
        #expect(refused.stdout.contains("was Denied"))
    }

    @Test func waitShowsProgressOnlyOnATerminal() async {
        let args = [
            "activate", "Global Administrator", "-j", "x", "-t", "CHG-1", "--ticket-system", "S", "-d", "1h", "--wait",
        ]
        let onTerminal = await run(
            args, service: FakeService(now: testNow) { $0.decideOnRead = .provisioned },
            terminal: true, sleeps: 3)
        #expect(onTerminal.stderr.contains("Waiting for approval of Global Administrator"))
        let piped = await run(args, service: FakeService(now: testNow) { $0.decideOnRead = .provisioned }, sleeps: 3)
        #expect(!piped.stderr.contains("Waiting"))
    }

    @Test func optionTyposAreUsageErrorsBeforeTheServiceIsAsked() async {
        let offline = FakeService(now: testNow) { $0.failure = PIMError(.network, "Graph could not be reached.") }
        let result = await run(["activate", "Exchange Administrator", "-j", "x", "-d", "8"], service: offline)
        #expect(result.code == 2)
        #expect(result.stderr.contains("write 8m for minutes or 8h for hours"))
        let template = await run(["activate", "Exchange Administrator", "--template", "nope"], service: offline)
        #expect(template.code == 2)
        #expect(template.stderr.contains("justificationTemplates"))
    }

    @Test func serviceRefusalMapsToItsExitCode() async {
        let service = FakeService(now: testNow) {
            $0.activationError = PIMError(
                .refused, "The service refused: a ticket is required.",
                graphCode: "RoleAssignmentRequestPolicyValidationFailed")
        }
        let result = await run(["activate", "Exchange Administrator", "-j", "x", "-d", "1h"], service: service)
        #expect(result.code == 4)
        #expect(result.stderr.contains("a ticket is required"))
    }
}
