import Foundation
import PIMDomain
import PIMGraph
import Testing

/// Over the simulated tenant: a denial carries who denied and why back to the requester, and the
/// approver finds it among their own decisions.
@Suite struct ClosedLoopTests {
    @Test func aDenialNamesTheApproverAndTheReasonOnBothSides() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada"), ben = harness.service(as: "ben")
        let entry = try await TenantHarness.activatable(ada) { $0.requiresApproval && !$0.requiresStepUp }
        let pending = try await ada.activate(TenantHarness.request(for: entry)).request
        let mine = try await TenantHarness.deniedNotDuringTheFreeze(pending, requester: ada, approver: ben)

        let decided = try await ben.myDecisions()
        let denial = try #require(decided.first { $0.id == pending.id })
        #expect(denial.principal.id == mine.principal.id)
        #expect(denial.review?.justification == "Not during the freeze")
        #expect(try await ada.myDecisions().contains { $0.id == pending.id } == false)
    }
}
