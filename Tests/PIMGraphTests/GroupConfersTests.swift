import Foundation
import PIMDomain
import Testing
@testable import PIMGraph

/// What a group gives: the directory roles groups hold, read in two batch items per fifteen groups (not a
/// call per group), named from the answer or from what the dashboard knows, and never a reason to fail.
@Suite struct GroupConfersTests {
    static let gid = TenantScript.groupId

    static func heldTarget(_ collection: String) -> String {
        """
        /v1.0/roleManagement/directory/\(collection)?$filter=principalId in ('\(gid)')\
        &$select=id,principalId,roleDefinitionId,directoryScopeId&$expand=roleDefinition($select=id,displayName)
        """
    }

    static let eligibleHeld = """
        {"value":[{"id":"x1","principalId":"\(gid)","roleDefinitionId":"62e90394-69f5-4237-9190-012177145e10",\
        "directoryScopeId":"/","roleDefinition":{"id":"62e90394-69f5-4237-9190-012177145e10",\
        "displayName":"Global Administrator"}},
         {"id":"x2","principalId":"\(gid)","roleDefinitionId":"\(TenantScript.roleId)","directoryScopeId":"/"}]}
        """
    static let activeHeld = """
        {"value":[{"id":"y1","principalId":"\(gid)","roleDefinitionId":"5d6b6bb7-de71-4623-b4af-96380a352509",\
        "directoryScopeId":"/administrativeUnits/8c2d41f0-aaaa-bbbb-cccc-000000000001"}]}
        """

    @Test func theDocumentedRoleAssignmentsOfAPrincipalDecodeIntoRolesItGives() throws {
        let page = try GraphDate.decoder().decode(
            GraphPage<HeldRoleDTO>.self,
            from: Fixture.data("closedloop.roleAssignments.filter-principalId.GET.200.json"))
        let roles = page.value.map {
            $0.conferred(.active, roleNames: [TenantScript.roleId: "Global Reader"], scopeNames: [:])
        }
        #expect(roles.map(\.name) == ["role 62e90394", "Global Reader"], "no name expanded: known, else the id")
        #expect(roles.allSatisfy { $0.scopeName == "Directory" && $0.scopeId == "/" && $0.family == .directoryRole })
        #expect(Set(page.value.map(\.principalId)) == ["f1847572-48aa-47aa-96a3-2ec61904f41f"])
    }

    @Test func fifteenGroupsShareOneItemPerKind() throws {
        var reads = ConfersReads()
        let groups = (1...20).map { "group-\($0)" }
        let items = reads.add(groups)
        #expect(items.map(\.id) == ["confersElig0", "confersAct0", "confersElig1", "confersAct1"])
        let filter = try #require(items[0].request.query.first { $0.name == "$filter" }?.value)
        #expect(filter.hasPrefix("principalId in ('group-1','group-2',"))
        #expect(filter.components(separatedBy: ",").count == 15)
        #expect(items[3].request.query.first { $0.name == "$filter" }?.value.contains("'group-20'") == true)
        #expect(items[1].request.path.hasSuffix("/roleAssignmentScheduleInstances"))
        #expect(reads.add(groups + ["GROUP-3"]).isEmpty, "a group already asked for is not asked again")
    }

    @Test func aGroupRowSaysWhatItsGroupHoldsFromTheSameRoundTrips() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        graph.on("GET", Self.heldTarget("roleEligibilitySchedules"), json: Self.eligibleHeld)
        graph.on("GET", Self.heldTarget("roleAssignmentScheduleInstances"), json: Self.activeHeld)
        let service = TenantScript.service(graph)
        let first = try await service.loadDashboard(.everything)
        #expect(graph.exchanges == 2, "the group's roles are asked with the second round the group ids need anyway")
        #expect(first.confersUnread == nil)
        let group = try #require(first.roleEntries.first { $0.target.kind.isGroup })
        #expect(
            group.confers.map(\.name) == ["Global Administrator", "Global Reader", "role 5d6b6bb7"],
            "expanded, else known from my own rows, else the id's first eight characters")
        #expect(group.confers.map(\.holding) == [.eligible, .eligible, .active])
        #expect(group.confers.last?.scopeName == "administrative unit 8c2d41f0")
        #expect(first.roleEntries.filter { !$0.target.kind.isGroup }.allSatisfy { $0.confers.isEmpty })

        _ = try await service.loadDashboard(.everything)
        #expect(graph.exchanges == 3, "a refresh asks for them in its one batch")
        let held = graph.recorded.filter { $0.insideBatch && $0.target.contains("principalId in (") }
        #expect(held.count == 4, "one item per kind and load, not one per group")
    }

    @Test func aFailedReadLeavesTheDashboardWholeAndSaysSo() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        graph.on(
            "GET", Self.heldTarget("roleEligibilitySchedules"), status: 403,
            json: #"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges."}}"#)
        graph.on("GET", Self.heldTarget("roleAssignmentScheduleInstances"), json: Self.activeHeld)
        let dashboard = try await TenantScript.service(graph).loadDashboard(.everything)
        #expect(dashboard.failures.isEmpty, "\(dashboard.failures)")
        #expect(dashboard.confersUnread?.kind == .forbidden)
        let group = try #require(dashboard.roleEntries.first { $0.target.kind.isGroup })
        #expect(group.confersUnread)
        #expect(group.confers.map(\.name) == ["role 5d6b6bb7"], "what could be read is kept")
    }
}
