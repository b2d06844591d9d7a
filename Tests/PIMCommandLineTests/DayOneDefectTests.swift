import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

/// Defects a first real user meets on the command line, each reproduced as the user saw it.
@Suite struct DayOneDefectTests {
    // MARK: every missing requirement at once

    /// A missing ticket number used to be reported alone; the next run, with the number, then failed
    /// on the missing ticket system. Both are named in one go.
    @Test func aMissingTicketIsReportedWithItsSystem() async {
        let service = FakeService(now: testNow)
        let result = await run(["activate", "Global Administrator", "-d", "1h"], service: service)
        #expect(result.code == 4)
        #expect(result.stderr.contains("A justification is required"), "\(result.stderr)")
        #expect(result.stderr.contains("--ticket NUMBER"), "\(result.stderr)")
        #expect(
            result.stderr.contains("--ticket-system NAME"), "the system is asked for in the same run: \(result.stderr)")
        #expect(service.read { $0.sent }.isEmpty)
    }

    /// With the configuration's ticket system only the number is missing.
    @Test func theConfiguredTicketSystemCountsAsGiven() async {
        let env = environment(withConfig: #"{"ticketSystem": "ServiceNow"}"#)
        let service = FakeService(now: testNow)
        let result = await run(
            ["activate", "Global Administrator", "-j", "x", "-d", "1h"], service: service, environment: env)
        #expect(result.code == 4)
        #expect(result.stderr.contains("--ticket NUMBER"), "\(result.stderr)")
        #expect(!result.stderr.contains("--ticket-system"), "\(result.stderr)")
        let ok = await run(
            ["activate", "Global Administrator", "-j", "x", "-t", "CHG-1", "-d", "1h"], service: service,
            environment: env)
        #expect(ok.code == 0, "\(ok.stderr)")
        #expect(service.read { $0.sent.first?.ticket } == TicketInfo(number: "CHG-1", system: "ServiceNow"))
    }

    /// The configuration's ticket system is never sent without a ticket number.
    @Test func theConfiguredTicketSystemIsNotSentAlone() async {
        let env = environment(withConfig: #"{"ticketSystem": "ServiceNow"}"#)
        let service = FakeService(now: testNow)
        let result = await run(
            ["activate", "Exchange Administrator", "-j", "x", "-d", "1h"], service: service, environment: env)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(service.read { $0.sent.count } == 1)
        #expect(service.read { $0.sent.first?.ticket } == nil, "a ticket system alone is not a ticket")
    }

    // MARK: idempotency under a race

    /// Another pim activated the role between our read and our request: the service refuses with
    /// RoleAssignmentExists, which is the idempotent answer, not a failure.
    @Test func aRaceLostToAnotherActivationIsAlreadyActive() async throws {
        let service = FakeService(now: testNow) { $0.lostRaceWith = "RoleAssignmentExists" }
        let result = await run(["activate", "Exchange Administrator", "-j", "x", "-d", "1h"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("already active"), "\(result.stdout)")
        #expect(result.stdout.contains("nothing sent"), "\(result.stdout)")
        #expect(!result.stderr.contains("failed"), "\(result.stderr)")

        let again = FakeService(now: testNow) { $0.lostRaceWith = "RoleAssignmentExists" }
        let json = await run(
            ["activate", "Exchange Administrator", "-j", "x", "-d", "1h", "-o", "json"], service: again)
        #expect(json.code == 0, "\(json.stderr)")
        let object = try #require(PIMCommandLineTests.json(json.stdout) as? [String: Any])
        #expect(object["outcome"] as? String == "alreadyActive", "\(json.stdout)")
    }

    @Test func aRaceLostToAnotherPendingRequestIsAlreadyPending() async throws {
        let service = FakeService(now: testNow) { $0.lostRaceWith = "PendingRoleAssignmentRequest" }
        let result = await run(
            [
                "activate", "Global Administrator", "-j", "x", "-t", "CHG-1", "--ticket-system", "SNOW",
                "-d", "1h", "-o", "json",
            ], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        let object = try #require(PIMCommandLineTests.json(result.stdout) as? [String: Any])
        #expect(object["outcome"] as? String == "alreadyPending", "\(result.stdout)")
        #expect(object["id"] as? String == "req-other")
    }

    // MARK: small wrongs

    /// A duration typed with a space is suggested back in one word, so the command can be pasted.
    @Test func theSuggestedDurationIsOneWord() async {
        let service = FakeService(now: testNow) { state in
            state.active = [
                ActiveAssignment(
                    id: "a1", target: FakeService.exchangeAdmin, principal: state.me,
                    start: testNow.addingTimeInterval(-3600), end: testNow.addingTimeInterval(1800))
            ]
        }
        let result = await run(
            ["activate", "Exchange Administrator", "-j", "x", "--duration", "1h 30m"], service: service)
        #expect(result.code == 4, "\(result)")
        #expect(result.stderr.contains("--duration 1h30m."), "\(result.stderr)")
        #expect(!result.stderr.contains("--duration 1h 30m"), "\(result.stderr)")
    }

    @Test func watchingMoreOftenThanEveryTenSecondsIsRefused() async {
        for interval in ["0s", "5s"] {
            let result = await run(
                ["approvals", "--watch", "--interval", interval], service: FakeService(now: testNow))
            #expect(result.code == 2, "\(interval): \(result)")
            #expect(result.stderr.contains("--interval \(interval) is too often"), "\(result.stderr)")
            #expect(result.stderr.contains("10s"), "\(result.stderr)")
        }
        let fine = await run(["approvals", "--watch", "--interval", "10s"], service: FakeService(now: testNow))
        #expect(fine.code == 0, "\(fine)")
    }

    @Test func aMisspeltGlobalOptionIsNamed() async {
        let result = await run(["--outptu", "json", "roles"], service: FakeService(now: testNow))
        #expect(result.code == 2)
        #expect(result.stderr.contains("--outptu"), "\(result.stderr)")
        #expect(result.stderr.contains("--output"), "\(result.stderr)")
        #expect(!result.stderr.contains("Unknown command"), "\(result.stderr)")
    }

    @Test func aConfigurationErrorEndsWithOnePeriod() async {
        let env = environment(withConfig: #"{"defaultDuration": "8"}"#)
        let result = await run(["roles"], service: FakeService(now: testNow), environment: env)
        #expect(result.code == 2)
        #expect(result.stderr.contains("for hours"), "\(result.stderr)")
        #expect(!result.stderr.contains(".."), "\(result.stderr)")
    }

    @Test func approvalsCarryTheTierLevelAndTheTimeLeftToDecide() async throws {
        let ben = Principal(id: "u-ben", displayName: "Ben Okafor")
        let service = FakeService(now: testNow) { state in
            state.approvals = [
                ApprovalItem(
                    request: ElevationRequest(
                        id: "appr-1", target: FakeService.globalAdmin, action: .selfActivate, status: .pendingApproval,
                        principal: ben,
                        createdAt: testNow.addingTimeInterval(-3600), justification: "Fix prod", duration: .hours(1),
                        approvalId: "appr-1"))
            ]
        }
        let json = await run(["approvals", "-o", "json"], service: service)
        let rows = try #require(PIMCommandLineTests.json(json.stdout) as? [[String: Any]])
        #expect(rows.first?["tier"] as? String == "Tier 0")
        #expect(rows.first?["tierLevel"] as? Int == 0, "\(json.stdout)")
        let table = await run(["approvals"], service: service, width: 200)
        #expect(table.stdout.contains("WINDOW"), "\(table.stdout)")
        #expect(table.stdout.contains("23h 00m"), "24 hours to decide, one waited: \(table.stdout)")
    }
}

/// How to rehearse a bad network with the demo tenant is told where users look: `pim help demo` and the README.
@Suite struct SimulatorFaultDocumentationTests {
    static let variables = ["PIM_SIM_LATENCY_MS", "PIM_SIM_FAULTS", "PIM_SIM_SCALE", "PIM_SIM_SEED"]
    static let kinds = ["429", "500", "503", "504", "timeout", "malformed", "expired-token"]

    @Test func helpDemoSaysHowToRehearseABadNetwork() async {
        let result = await run(["help", "demo"])
        #expect(result.code == 0)
        for name in Self.variables + Self.kinds {
            #expect(result.stdout.contains(name), "\(name) in: \(result.stdout)")
        }
    }

    @Test func theReadmeSaysItToo() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for name in Self.variables + Self.kinds { #expect(text.contains(name), "\(name) in the README") }
    }
}
