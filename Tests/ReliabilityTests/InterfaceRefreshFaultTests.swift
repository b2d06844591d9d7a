import Foundation
import PIMApp
import PIMDomain
import PIMSimulator
import Testing

/// The fault matrix through the full-screen interface, refreshes: the simulated tenant's own fault
/// injection (`PIM_SIM_FAULTS` kinds) switched on and off while the interface runs. Each test asserts
/// what the status line says, how many refreshes reached the tenant (reads are retried only where
/// Graph asks for it), that the rows of the last good refresh stay, and that `r` after the fault
/// brings every row back with no message left over.
@Suite(.serialized)
struct InterfaceRefreshFaultTests {
    typealias H = InterfaceHarness

    // MARK: Refresh

    /// Faults on every read: the refresh gives up (after retrying what is safe to retry), the status
    /// line says what to do, and `r` once the fault is gone brings the rows back and clears the message.
    @Test(arguments: [
        (FaultPlan.Fault.throttled, 4, "wait a minute and try again"),
        (.serverError, 1, "try again in a few minutes"),
        (.unavailable, 4, "try again in a few minutes"),
        (.gatewayTimeout, 4, "try again in a few minutes"),
        (.timeout, 4, "check your network connection and try again"),
        (.malformed, 1, "try again"),
        (.expiredToken, 2, "run `pim login` and try again"),
    ])
    func aRefreshThatKeepsFailingSaysWhatToDoAndTheNextOneRecovers(
        fault: FaultPlan.Fault, batches: Int, advice: String
    ) async throws {
        let h = try H()
        await h.start()
        let before = h.batches
        h.tenant.inject(fault, into: .reads)
        await h.press("r")
        // A refresh's reads are two chunks of Graph's 20 (with the access review reads), sent together.
        #expect(h.batches - before == batches * H.chunksPerRefresh, "retried only where safe")
        await h.expectStatus(advice)
        #expect(await h.state.roles.count == 25, "the rows of the last good refresh stay")
        await h.refreshAfterTheFault()
        await h.expectRecovered()
        await h.stop()
    }

    /// The automatic refresh meets an outage: it says so and waits a full interval before asking
    /// again, instead of asking on every tick while the service is down (or throttling).
    @Test(arguments: [FaultPlan.Fault.unavailable, .throttled])
    func aFailingAutomaticRefreshWaitsAFullIntervalBeforeTheNext(fault: FaultPlan.Fault) async throws {
        let h = try H()
        await h.start()
        h.tenant.inject(fault, into: .reads)
        await h.tick(60)
        let afterFirst = h.batches
        #expect(await h.statusMessage()?.contains("try again") == true)
        for _ in 0..<10 { await h.tick(1) }
        #expect(h.batches == afterFirst, "no new refresh within the interval after a failed one")
        await h.tick(50)
        #expect(h.batches > afterFirst, "the next automatic refresh comes a full interval after the failed one")
        h.tenant.faultsOff()
        await h.tick(60)
        await h.expectRecovered()
        await h.stop()
    }

    /// The first load fails: the table says nothing is loaded and how to load it, the status line why.
    @Test func aFirstLoadThatFailsSaysPressR() async throws {
        let h = try H()
        h.tenant.inject(.unavailable)
        await h.start()
        let text = await h.screenText()
        #expect(text.contains("Nothing loaded yet: press r to refresh."))
        await h.expectStatus("try again in a few minutes")
        await h.refreshAfterTheFault()
        await h.expectRecovered()
        await h.stop()
    }

    /// Transient faults that clear within the retries: the user sees a normal refresh, nothing else.
    @Test(arguments: [FaultPlan.Fault.throttled, .unavailable, .gatewayTimeout, .timeout, .expiredToken])
    func aTransientFaultOnRefreshIsRetriedUnnoticed(fault: FaultPlan.Fault) async throws {
        let h = try H()
        await h.start()
        h.tenant.inject(fault, into: .reads, times: 1)
        await h.press("r")
        #expect(h.tenant.sent.filter { $0.fault != nil }.count == 1)
        await h.expectRecovered()
        if fault == .throttled {
            #expect(h.clock.sleeps.count == 1 && (1...3).contains(h.clock.sleeps[0]), "waited Retry-After")
        }
        await h.stop()
    }

    /// A listing whose second page fails: the status line says so; the listing is not shown half;
    /// the next refresh has every row.
    @Test func aNextPageThatFailsIsReportedAndTheNextRefreshIsWhole() async throws {
        let h = try H(pageSize: 5)
        await h.start()
        await h.expectRecovered()
        let eligible = await h.state.roles.filter { $0.state == .eligible }.count
        h.tenant.inject(.serverError, into: .nextPages)
        await h.press("r")
        let state = await h.state
        let shown = state.roles.filter { $0.state == .eligible }.count
        #expect(shown < eligible, "the listings whose page failed are reported, not shown as if complete")
        #expect(h.tenant.sent.contains { $0.fault != nil }, "a next page was asked for and failed")
        await h.expectStatus("try again in a few minutes")
        #expect(!state.sectionFailures.isEmpty)
        await h.refreshAfterTheFault()
        await h.expectRecovered()
        await h.stop()
    }
}
