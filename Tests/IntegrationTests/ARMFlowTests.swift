import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Testing

/// Azure resource roles end to end: the live service with its ARM side over the simulated tenant,
/// through the flows of product.md's "Second generation", as the personas would use them.
@Suite struct ARMFlowTests {
    static let justification = "INC-1: fix the payment workers"
    static let ticket = TicketInfo(number: "INC-1", system: "ServiceNow")

    static func request(_ entry: RoleEntry, hours: Int = 1, ticket: TicketInfo? = ticket) -> ActivationRequest {
        ActivationRequest(target: entry.target, justification: justification, ticket: ticket, duration: .hours(hours))
    }

    @Test func adaSeesAzureEligibilitiesAtEveryScopeTypeWithTheirPolicies() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada")
        let dashboard = try await ada.loadDashboard(.everything)
        #expect(dashboard.failures.isEmpty, "\(dashboard.failures)")
        #expect(dashboard.azureUnavailable == nil)
        let azure = dashboard.eligibilities.filter { $0.target.kind == .azureRole }
        #expect(azure.count >= 12)
        let scopeTypes = Set(azure.map { AzureScope($0.target.id.scope ?? "/").kind })
        #expect(scopeTypes == [.managementGroup, .subscription, .resourceGroup, .resource])
        let members = Set(azure.map(\.memberType))
        #expect(members.isSuperset(of: [.direct, .inherited, .group]))
        for eligibility in azure {
            #expect(dashboard.policies[eligibility.target.id] != nil, "no policy for \(eligibility.target)")
        }
        let contributor = try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments")
        #expect(contributor.policy?.requiresTicket == true)
        #expect(contributor.policy?.maxDuration == .hours(8))
        let owner = try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments")
        #expect(owner.policy?.requiresApproval == true)
    }

    @Test func theDashboardsAzureHalfArrivesInTheSameLoadAsGraphs() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada")
        let dashboard = try await ada.loadDashboard(.everything)
        let kinds = Set(dashboard.eligibilities.map(\.target.kind))
        #expect(kinds.contains(.directoryRole) && kinds.contains(.azureRole))
        #expect(dashboard.active.contains { $0.target.kind == .azureRole })
        #expect(dashboard.myRequests.contains { $0.target.kind == .azureRole })
        // The Graph reads and the ARM reads each go out as one batch.
        let batches = harness.tenant.recordedRequests().filter {
            $0.batchItemId == nil && ($0.path == "/batch" || $0.path.hasSuffix("/$batch"))
        }
        #expect(batches.contains { $0.path == "/batch" })
        #expect(batches.contains { $0.path.hasSuffix("/$batch") })
    }

    @Test func contributorOnProdPaymentsIsActiveForTheDurationAskedAndOnlyOnce() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada")
        let entry = try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments")
        #expect(entry.state == .eligible)
        let started = harness.clock.now()
        let result = try await ada.activate(Self.request(entry, hours: 2))
        #expect([.provisioned, .granted].contains(result.request.status))
        #expect(result.request.justification == Self.justification)
        let after = try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments")
        #expect(after.state == .active)
        let end = try #require(after.end)
        #expect(abs(end.timeIntervalSince(started) - 2 * 3600) < 60)

        let writes = harness.armWrites().count
        let again = await #expect(throws: PIMError.self) { try await ada.activate(Self.request(entry, hours: 2)) }
        #expect(again?.kind == .alreadyExists)
        #expect(again?.step == .seeActiveOrDeactivate)
        #expect(harness.armWrites().count == writes, "a second activation must send nothing")
    }

    @Test func deactivationWaitsFiveMinutesThenEndsTheRole() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada")
        let entry = try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments")
        _ = try await ada.activate(Self.request(entry))
        let active = try #require(try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments").active)
        let writes = harness.armWrites().count
        let early = await #expect(throws: PIMError.self) { try await ada.deactivate(active, justification: nil) }
        #expect(early?.kind == .refused)
        #expect(early?.event.contains("5 minutes") == true)
        guard case .tryAgainLater(.afterSeconds(let wait)) = early?.step else {
            Issue.record("expected a wait, got \(String(describing: early?.step))")
            return
        }
        #expect(wait > 0 && wait <= 300)
        #expect(harness.armWrites().count == writes)

        harness.clock.advance(6 * 60)
        let ended = try await ada.deactivate(active, justification: "done")
        #expect(ended.action == .selfDeactivate)
        #expect(try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments").state == .eligible)
    }

    @Test func ownerNeedsBenApprovalAndThenBecomesActive() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada"), ben = harness.azureService(as: "ben")
        let entry = try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments")
        let pending = try await ada.activate(Self.request(entry)).request
        #expect(pending.status == .pendingApproval)
        #expect(try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments").state == .pending)

        let queue = try await ben.pendingApprovals()
        let item = try #require(queue.first { $0.request.id == pending.id })
        #expect(item.request.target.kind == .azureRole)
        #expect(item.request.justification == Self.justification)
        // The seeded Azure requests of other personas wait for Ben too.
        #expect(queue.filter { $0.request.target.kind == .azureRole }.count >= 3)
        try await ben.decide(item, .approve, justification: "Confirmed with the on-call lead")
        #expect(try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments").state == .active)

        let again = await #expect(throws: PIMError.self) { try await ben.decide(item, .deny, justification: "late") }
        #expect(again?.kind == .alreadyDecided)
    }

    @Test func aPendingAzureRequestCanBeCancelled() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada")
        let entry = try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments")
        let pending = try await ada.activate(Self.request(entry)).request
        try await ada.cancel(pending)
        #expect(try await ada.myRequests().first { $0.id == pending.id }?.status == .canceled)
        #expect(try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments").state == .eligible)
        let ben = harness.azureService(as: "ben")
        #expect(try await ben.pendingApprovals().contains { $0.request.id == pending.id } == false)
    }

    @Test func helpdeskSeesAzureActivationsOfSeveralPersonas() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada")
        _ = try await ada.activate(
            Self.request(try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments")))
        let elevations = try await harness.azureService(as: "hana").tenantElevations()
        let azure = elevations.filter { $0.target.kind == .azureRole }
        #expect(Set(azure.map(\.principal.id)).count >= 3)
        #expect(azure.contains { $0.target.displayName == "Contributor" && $0.target.scopeName == "Prod-Payments" })
        #expect(elevations.contains { $0.target.kind != .azureRole })
        let ends = elevations.compactMap(\.end)
        #expect(ends == ends.sorted())
    }

    // MARK: refusals: one clear error, nothing created

    @Test func aMissingTicketIsRefusedAndCreatesNothing() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada")
        let entry = try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments")
        let error = await #expect(throws: PIMError.self) { try await ada.activate(Self.request(entry, ticket: nil)) }
        #expect(error?.kind == .refused)
        #expect(error?.failedRules.contains(.ticketing) == true)
        #expect(error?.step == .satisfyRules([.ticketing]))
        #expect(try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments").state == .eligible)
        #expect(harness.armWrites().allSatisfy { $0.status >= 400 })
    }

    @Test func aDurationOverThePolicyIsRefusedAndCreatesNothing() async throws {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada")
        let entry = try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments")
        let error = await #expect(throws: PIMError.self) { try await ada.activate(Self.request(entry, hours: 9)) }
        #expect(error?.kind == .refused)
        #expect(error?.failedRules.contains(.expiration) == true)
        #expect(error?.step == .satisfyRules([.expiration]))
        #expect(try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments").state == .eligible)
        #expect(harness.armWrites().allSatisfy { $0.status >= 400 })
    }

    @Test func anMFARoleSignsInOnceMoreAndSaysSo() async throws {
        let harness = try TenantHarness()
        let tokens = CountingSignIn(harness.tenant.signIn(as: "ada", for: .azureResourceManager))
        let ada = harness.azureService(as: "ada", armTokens: tokens)
        let entry = try await TenantHarness.azureEntry(ada, "User Access Administrator", at: "Shared-Platform")
        #expect(entry.policy?.requiresMfa == true)
        let result = try await ada.activate(Self.request(entry))
        #expect(tokens.stepUpCount == 1)
        #expect(!result.notices.isEmpty)
        #expect(
            try await TenantHarness.azureEntry(ada, "User Access Administrator", at: "Shared-Platform").state
                == .active)
    }

    @Test func anAuthenticationContextRoleSignsInOnceMoreAndSaysSo() async throws {
        let harness = try TenantHarness()
        let tokens = CountingSignIn(harness.tenant.signIn(as: "ada", for: .azureResourceManager))
        let ada = harness.azureService(as: "ada", armTokens: tokens)
        let entry = try await TenantHarness.azureEntry(
            ada, "Storage Blob Data Contributor", at: "Prod-Payments / payments-data-rg")
        #expect(entry.policy?.authenticationContext == "c1")
        let result = try await ada.activate(Self.request(entry))
        #expect(tokens.stepUpCount == 1)
        #expect(result.notices.contains { $0.contains("c1") })
        #expect([.provisioned, .granted].contains(result.request.status))
    }

    @Test func aStepUpTheUserCancelsIsOneClearErrorAndCreatesNothing() async throws {
        let harness = try TenantHarness()
        let tokens = CountingSignIn(harness.tenant.signIn(as: "ada", for: .azureResourceManager), refuseStepUp: true)
        let ada = harness.azureService(as: "ada", armTokens: tokens)
        let entry = try await TenantHarness.azureEntry(ada, "User Access Administrator", at: "Shared-Platform")
        let error = await #expect(throws: PIMError.self) { try await ada.activate(Self.request(entry)) }
        #expect(error?.kind == .signInRequired)
        #expect(error?.step == .signIn(.stepUp))
        #expect(tokens.stepUpCount == 1)
        #expect(
            try await TenantHarness.azureEntry(ada, "User Access Administrator", at: "Shared-Platform").state
                == .eligible)
        #expect(harness.armWrites().allSatisfy { $0.status >= 400 })
    }
}
