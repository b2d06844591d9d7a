import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

/// `pim activate … --start WHEN`: the start sent, and the starts refused before anything is sent.
@Suite struct ActivateStartTests {
    @Test func aStartFromNowIsSentAsTheSchedulesStart() async {
        let service = FakeService(now: testNow)
        let result = await run(
            ["activate", "Exchange Administrator", "-j", "Night migration", "--start", "+2h", "-d", "1h"],
            service: service)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(service.read { $0.sent }.first?.start == testNow.addingTimeInterval(7_200))
    }

    @Test func aClockTimeAlreadyPastMeansTomorrow() async {
        let service = FakeService(now: testNow)
        let result = await run(
            ["activate", "Exchange Administrator", "-j", "Early start", "--start", "08:00"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        // testNow is 12:00 UTC: 08:00 has passed, so 08:00 tomorrow.
        #expect(service.read { $0.sent }.first?.start == testNow.addingTimeInterval(20 * 3_600))
    }

    @Test func withoutStartNothingIsSentAsAStart() async {
        let service = FakeService(now: testNow)
        let result = await run(["activate", "Exchange Administrator", "-j", "Now"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(service.read { $0.sent }.first?.start == nil)
    }

    @Test func aStartInThePastIsRefusedAndNothingIsSent() async {
        let service = FakeService(now: testNow)
        let result = await run(
            ["activate", "Exchange Administrator", "-j", "x", "--start", "2026-11-23T11:00:00Z"], service: service)
        #expect(result.code == 4)
        #expect(result.stderr.contains("The start time is in the past: leave --start out"), "\(result.stderr)")
        #expect(service.read { $0.sent }.isEmpty)
    }

    @Test func aStartAfterTheEligibilityEndsIsRefusedAndNothingIsSent() async {
        let service = FakeService(now: testNow) { state in
            guard let index = state.eligibilities.firstIndex(where: { $0.target == FakeService.exchangeAdmin })
            else { return }
            state.eligibilities[index].end = testNow.addingTimeInterval(3_600)
        }
        let result = await run(
            ["activate", "Exchange Administrator", "-j", "x", "--start", "+2h"], service: service)
        #expect(result.code == 4)
        #expect(
            result.stderr.contains(
                "Your eligibility for Exchange Administrator ends Mon 23 Nov 13:00, before the asked start"),
            "\(result.stderr)")
        #expect(service.read { $0.sent }.isEmpty)
    }

    @Test func anUnreadableStartIsAUsageErrorBeforeAnythingIsRead() async {
        let service = FakeService(now: testNow)
        let result = await run(["activate", "Exchange Administrator", "-j", "x", "--start", "soon"], service: service)
        #expect(result.code == 2)
        #expect(result.stderr.contains("--start: The start \"soon\""), "\(result.stderr)")
        #expect(service.read { $0.sent }.isEmpty)
    }

    /// A granted request of mine that begins in 3h 10m, for Exchange Administrator.
    static func withScheduledActivation() -> FakeService {
        FakeService(now: testNow) { state in
            state.requests.append(
                ElevationRequest(
                    id: "req-later", target: FakeService.exchangeAdmin, action: .selfActivate, status: .granted,
                    principal: state.me, createdAt: testNow, justification: "Night migration",
                    start: testNow.addingTimeInterval(3 * 3_600 + 600), duration: .hours(2)))
        }
    }

    @Test func rolesShowAScheduledActivationWithTheTimeUntilItStarts() async {
        let table = await run(["roles"], service: Self.withScheduledActivation())
        #expect(table.code == 0, "\(table.stderr)")
        let row = table.stdout.split(separator: "\n").first { $0.contains("Exchange Administrator") } ?? ""
        #expect(row.contains("scheduled"), "\(table.stdout)")
        #expect(row.contains("in 3h 10m"), "\(table.stdout)")

        let json = await run(["roles", "-o", "json"], service: Self.withScheduledActivation())
        let rows = (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) as? [[String: Any]] ?? []
        let exchange = rows.first { $0["name"] as? String == "Exchange Administrator" }
        #expect(exchange?["state"] as? String == "scheduled", "\(json.stdout)")
        #expect(exchange?["startDateTime"] as? String == "2026-11-23T15:10:00Z", "\(json.stdout)")
    }

    @Test func activatingAScheduledTargetAgainNamesTheRequestAndSendsNothing() async {
        let service = Self.withScheduledActivation()
        let result = await run(["activate", "Exchange Administrator", "-j", "again"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("already Granted (request req-later): nothing sent"), "\(result.stdout)")
        #expect(service.read { $0.sent }.isEmpty)
    }
}
