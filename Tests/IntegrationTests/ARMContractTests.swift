import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Testing

/// What the client sent to Azure Resource Manager during the Azure flows, checked against
/// arm-pim-contract.md: method, path (scope verbatim), api-version per resource, and the bodies.
/// The expected values are written out here, not taken from the tenant's own route table.
@Suite struct ARMContractTests {
    static let pim = "/providers/Microsoft.Authorization"
    /// A lowercase GUID, as the client names every request it creates.
    static func isGuid(_ text: some StringProtocol) -> Bool {
        String(text).wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/) != nil
    }

    /// The api-version the contract (§0, §1.2) names for the resource a path addresses.
    static func contractVersion(_ path: String) -> String {
        let lower = path.lowercased()
        if lower == "/batch" { return "2020-06-01" }
        if lower == "/subscriptions" { return "2022-12-01" }
        if lower == "/providers/microsoft.management/managementgroups" { return "2021-04-01" }
        if lower.contains("/roleassignmentapprovals") { return "2021-01-01-preview" }
        if lower.contains("/roledefinitions/") { return "2022-04-01" }
        return "2020-10-01"
    }

    /// The flows of the suite: activate, deactivate, ask for Owner and cancel, ask again and get it
    /// approved, and a denial of another persona's request; the tenant's record of all of it.
    static func runFlows() async throws -> (TenantHarness, [String: RoleEntry]) {
        let harness = try TenantHarness()
        let ada = harness.azureService(as: "ada"), ben = harness.azureService(as: "ben")
        _ = try await ada.loadDashboard(.everything)
        let contributor = try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments")
        let owner = try await TenantHarness.azureEntry(ada, "Owner", at: "Prod-Payments")
        _ = try await ada.activate(ARMFlowTests.request(contributor, hours: 4))
        harness.clock.advance(6 * 60)
        let active = try #require(try await TenantHarness.azureEntry(ada, "Contributor", at: "Prod-Payments").active)
        _ = try await ada.deactivate(active, justification: "Done with the workers")
        let first = try await ada.activate(ARMFlowTests.request(owner)).request
        try await ada.cancel(first)
        let second = try await ada.activate(ARMFlowTests.request(owner)).request
        let queue = try await ben.pendingApprovals()
        let mine = try #require(queue.first { $0.request.id == second.id })
        try await ben.decide(mine, .approve, justification: "Confirmed with the on-call lead")
        let other = try #require(queue.first { $0.request.id != second.id && $0.request.target.kind == .azureRole })
        try await ben.decide(other, .deny, justification: "Not during the freeze")
        _ = try await harness.azureService(as: "hana").tenantElevations()
        return (harness, ["contributor": contributor, "owner": owner])
    }

    static func properties(_ request: RecordedRequest) -> SimJSON? { request.body?["properties"] }

    @Test func everyARMRequestHasTheContractsApiVersionAndSucceeded() async throws {
        let (harness, _) = try await Self.runFlows()
        let arm = harness.armRequests()
        #expect(arm.count > 10)
        for request in arm {
            #expect(
                request.query["api-version"] == Self.contractVersion(request.path),
                "\(request.method) \(request.path) \(request.query)")
            // A subscription whose role data the caller may not read answers 403 to the helpdesk read (Z13):
            // the only refusal these flows meet, and one the client skips (contract §8).
            let helpdeskRead =
                request.path.hasPrefix("/subscriptions/")
                && request.path.hasSuffix("/roleAssignmentScheduleInstances")
            #expect(
                request.status < 400 || (helpdeskRead && request.status == 403),
                "\(request.method) \(request.path) \(request.query) answered \(request.status)")
        }
        // Reads of my roles go to the tenant root with asTarget(), approvals with asApprover().
        #expect(
            arm.contains {
                $0.path == "\(Self.pim)/roleEligibilityScheduleInstances" && $0.query["$filter"] == "asTarget()"
            })
        #expect(
            arm.contains {
                $0.path == "\(Self.pim)/roleAssignmentScheduleInstances" && $0.query["$filter"] == "asTarget()"
            })
        #expect(
            arm.contains { $0.path == "\(Self.pim)/roleAssignmentApprovals" && $0.query["$filter"] == "asApprover()" })
    }

    @Test func activationIsAPutAtTheEligibilitysScopeWithTheDocumentedBody() async throws {
        let (harness, entries) = try await Self.runFlows()
        let contributor = try #require(entries["contributor"]?.eligibility)
        let scope = try #require(contributor.target.id.scope)
        let activations = harness.armWrites().filter {
            Self.properties($0)?["requestType"]?.stringValue == "SelfActivate"
        }
        #expect(activations.count == 3)
        let put = try #require(activations.first)
        #expect(put.method == "PUT")
        let prefix = "\(scope)\(Self.pim)/roleAssignmentScheduleRequests/"
        #expect(put.path.hasPrefix(prefix), "\(put.path)")
        #expect(put.body?.keys == ["properties"])
        let p = try #require(Self.properties(put))
        #expect(
            Set(p.keys) == [
                "principalId", "roleDefinitionId", "requestType", "linkedRoleEligibilityScheduleId", "justification",
                "ticketInfo", "scheduleInfo",
            ])
        #expect(p["principalId"]?.stringValue == harness.tenant.signIn(as: "ada").persona.objectId)
        #expect(p["roleDefinitionId"]?.stringValue == contributor.target.id.resourceId)
        #expect(p["linkedRoleEligibilityScheduleId"]?.stringValue?.hasSuffix(contributor.id) == true)
        #expect(p["justification"]?.stringValue == ARMFlowTests.justification)
        #expect(p["ticketInfo"]?["ticketNumber"]?.stringValue == "INC-1")
        #expect(p["ticketInfo"]?["ticketSystem"]?.stringValue == "ServiceNow")
        #expect(p["scheduleInfo"]?["expiration"]?["type"]?.stringValue == "AfterDuration")
        #expect(p["scheduleInfo"]?["expiration"]?["duration"]?.stringValue == "PT4H")
        let start = try #require(p["scheduleInfo"]?["startDateTime"]?.stringValue)
        #expect(start.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/) != nil, "\(start)")
    }

    @Test func everyPutHasAFreshLowercaseGuidName() async throws {
        let (harness, _) = try await Self.runFlows()
        let puts = harness.armWrites().filter { $0.method == "PUT" }
        #expect(puts.count == 4)  // three activations, one deactivation
        let names = puts.compactMap { $0.path.split(separator: "/").last.map(String.init) }
        #expect(Set(names).count == puts.count)
        for name in names { #expect(Self.isGuid(name), "\(name)") }
    }

    @Test func deactivationIsAPutAtTheActiveScopeWithoutASchedule() async throws {
        let (harness, entries) = try await Self.runFlows()
        let scope = try #require(entries["contributor"]?.target.id.scope)
        let put = try #require(
            harness.armWrites().first { Self.properties($0)?["requestType"]?.stringValue == "SelfDeactivate" })
        #expect(put.method == "PUT")
        #expect(put.path.hasPrefix("\(scope)\(Self.pim)/roleAssignmentScheduleRequests/"))
        let p = try #require(Self.properties(put))
        #expect(Set(p.keys).isSuperset(of: ["principalId", "roleDefinitionId", "requestType"]))
        #expect(!p.keys.contains("scheduleInfo") && !p.keys.contains("linkedRoleEligibilityScheduleId"))
        #expect(p["roleDefinitionId"]?.stringValue == entries["contributor"]?.target.id.resourceId)
        #expect(p["justification"]?.stringValue == "Done with the workers")
    }

    @Test func cancelIsABodilessPostAtTheRequestsScope() async throws {
        let (harness, entries) = try await Self.runFlows()
        let scope = try #require(entries["owner"]?.target.id.scope)
        let cancels = harness.armWrites().filter { $0.path.hasSuffix("/cancel") }
        #expect(cancels.count == 1)
        let cancel = try #require(cancels.first)
        #expect(cancel.method == "POST")
        #expect(cancel.body == nil)
        let prefix = "\(scope)\(Self.pim)/roleAssignmentScheduleRequests/"
        #expect(cancel.path.hasPrefix(prefix))
        let name = cancel.path.dropFirst(prefix.count).dropLast("/cancel".count)
        #expect(Self.isGuid(name))
    }

    @Test func decisionsPatchTheStageWithThePropertiesWrapper() async throws {
        let (harness, _) = try await Self.runFlows()
        let decisions = harness.armWrites().filter { $0.path.contains("/roleAssignmentApprovals/") }
        #expect(decisions.count == 2)
        for decision in decisions {
            #expect(decision.method == "PATCH")
            #expect(decision.path.hasPrefix("\(Self.pim)/roleAssignmentApprovals/"))
            let segments = decision.path.split(separator: "/")
            #expect(segments.count == 6 && segments[4] == "stages", "\(decision.path)")
            #expect(decision.body?.keys == ["properties"])
            #expect(Set(Self.properties(decision)?.keys ?? []) == ["reviewResult", "justification"])
        }
        #expect(decisions.map { Self.properties($0)?["reviewResult"]?.stringValue } == ["Approve", "Deny"])
        #expect(Self.properties(decisions[0])?["justification"]?.stringValue == "Confirmed with the on-call lead")
    }
}
