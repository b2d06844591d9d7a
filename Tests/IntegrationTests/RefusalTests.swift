import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Testing

/// Every policy rule refused by the tenant comes back as the contract's error, mapped to a sentence.
@Suite struct RefusalTests {
    @Test func missingJustification() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada) { $0.requiresJustification && !$0.requiresStepUp }
        var request = TenantHarness.request(for: entry)
        request.justification = nil
        let error = await #expect(throws: PIMError.self) { try await ada.activate(request) }
        #expect(error?.kind == .refused)
        #expect(error?.graphCode == "RoleAssignmentRequestPolicyValidationFailed")
        #expect(error?.failedRules.contains(.justification) == true)
    }

    @Test func missingTicket() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada) { $0.requiresTicket && !$0.requiresStepUp }
        var request = TenantHarness.request(for: entry)
        request.ticket = nil
        let error = await #expect(throws: PIMError.self) { try await ada.activate(request) }
        #expect(error?.kind == .refused)
        #expect(error?.failedRules.contains(.ticketing) == true)
    }

    @Test func durationOverTheMaximum() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada) { $0.maxDuration != nil && !$0.requiresStepUp }
        var request = TenantHarness.request(for: entry)
        request.duration = ActivationDuration(seconds: entry.policy!.maxDuration!.seconds + 3600)
        let error = await #expect(throws: PIMError.self) { try await ada.activate(request) }
        #expect(error?.failedRules.contains(.expiration) == true)
    }

    @Test func notEligible() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let directoryWriters = ElevationTarget(
            id: .role("9360feb5-f418-4baa-8175-e2a00bac4301"), displayName: "Directory Writers")
        let request = ActivationRequest(
            target: directoryWriters, justification: "test", ticket: TicketInfo(number: "1", system: "x"),
            duration: .hours(1))
        let error = await #expect(throws: PIMError.self) { try await ada.activate(request) }
        #expect(error?.kind == .refused)
        #expect(error?.failedRules.contains(.eligibility) == true)
    }

    @Test func activatingTwiceIsAlreadyActive() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada, where: TenantHarness.simple)
        _ = try await ada.activate(TenantHarness.request(for: entry))
        let error = await #expect(throws: PIMError.self) { try await ada.activate(TenantHarness.request(for: entry)) }
        #expect(error?.kind == .alreadyExists)
    }

    @Test func preflightListsEveryFailingRuleWithoutCreatingAnything() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada) {
            $0.requiresTicket && $0.requiresJustification && !$0.requiresStepUp
        }
        var request = TenantHarness.request(for: entry)
        request.ticket = nil
        request.justification = nil
        let report = try await ada.preflight(request)
        #expect(!report.passed)
        #expect(Set(report.failedRules).isSuperset(of: [.justification, .ticketing]))
        #expect(try await TenantHarness.entries(ada).first { $0.id == entry.id }?.state == .eligible)
        #expect(try await ada.preflight(TenantHarness.request(for: entry)).passed)
    }

    @Test func tooShortIsRefusedByTheService() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada, where: TenantHarness.simple)
        var request = TenantHarness.request(for: entry)
        request.duration = .minutes(4)
        await #expect(throws: PIMError.self) { try await ada.activate(request) }
    }
}
