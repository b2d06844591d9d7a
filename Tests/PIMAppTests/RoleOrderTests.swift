import Foundation
import PIMAppFixtures
import PIMDomain
import Testing

/// My roles lists active rows first, then by name as the user's locale sorts it (names that differ only
/// in case or accents side by side), then by target id: the same order in the pane and in `pim roles`,
/// whatever order the service listed them in.
struct RoleOrderTests {
    @Test func activeFirstThenByNameThenById() {
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
        let rows = dashboard.roleEntries
        #expect(Set(rows.map(\.target.id)).count == rows.count, "one row per target")
        #expect(
            Set(rows.map(\.target.id))
                == Set(dashboard.eligibilities.map(\.target.id) + dashboard.active.map(\.target.id)))
        for (a, b) in zip(rows, rows.dropFirst()) {
            let aActive = a.state == .active, bActive = b.state == .active
            #expect(aActive || !bActive, "\(b.target.displayName) is active but listed after an inactive row")
            guard aActive == bActive else { continue }
            let byName = a.target.displayName.localizedCaseInsensitiveCompare(b.target.displayName)
            #expect(byName != .orderedDescending, "\(a.target.displayName) before \(b.target.displayName)")
            if byName == .orderedSame {
                #expect(a.target.id.description < b.target.id.description)
            }
        }
        // The order does not depend on the order the service listed the rows in.
        var reversed = dashboard
        reversed.eligibilities.reverse()
        #expect(reversed.roleEntries == rows)
    }
}
