import Foundation
import Testing
@testable import PIMDomain

@Suite struct RoleEntryTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let me = Principal(id: "me", displayName: "Ada Admin")
    let reader = ElevationTarget(id: .role("f2ef992c-3afb-46b9-b7cf-a126ee74c451"), displayName: "Global Reader")
    let secReader = ElevationTarget(id: .role("5d6b6bb7-de71-4623-b4af-96380a352509"), displayName: "Security Reader")
    let ops = ElevationTarget(id: .group("g1"), displayName: "itops-sysadmin-prod-noapproval")

    @Test func mergesEligibilityAndActivationOfTheSameTarget() {
        let entries = RoleEntry.entries(
            eligibilities: [
                Eligibility(id: "e1", target: reader, principalId: "me"),
                Eligibility(id: "e2", target: secReader, principalId: "me"),
                Eligibility(id: "e3", target: ops, principalId: "me"),
            ],
            active: [
                ActiveAssignment(id: "a1", target: reader, principal: me, start: now, end: now.addingTimeInterval(3600))
            ],
            requests: [
                ElevationRequest(
                    id: "r1", target: secReader, action: .selfActivate, status: .pendingApproval, principal: me)
            ],
            policies: [reader.id: ActivationPolicy(maxDuration: .hours(4))])
        #expect(entries.count == 3)
        #expect(
            entries.map(\.target.displayName) == ["Global Reader", "itops-sysadmin-prod-noapproval", "Security Reader"])
        #expect(entries.map(\.state) == [.active, .eligible, .pending])
        #expect(entries[0].canDeactivate && !entries[0].canActivate)
        #expect(entries[0].policy?.maxDuration == .hours(4))
        #expect(entries[1].canActivate)
        #expect(!entries[2].canActivate)
        #expect(entries[2].pendingRequest?.id == "r1")
    }

    @Test func permanentAssignmentsShowButCannotBeDeactivated() {
        let entries = RoleEntry.entries(
            eligibilities: [],
            active: [
                ActiveAssignment(id: "a", target: reader, principal: me, assignmentType: .assigned)
            ], requests: [], policies: [:])
        #expect(entries.count == 1)
        #expect(entries[0].state == .active)
        #expect(!entries[0].canDeactivate)
        #expect(entries[0].end == nil)
    }

    @Test func finishedRequestsDoNotMarkRowsPending() {
        let entries = RoleEntry.entries(
            eligibilities: [Eligibility(id: "e", target: reader, principalId: "me")], active: [],
            requests: [
                ElevationRequest(id: "r", target: reader, action: .selfActivate, status: .denied, principal: me)
            ],
            policies: [:])
        #expect(entries[0].state == .eligible)
    }
}
