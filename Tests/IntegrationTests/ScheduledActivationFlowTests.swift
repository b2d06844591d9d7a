import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Testing

/// An activation with a start of its own, over the simulated tenant: scheduled first, active at its start.
@Suite struct ScheduledActivationFlowTests {
    @Test func aFutureStartIsScheduledThenActiveOnceTheClockReachesIt() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada, where: TenantHarness.simple)
        var request = TenantHarness.request(for: entry)
        let start = harness.clock.now().addingTimeInterval(3 * 3_600)
        request.start = start
        let result = try await ada.activate(request)
        #expect(result.request.status == .granted)

        let before = try #require(try await TenantHarness.entries(ada).first { $0.id == entry.id })
        #expect(before.state == .scheduled)
        #expect(abs(try #require(before.scheduledStart).timeIntervalSince(start)) < 1)
        #expect(!before.canActivate)

        harness.clock.advance(3 * 3_600 + 60)
        let after = try await TenantHarness.entries(ada).first { $0.id == entry.id }
        #expect(after?.state == .active)
        #expect(after?.scheduledStart == nil)
    }
}
