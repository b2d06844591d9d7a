import Foundation
import Testing
@testable import PIMApp
import PIMAppFixtures
import PIMDomain

/// The refresh's fast row builder gives the rows and order of `RoleEntry.entries`.
struct RoleRowsTests {
    @Test func sameRowsInTheSameOrderAsTheDomain() {
        var dashboard = Fixture.dashboard
        let names = [
            "Global Reader", "global reader", "Äbc Administrator", "abc administrator", "Zeta", "zeta", "Ábc",
        ]
        var extra: [Eligibility] = []
        for n in 0..<300 {
            let target = ElevationTarget(
                id: .role("role-\(n % 7)", scope: "/administrativeUnits/au-\((n * 7919) % 300)"),
                displayName: names[n % names.count])
            extra.append(Fixture.eligibility(target))
        }
        dashboard.eligibilities = extra.reversed() + dashboard.eligibilities
        #expect(RoleRows.entries(dashboard) == dashboard.roleEntries)
        #expect(RoleRows.entries(Fixture.dashboard) == Fixture.dashboard.roleEntries)
    }
}
