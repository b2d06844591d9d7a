import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

@Suite struct ActionCommandTests {
    static func tenant() -> FakeService {
        FakeService(now: testNow) { state in
            state.active = [
                ActiveAssignment(
                    id: "a1", target: FakeService.exchangeAdmin, principal: state.me,
                    start: testNow.addingTimeInterval(-3600), end: testNow.addingTimeInterval(3600)),
                ActiveAssignment(id: "a2", target: FakeService.reader, principal: state.me, assignmentType: .assigned),
            ]
            state.requests = [
                ElevationRequest(
                    id: "req-p", target: FakeService.globalAdmin, action: .selfActivate,
                    status: .pendingApproval, principal: state.me, createdAt: testNow),
                ElevationRequest(
                    id: "req-d", target: FakeService.exchangeAdmin, action: .selfActivate,
                    status: .provisioned, principal: state.me, createdAt: testNow),
            ]
            let ben = Principal(id: "u-ben", displayName: "Ben Okafor")
            state.approvals = [
                ApprovalItem(
                    request: ElevationRequest(
                        id: "appr-1", target: FakeService.globalAdmin, action: .selfActivate, status: .pendingApproval,
                        principal: ben,
                        createdAt: testNow.addingTimeInterval(-300), justification: "Fix prod",
                        ticket: TicketInfo(number: "CHG-9", system: "SNOW"),
                        duration: .hours(1), approvalId: "appr-1"))
            ]
            state.accessReviews = [
                AccessReviewDecision(
                    reviewId: "rev-1", reviewName: "Global Administrator eligibilities", instanceId: "inst-0001",
                    decisionId: "dec-00000001", principal: ben, resourceName: "Global Administrator",
                    resourceKind: .directoryRole, tier: .tier0, recommendation: .approve)
            ]
        }
    }

    @Test func deactivateActiveNotActiveAndPermanent() async {
        let service = Self.tenant()
        let done = await run(["deactivate", "Exchange Administrator"], service: service)
        #expect(done.code == 0)
        #expect(done.stdout.contains("Deactivated Exchange Administrator"))
        #expect(service.read { $0.deactivated } == ["a1"])
        let idle = await run(["deactivate", "Finance Admins"], service: service)
        #expect(idle.code == 0)
        #expect(idle.stdout.contains("is not active: nothing to deactivate."))
        let pending = await run(["deactivate", "Global Administrator"], service: service)
        #expect(pending.code == 0)
        #expect(pending.stdout.contains("withdraw it with pim cancel req-p"))
        let permanent = await run(["deactivate", "Directory Readers"], service: service)
        #expect(permanent.code == 4)
        #expect(permanent.stderr.contains("only an administrator can remove it"))
    }

    @Test func deactivateWithinFiveMinutesNamesWhen() async {
        let service = FakeService(now: testNow) { state in
            state.active = [
                ActiveAssignment(
                    id: "a9", target: FakeService.exchangeAdmin, principal: state.me,
                    start: testNow.addingTimeInterval(-60), end: testNow.addingTimeInterval(3600))
            ]
        }
        let result = await run(["deactivate", "Exchange Administrator"], service: service)
        #expect(result.code == 4)
        #expect(result.stderr.contains("was activated at 11:59 and can be deactivated from 12:04"))
        #expect(service.read { $0.deactivated }.isEmpty)
    }

