import Foundation
import Testing
@testable import PIMDomain

/// Targets, policies, eligibilities and audit events keep their fields behind one shared pointer;
/// they must still behave as values: a changed copy leaves the original alone, equal fields are
/// equal whatever allocation holds them, and the JSON pim writes keeps its keys.
@Suite struct SharedValueTests {
    static let target = ElevationTarget(
        id: .role("r-1", scope: "/administrativeUnits/au-1"), displayName: "User Administrator",
        description: "Manages users", templateId: "fe930be7")

    @Test func aChangedCopyLeavesTheOriginalAlone() {
        var copy = Self.target
        copy.displayName = "Renamed"
        copy.id = .role("r-2")
        #expect(
            Self.target.displayName == "User Administrator"
                && Self.target.id == .role("r-1", scope: "/administrativeUnits/au-1"))
        #expect(copy.displayName == "Renamed" && copy.id == .role("r-2") && copy.templateId == "fe930be7")

        var policy = ActivationPolicy(maxDuration: .hours(4), requiresTicket: true)
        let before = policy
        policy.requiresApproval = true
        #expect(
            !before.requiresApproval && policy.requiresApproval && policy.requiresTicket
                && policy.maxDuration == .hours(4))

        var eligibility = Eligibility(id: "e-1", target: Self.target, principalId: "p-1")
        let original = eligibility
        eligibility.end = Date(timeIntervalSince1970: 100)
        #expect(
            original.end == nil && eligibility.end == Date(timeIntervalSince1970: 100)
                && eligibility.target == Self.target)

        var event = AuditEvent(
            id: "a-1", date: Date(timeIntervalSince1970: 0), activity: "Add member to role", result: "success")
        let unchanged = event
        event.result = "failure"
        #expect(unchanged.result == "success" && event.result == "failure" && event.activity == "Add member to role")
    }

    @Test func equalFieldsAreEqualValuesWithEqualHashes() {
        let twin = ElevationTarget(
            id: .role("r-1", scope: "/administrativeUnits/au-1"), displayName: "User Administrator",
            description: "Manages users", templateId: "fe930be7")
        #expect(twin == Self.target && twin.hashValue == Self.target.hashValue)
        #expect(Set([twin, Self.target]).count == 1)
        var other = twin
        other.scopeName = "Lisbon"
        #expect(other != Self.target)
        #expect(ActivationPolicy() == ActivationPolicy() && ActivationPolicy() != ActivationPolicy(requiresMfa: true))
    }

    @Test func jsonKeepsItsKeysAndLeavesOutWhatIsAbsent() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let target = ElevationTarget(id: .group("g-1"), displayName: "Helpdesk")
        let json = String(decoding: try encoder.encode(target), as: UTF8.self)
        #expect(json == #"{"displayName":"Helpdesk","id":{"kind":"groupMember","resourceId":"g-1"}}"#)
        #expect(try JSONDecoder().decode(ElevationTarget.self, from: Data(json.utf8)) == target)

        let policy = ActivationPolicy(maxDuration: nil, requiresJustification: false)
        let policyJSON = String(decoding: try encoder.encode(policy), as: UTF8.self)
        #expect(
            policyJSON
                == #"""
                {"approvers":[],"requiresApproval":false,"requiresJustification":false,"requiresMfa":false,\#
                "requiresTicket":false}
                """#
        )
        #expect(try JSONDecoder().decode(ActivationPolicy.self, from: Data(policyJSON.utf8)) == policy)
    }

    @Test func aRowsAssignmentAndRequestComeAndGo() {
        var entry = RoleEntry(
            target: Self.target, eligibility: Eligibility(id: "e-1", target: Self.target, principalId: "p-1"))
        #expect(entry.state == .eligible && entry.canActivate)
        let request = ElevationRequest(
            id: "q-1", target: Self.target, action: .selfActivate, status: .pendingApproval,
            principal: Principal(id: "p-1"))
        entry.pendingRequest = request
        #expect(entry.state == .pending && entry.pendingRequest == request && !entry.canActivate)
        entry.active = ActiveAssignment(id: "i-1", target: Self.target, principal: Principal(id: "p-1"))
        #expect(entry.state == .active && entry.canDeactivate)
        entry.active = nil
        #expect(entry.state == .pending)
    }
}
