import Foundation
import PIMDomain
import PIMTables
import Testing
@testable import PIMCommandLine

/// The command-line tables are drawn from the one definition list the panes also read.
@Suite struct ColumnDefinitionTests {
    /// The headers of a table as printed, split at the gaps between columns.
    static func headers(_ output: String) -> [String] {
        let line = String(output.split(separator: "\n").first ?? "")
        return line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func pimRolesShowsTheDefinitionsCommandLineColumnsInItsOrder() async {
        let result = await run(["roles"], service: NarrowRolesTableTests.sysadminGroups())
        let titles = Tables.roles.columns(for: .commandLine).map { $0.title.uppercased() }
        #expect(Self.headers(result.stdout) == titles, "\(result.stdout)")
    }

    /// A column both fronts show is one column: the same title, in the same order, in each front's set.
    @Test func columnsSharedByBothFrontsReadAlikeInEachSet() {
        func shared<Row>(_ definition: TableDefinition<Row>, _ front: Fronts) -> [String] {
            definition.columns(for: front).filter { $0.fronts == .both }.map(\.title)
        }
        #expect(shared(Tables.roles, .screen) == ["Name", "Kind", "Scope", "Tier", "State"])
        #expect(shared(Tables.roles, .screen) == shared(Tables.roles, .commandLine))
        #expect(shared(Tables.approvals, .screen) == shared(Tables.approvals, .commandLine))
        #expect(shared(Tables.elevations, .screen) == shared(Tables.elevations, .commandLine))
    }

    /// Narrowing the terminal column by column, `pim roles` leaves out ENDS, then SCOPE (it repeats
    /// KIND for groups), then KIND, then TIER; name, state, time left and requirements stay.
    @Test func pimRolesGivesWayInTheOrderAnAdministratorWouldChoose() async {
        var dropped: [String] = []
        func headers(width: Int) async -> [String] {
            Self.headers(await run(["roles"], service: NarrowRolesTableTests.sysadminGroups(), width: width).stdout)
        }
        var previous = await headers(width: 200)
        for width in stride(from: 199, through: 44, by: -1) {
            let now = await headers(width: width)
            dropped += previous.filter { !now.contains($0) }
            previous = now
        }
        #expect(dropped == ["ENDS", "KIND", "SCOPE", "TIER"])
        #expect(previous == ["NAME", "STATE", "LEFT", "REQUIRES"])
    }

    @Test func pimRolesAt80ColumnsKeepsTheTierAndTheScopeAndLeavesOutEndsAndKind() async {
        let result = await run(["roles"], service: NarrowRolesTableTests.sysadminGroups(), width: 80)
        let expected = ["NAME", "SCOPE", "TIER", "STATE", "LEFT", "REQUIRES"]
        #expect(Self.headers(result.stdout) == expected, "\(result.stdout)")
    }

    /// Every JSON key a column names is in the row, with the column's value.
    @Test func columnsWithAJSONKeyFillThatFieldOfTheRow() async throws {
        let result = await run(["roles", "-o", "json"], service: NarrowRolesTableTests.sysadminGroups())
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let keys = Tables.roles.columns.compactMap(\.jsonKey)
        #expect(keys == ["name", "scopeName", "tier", "state", "remainingSeconds", "endDateTime"])
        for row in rows { #expect(keys.allSatisfy(row.keys.contains), "\(row)") }
        #expect(rows.first?["tier"] as? String == "Tier 2")
    }
}