    @Test func extendSendsTheNewDuration() async {
        let service = Self.tenant()
        let result = await run(["extend", "Exchange Administrator", "-j", "Overran", "-d", "2h"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Extended Exchange Administrator"))
        #expect(service.read { $0.sent.first?.duration } == .hours(2))
        let notActive = await run(["extend", "Finance Admins", "-j", "x"], service: service)
        #expect(notActive.code == 4)
        #expect(notActive.stderr.contains("pim activate"))
    }

    /// Exchange Administrator active for another hour, under a policy that needs approval.
    static func exchangeAdminActiveNeedingApproval() -> FakeService {
        FakeService(now: testNow) { state in
            state.active = [
                ActiveAssignment(
                    id: "a1", target: FakeService.exchangeAdmin, principal: state.me,
                    start: testNow.addingTimeInterval(-3600), end: testNow.addingTimeInterval(3600))
            ]
            state.policies[FakeService.exchangeAdmin.id]?.requiresApproval = true
        }
    }

    /// Graph cannot lengthen a running activation; one that needs approval ends first. On a terminal
    /// pim asks before cutting access (anything but y sends nothing); a script must say --yes.
    @Test func extendingWhatNeedsApprovalAsksFirstOnATerminal() async {
        let declined = Self.exchangeAdminActiveNeedingApproval()
        let no = await run(
            ["extend", "Exchange Administrator", "-j", "Overran", "-d", "2h"], service: declined,
            input: [""], stdinIsTerminal: true, terminal: true)
        #expect(no.code == 4)
        #expect(no.stderr.contains("needs approval: extending ends your access until an approver approves"))
        #expect(no.stderr.contains("Nothing was sent"))
        #expect(declined.read { $0.sent }.isEmpty)

        let confirmed = Self.exchangeAdminActiveNeedingApproval()
        let yes = await run(
            ["extend", "Exchange Administrator", "-j", "Overran", "-d", "2h"], service: confirmed,
            input: ["y"], stdinIsTerminal: true, terminal: true)
        #expect(yes.code == 0, "\(yes.stderr)")
        #expect(confirmed.read { $0.sent.count } == 1)
    }

    /// Without a terminal nobody can be asked: ending access needs --yes, else nothing is sent (exit 4).
    @Test func aScriptExtendingWhatNeedsApprovalMustSayYes() async throws {
        let script = Self.exchangeAdminActiveNeedingApproval()
        let unattended = await run(["extend", "Exchange Administrator", "-j", "Overran", "-d", "2h"], service: script)
        #expect(unattended.code == 4, "\(unattended.stderr)")
        #expect(unattended.stderr.contains("needs approval"), "\(unattended.stderr)")
        #expect(unattended.stderr.contains("--yes"), "\(unattended.stderr)")
        #expect(unattended.stdout.isEmpty)
        #expect(script.read { $0.sent }.isEmpty, "nothing sent")

        let agreed = Self.exchangeAdminActiveNeedingApproval()
        let yes = await run(
            ["extend", "Exchange Administrator", "-j", "Overran", "-d", "2h", "--yes", "-o", "json"], service: agreed)
        #expect(yes.code == 0, "\(yes.stderr)")
        #expect(agreed.read { $0.sent.count } == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(yes.stdout.utf8)) as? [String: Any])
        #expect(object["action"] as? String == "selfActivate")
        #expect(object["replaced"] as? Bool == true, "the JSON says the running activation was replaced: \(yes.stdout)")
        #expect(object["status"] as? String == "PendingApproval")
    }

    /// An assignment with an end is extended in place: `replaced` is false.
    @Test func extendingAnAssignmentSaysNothingWasReplaced() async throws {
        let service = FakeService(now: testNow) { state in
            state.active = [
                ActiveAssignment(
                    id: "a1", target: FakeService.exchangeAdmin, principal: state.me,
                    start: testNow.addingTimeInterval(-3600), end: testNow.addingTimeInterval(86_400),
                    assignmentType: .assigned)
            ]
        }
        let result = await run(
            ["extend", "Exchange Administrator", "-j", "Overran", "-d", "2h", "-o", "json"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["action"] as? String == "selfExtend")
        #expect(object["replaced"] as? Bool == false, "\(result.stdout)")
    }

    @Test func cancelOnlyPendingRequests() async {
        let service = Self.tenant()
        let result = await run(["cancel", "req-p"], service: service)
        #expect(result.code == 0)
        #expect(service.read { $0.cancelled } == ["req-p"])
        let done = await run(["cancel", "req-d"], service: service)
        #expect(done.code == 4)
        #expect(done.stderr.contains("pim deactivate"))
        let unknown = await run(["cancel", "nope"], service: service)
        #expect(unknown.code == 4)
        #expect(unknown.stderr.contains("pim requests"))
    }

    @Test func approvalsListAndDecide() async throws {
        let service = Self.tenant()
        let list = await run(["approvals"], service: service)
        #expect(list.stdout.contains("Ben Okafor"))
        #expect(list.stdout.contains("CHG-9"))
        #expect(list.stdout.contains("5m"))
        let rows = try #require(
            json(await run(["approvals", "-o", "json"], service: service).stdout) as? [[String: Any]])
        #expect(rows.first?["id"] as? String == "appr-1")
        #expect(rows.first?["kind"] as? String == "role")

        let missing = await run(["approve", "appr-1"], service: service)
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("--justification"))

        let approved = await run(["approve", "appr-1", "--justification", "Matches CHG-9"], service: service)
        #expect(approved.code == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("Approved request appr-1"))
        #expect(service.read { $0.decisions.first?.1 } == .approve)

        let gone = await run(["deny", "appr-1", "-j", "late"], service: service)
        #expect(gone.code == 4)
    }

    @Test func watchRingsAndPrintsTheExactCommand() async {
        let service = Self.tenant()
        let result = await run(
            ["approvals", "--watch", "--interval", "10s"], service: service, terminal: true, sleeps: 2)
        #expect(result.code == 0)
        #expect(result.stderr.contains("\u{07}"))
        #expect(result.stdout.contains("New request appr-1: Ben Okafor asks for Global Administrator"))
        #expect(result.stdout.contains("  pim approve appr-1 --justification \"…\""))
        // Seen once, printed once.
        #expect(result.stdout.components(separatedBy: "pim approve appr-1").count == 2)
    }

    @Test func watchInJSONPrintsOneLinePerRequest() async throws {
        let result = await run(["approvals", "--watch", "-o", "json"], service: Self.tenant(), sleeps: 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(json(String(lines[0])) as? [String: Any])
        #expect(object["id"] as? String == "appr-1")
        #expect(object["approveCommand"] as? String == "pim approve appr-1 --justification \"…\"")
    }

    @Test func sessionAndDemoCommands() async throws {
        let who = await run(["whoami", "-o", "json"])
        let object = try #require(json(who.stdout) as? [String: Any])
        #expect(object["displayName"] as? String == "Ada Lovelace")
        #expect(await run(["login", "--azure-cli"]).stdout.contains("azureCLI"))
        #expect(await run(["login", "--azure-cli", "--device-code"]).code == 2)
        #expect(await run(["logout"]).code == 0)
        #expect(await run(["demo", "personas"]).stdout.contains("ben"))
        #expect(await run(["demo", "reset"]).code == 0)
        #expect(await run(["--as", "ben", "roles"]).code == 2)
        #expect(await run(["completion", "zsh"]).stdout.hasPrefix("#compdef pim"))
        #expect(await run(["--version"]).stdout == "pim \(CommandTable.version)\n")
        #expect(await run(["help", "activate"]).stdout.contains("USAGE: pim activate"))
    }

    @Test func completionReadsCachedTargetNames() async {
        let home = isolatedHome()
        _ = await run(["roles"], environment: ["HOME": home])
        let names = await run(["__complete", "targets"], environment: ["HOME": home])
        #expect(names.stdout.contains("Global Administrator\n"))
        #expect(names.stdout.contains("group:Finance Admins\n"))
    }

    @Test func fullScreenNeedsATerminal() async {
        let result = await run([])
        #expect(result.code == 2)
        #expect(result.stderr.contains("needs a terminal"))
        #expect(await run(["tui"], stdinIsTerminal: true, terminal: true).code == 0)
    }
}

@Suite struct ExitCodeTests {
    @Test(arguments: [
        (PIMError.Kind.signInRequired, ExitCode.signIn), (.refused, .refused), (.alreadyExists, .refused),
        (.notFound, .refused), (.alreadyDecided, .refused), (.forbidden, .refused), (.service, .service),
        (.network, .network), (.invalidInput, .usage), (.other, .failure),
    ])
    func everyKindHasItsCode(kind: PIMError.Kind, code: ExitCode) {
        #expect(ExitCode.for(PIMError(kind, "x")) == code)
    }

    @Test func missingScopeIsASignInProblem() {
        #expect(ExitCode.for(PIMError(.forbidden, "x", graphCode: "PermissionScopeNotGranted")) == .signIn)
    }

    @Test func failuresBecomeOneSentenceOnStderr() async {
        for (kind, code) in [(PIMError.Kind.network, Int32(6)), (.service, 5), (.signInRequired, 3)] {
            let service = FakeService(now: testNow) {
                $0.failure = PIMError(kind, "It failed: try again.", requestId: "r-1")
            }
            let result = await run(["roles"], service: service)
            #expect(result.code == code)
            #expect(result.stderr == "pim: It failed: try again. (request id r-1)\n")
            #expect(result.stdout.isEmpty)
        }
    }
}
