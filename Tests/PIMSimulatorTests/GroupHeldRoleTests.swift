import Foundation
import Testing
@testable import PIMSimulator

/// The reads behind "what a group gives", answered as Graph answers them: `principalId eq` and
/// `principalId in (…)` on eligibility schedules, assignment instances and role assignments, with role
/// names expanded; another principal's roles only for a role that reads PIM data; anything the grammar
/// does not know is a 400.
@Suite struct GroupHeldRoleTests {
    static let root = "/roleManagement/directory"
    static let tier1Exchange = "b05b7c94-ad6e-4f80-c231-4d5e6f7a8b55"

    @Test func inMatchesAnyOfItsValuesAndTheRestStayOut() throws {
        let filter = try ODataFilter.parse("principalId in ('a','B', 'c') and status eq 'Provisioned'")
        #expect(filter.matches(["principalId": "b", "status": "Provisioned"]), "ids compare without case")
        #expect(!filter.matches(["principalId": "d", "status": "Provisioned"]))
        #expect(!filter.matches(["principalId": "a", "status": "Granted"]))
        #expect(filter.requiredValues(of: "principalId") == ["a", "B", "c"])
        #expect(try ODataFilter.parse("principalId eq 'a'").requiredValues(of: "principalid") == ["a"])
        #expect(throws: ODataFilterError.self) { try ODataFilter.parse("principalId in ('a',)") }
        #expect(throws: ODataFilterError.self) { try ODataFilter.parse("principalId in 'a'") }
    }

    @Test func myGroupsRolesComeInOneAnswerWithTheirNames() async throws {
        let client = RawClient(try makeTenant())
        let filter = "principalId in ('\(IDs.tier0)','\(Self.tier1Exchange)')"
        let eligible = try await client.get(
            "\(Self.root)/roleEligibilitySchedules?$filter=\(filter)&$expand=roleDefinition($select=id,displayName)")
        #expect(eligible.status == 200)
        let names = eligible.json.items.map {
            "\($0.str("principalId") ?? ""):\($0.obj("roleDefinition")?.str("displayName") ?? "")"
        }
        #expect(Set(names) == ["\(IDs.tier0):Intune Administrator", "\(Self.tier1Exchange):Exchange Administrator"])
        let active = try await client.get(
            "\(Self.root)/roleAssignmentScheduleInstances?$filter=principalId eq '\(IDs.tier0)'&$expand=roleDefinition")
        #expect(active.status == 200)
        #expect(
            active.json.items.map { $0.obj("roleDefinition")?.str("displayName") } == ["Cloud Device Administrator"])
        #expect(active.json.items.first?.str("assignmentType") == "Assigned")
    }

    @Test func roleAssignmentsOfAGroupHaveTheDocumentedShape() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.get(
            "\(Self.root)/roleAssignments?$filter=principalId eq '\(IDs.tier0)'&$expand=roleDefinition")
        #expect(reply.status == 200)
        let item = try #require(reply.json.items.first)
        #expect(reply.json.items.count == 1)
        #expect(
            Set(item.keys) == [
                "id", "principalId", "resourceScope", "directoryScopeId", "roleDefinitionId", "roleDefinition",
            ])
        #expect(item.obj("roleDefinition")?.str("displayName") == "Cloud Device Administrator")
        #expect(item.str("directoryScopeId") == "/")
    }

    @Test func anotherPrincipalsRolesNeedARoleThatReadsPIMData() async throws {
        // Carl may join pag_Tier0_RoleAdmins but holds no role that reads PIM data (graph contract A4).
        let client = RawClient(try makeTenant(), as: "carl")
        let group = TenantSeed.ConferringGroup.tier0RoleAdmins
        let groups = try await client.get("\(Self.root)/roleEligibilitySchedules?$filter=principalId in ('\(group)')")
        #expect(groups.status == 403)
        let own = try await client.get(
            "\(Self.root)/roleEligibilitySchedules?$filter=principalId in ('\(Persona.carl.objectId)')")
        #expect(own.status == 200, "anyone may read their own")
        #expect(own.json.items.count == 2)
    }

    @Test(arguments: ["principalId has 'x'", "principalId in ()", "principalId in ('a'"])
    func aFilterOutsideTheGrammarIsABadRequest(filter: String) async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.get("\(Self.root)/roleEligibilitySchedules?$filter=\(filter)")
        #expect(reply.status == 400)
        #expect(reply.json.obj("error")?.str("code") != nil)
    }
}
