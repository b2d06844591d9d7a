import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Testing

/// What the activation form and `--scope` put on the wire, over the simulated tenant: the typed start
/// as `scheduleInfo.startDateTime`, a role held at an administrative unit named by the unit, and its
/// activation sent with the unit's `directoryScopeId`.
@Suite struct ScopedAndScheduledRequestTests {
    static let parisOffice = "/administrativeUnits/5f0d9b2a-7c41-4e8a-9b13-2a6c8e4d1f01"

    func roleRequests(_ harness: TenantHarness) -> [RecordedRequest] {
        harness.tenant.recordedRequests().filter {
            $0.method == "POST" && $0.path.hasSuffix("/roleManagement/directory/roleAssignmentScheduleRequests")
        }
    }

    @Test func aStartTypedInTheFormIsSentAsTheSchedulesStart() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entry = try await TenantHarness.activatable(ada, where: TenantHarness.simple)
        let now = harness.clock.now()
        // The form's draft as typed, read the way the form reads it when it sends.
        let typed = ActivationDraft(
            justification: "INC-4821: investigate sign-in anomalies", ticketNumber: "INC-4821",
            ticketSystem: "ServiceNow", durationText: "1h", startText: "+2h")
        let draft = try typed.resolvingStart(now: now, timeZone: .gmt).get()
        let request = try draft.request(for: entry.target, policy: entry.policy, now: now).get()
        _ = try await ada.activate(request)
        let body = try #require(roleRequests(harness).last?.body)
        #expect(
            body["scheduleInfo"]?["startDateTime"]?.stringValue
                == ISO8601DateFormatter().string(from: now.addingTimeInterval(7_200)))
        #expect(body["scheduleInfo"]?["expiration"]?["duration"]?.stringValue == "PT1H")
    }

    @Test func aRoleAtAnAdministrativeUnitIsNamedByItAndActivatedAtIt() async throws {
        let harness = try TenantHarness()
        let ada = harness.service(as: "ada")
        let entries = try await TenantHarness.entries(ada)
        let paris = try #require(
            entries.first {
                $0.target.displayName == "Password Administrator" && $0.target.id.scope == Self.parisOffice
            })
        #expect(paris.target.scopeLabel == "Paris Office")
        #expect(
            Set(entries.filter { $0.target.displayName == "License Administrator" }.map(\.target.scopeLabel))
                == ["Directory", "Berlin Office"])
        _ = try await ada.activate(TenantHarness.request(for: paris))
        let body = try #require(roleRequests(harness).last?.body)
        #expect(body["directoryScopeId"]?.stringValue == Self.parisOffice)
        let after = try await TenantHarness.entries(ada).first { $0.id == paris.id }
        #expect(after?.state == .active)
        #expect(after?.target.scopeLabel == "Paris Office")
    }
}
