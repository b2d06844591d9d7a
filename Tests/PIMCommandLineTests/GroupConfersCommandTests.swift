import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

/// `pim roles -o json`: a group's row says which roles membership of it gives (`confers`), a role's
/// row does not carry the key, and "could not be read" is `null`, never an empty list.
@Suite struct GroupConfersCommandTests {
    static let globalAdmin = ConferredRole(
        name: "Global Administrator", scopeName: "Directory", scopeId: "/", family: .directoryRole,
        holding: .eligible)
    static let monitoring = ConferredRole(
        name: "Monitoring Reader", scopeName: "Shared-Platform", scopeId: "/subscriptions/2222", family: .azure,
        holding: .active)

    static func rows(_ configure: @escaping (inout FakeService.State) -> Void) async throws -> [[String: Any]] {
        let result = await run(["roles", "-o", "json"], service: FakeService(now: testNow, configure: configure))
        #expect(result.code == 0, "\(result.stderr)")
        return try #require(json(result.stdout) as? [[String: Any]])
    }

    @Test func aGroupRowListsTheRolesItGivesWithTheirScopes() async throws {
        let rows = try await Self.rows { $0.confers = ["g-fin": [Self.globalAdmin, Self.monitoring]] }
        let member = try #require(rows.first { $0["name"] as? String == "Finance Admins" })
        let confers = try #require(member["confers"] as? [[String: String]])
        #expect(
            confers == [
                [
                    "name": "Global Administrator", "scope": "/", "scopeName": "Directory", "kind": "role",
                    "state": "eligible",
                ],
                [
                    "name": "Monitoring Reader", "scope": "/subscriptions/2222", "scopeName": "Shared-Platform",
                    "kind": "azure", "state": "active",
                ],
            ])
        let groups = rows.filter { $0["kind"] as? String == "group" }
        #expect(groups.count == 2, "member and owner rows of the same group both say it")
        #expect(groups.allSatisfy { ($0["confers"] as? [Any])?.count == 2 })
        #expect(rows.filter { $0["kind"] as? String == "role" }.allSatisfy { $0["confers"] == nil })
    }

    @Test func aGroupThatGivesNothingIsAnEmptyListAndAnUnreadOneIsNull() async throws {
        let nothing = try await Self.rows { _ in }
        #expect(nothing.first { $0["kind"] as? String == "group" }?["confers"] as? [Any] != nil)
        #expect((nothing.first { $0["kind"] as? String == "group" }?["confers"] as? [Any])?.isEmpty == true)

        let service = FakeService(now: testNow) { $0.confersUnread = PIMError(.forbidden, "Graph refused the read") }
        let result = await run(["roles", "-o", "json"], service: service)
        #expect(result.code == 0, "the rows are whole without it")
        let rows = try #require(json(result.stdout) as? [[String: Any]])
        let row = try #require(rows.first { $0["kind"] as? String == "group" })
        #expect(row["confers"] is NSNull)
        #expect(result.stderr.contains("Could not read which roles the groups give: Graph refused the read"))
        #expect(await run(["roles", "--kind", "role"], service: service).stderr.isEmpty, "no group row, no word")
    }
}
