import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Testing

/// The Graph client against the simulated tenant, through the flows of product.md.
@Suite struct ActivationFlowTests {
    @Test func dashboardLoadsInOneRoundTripOncePoliciesAreCached() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let first = try await ada.loadDashboard(.everything)
        #expect(!first.me.id.isEmpty)
        #expect(first.eligibilities.count >= 5)
        #expect(first.failures.isEmpty, "\(first.failures)")
        _ = try await ada.followingAccessReviews()
        let before = ada.exchangeCount
        _ = try await ada.loadDashboard(.rolesOnly)
        #expect(ada.exchangeCount - before == 1)
    }

    @Test func activationWithoutApprovalIsActiveWithItsCountdown() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada, where: TenantHarness.simple)
        let request = TenantHarness.request(for: entry)
        let result = try await ada.activate(request)
        #expect([.provisioned, .granted].contains(result.request.status))
        let after = try await TenantHarness.entries(ada).first { $0.id == entry.id }
        #expect(after?.state == .active)
        let left = try #require(after?.end).timeIntervalSince(harness.clock.now())
        #expect(abs(left - request.duration.timeInterval) < 120)
    }

    @Test func activationNeedingApprovalWaitsForTheApprover() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada"), ben = harness.service(as: "ben")
        let entry = try await TenantHarness.activatable(ada) { $0.requiresApproval && !$0.requiresStepUp }
        let pending = try await ada.activate(TenantHarness.request(for: entry)).request
        #expect(pending.status == .pendingApproval)
        #expect(try await TenantHarness.entries(ada).first { $0.id == entry.id }?.state == .pending)

        let queue = try await ben.pendingApprovals()
        let item = try #require(queue.first { $0.request.id == pending.id })
        #expect(item.request.justification == "INC-4821: investigate sign-in anomalies")
        try await ben.decide(item, .approve, justification: "Confirmed with the on-call lead")
        #expect(try await TenantHarness.entries(ada).first { $0.id == entry.id }?.state == .active)

        // Deciding again is reported as already decided, not as a raw error.
        let again = await #expect(throws: PIMError.self) { try await ben.decide(item, .deny, justification: "late") }
        #expect(again?.kind == .alreadyDecided)
    }

    @Test func deniedRequestLeavesTheTargetEligible() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada"), ben = harness.service(as: "ben")
        let entry = try await TenantHarness.activatable(ada) { $0.requiresApproval && !$0.requiresStepUp }
        let pending = try await ada.activate(TenantHarness.request(for: entry)).request
        let item = try #require(try await ben.pendingApprovals().first { $0.request.id == pending.id })
        try await ben.decide(item, .deny, justification: "Not during the freeze")
        let mine = try await ada.myRequests().first { $0.id == pending.id }
        #expect(mine?.status == .denied)
        #expect(try await TenantHarness.entries(ada).first { $0.id == entry.id }?.state == .eligible)
    }

    @Test func cancelWithdrawsAPendingRequest() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada) { $0.requiresApproval && !$0.requiresStepUp }
        let pending = try await ada.activate(TenantHarness.request(for: entry)).request
        try await ada.cancel(pending)
        #expect(try await ada.myRequests().first { $0.id == pending.id }?.status == .canceled)
        #expect(try await TenantHarness.entries(ada).first { $0.id == entry.id }?.state == .eligible)
    }

    @Test func stepUpSignInIsDoneOnceAndSaid() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada) { $0.requiresStepUp && !$0.requiresApproval }
        let result = try await ada.activate(TenantHarness.request(for: entry))
        #expect(!result.notices.isEmpty)
        #expect([.provisioned, .granted].contains(result.request.status))
    }

    @Test func deactivationWaitsFiveMinutesAfterActivation() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada, where: TenantHarness.simple)
        _ = try await ada.activate(TenantHarness.request(for: entry))
        let active = try #require(try await TenantHarness.entries(ada).first { $0.id == entry.id }?.active)
        let early = await #expect(throws: PIMError.self) { try await ada.deactivate(active, justification: nil) }
        #expect(early?.graphCode == "ActiveDurationTooShort")
        #expect(early?.event.contains("5 minutes") == true)

        harness.clock.advance(6 * 60)
        let deactivation = try await ada.deactivate(active, justification: "done")
        #expect(try await TenantHarness.entries(ada).first { $0.id == entry.id }?.state == .eligible)
        // My history shows the completed deactivation as a success, not a failure.
        let event = try await ada.auditHistory(AuditQuery()).first { $0.requestId == deactivation.id }
        #expect(event?.result == "success")
    }

    @Test func elevationsExpireAsTheClockMoves() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada, where: TenantHarness.simple)
        _ = try await ada.activate(TenantHarness.request(for: entry, duration: .minutes(30)))
        #expect(try await TenantHarness.entries(ada).first { $0.id == entry.id }?.state == .active)
        harness.clock.advance(31 * 60)
        #expect(try await TenantHarness.entries(ada).first { $0.id == entry.id }?.state == .eligible)
    }

    @Test func helpdeskSeesActiveElevationsSoonestFirst() async throws {
        let harness = try TenantHarness()
        let hana = harness.service(as: "hana")
        let elevations = try await hana.tenantElevations()
        #expect(elevations.count >= 3)
        let ends = elevations.compactMap(\.end)
        #expect(ends == ends.sorted())
        #expect(Set(elevations.map(\.target.kind)).count >= 2)
    }

    @Test func historyRecordsMyRequests() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada, where: TenantHarness.simple)
        let result = try await ada.activate(TenantHarness.request(for: entry))
        let history = try await ada.auditHistory(AuditQuery())
        #expect(history.contains { $0.requestId == result.request.id || $0.id == result.request.id })
    }

    @Test func theTenantAuditLogNeedsAuditRightsAndSaysHowToGetThem() async throws {
        let harness = try TenantHarness()
        let error = await #expect(throws: PIMError.self) {
            try await harness.service(as: "carl").auditHistory(AuditQuery(tenantWide: true))
        }
        #expect(error?.kind == .forbidden)
        #expect(error?.step == .signIn(.auditScopes))
        let hana = try await harness.service(as: "hana").auditHistory(AuditQuery(tenantWide: true))
        #expect(hana.count > 10)
    }
}
