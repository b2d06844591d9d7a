import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
@testable import PIMScreen
import PIMTables
import Testing

/// The panes are drawn from the one definition list the command line also reads.
struct PaneColumnDefinitionTests {
    /// The titles in the header row of My roles at `width` columns, in the order they are drawn.
    static func rolesHeader(width: Int) -> [String] {
        let header = render(Fixture.loaded(width: width, height: 24)).lines()[2]
        return Tables.roles.columns(for: .screen).map(\.title).filter { header.contains($0) }
            .sorted { header.range(of: $0)!.lowerBound < header.range(of: $1)!.lowerBound }
    }

    @Test func myRolesShowsTheDefinitionsScreenColumnsInItsOrder() {
        #expect(Self.rolesHeader(width: 200) == Tables.roles.columns(for: .screen).map(\.title))
        #expect(MyRolesView.columns.layout.map(\.title) == Tables.roles.columns(for: .screen).map(\.title))
    }

    /// Narrowing the terminal column by column, My roles gives up the requirements, then the scope,
    /// then the kind, then the tier; the name, state and time left stay.
    @Test func myRolesGivesWayByPriority() {
        var dropped: [String] = []
        var previous = Self.rolesHeader(width: 200)
        for width in stride(from: 199, through: 40, by: -1) {
            let now = Self.rolesHeader(width: width)
            dropped += previous.filter { !now.contains($0) }
            previous = now
        }
        #expect(dropped == ["Requires", "Kind", "Scope", "Tier"], "\(previous)")
        #expect(previous == ["Name", "State", "Time left"])
    }
}
