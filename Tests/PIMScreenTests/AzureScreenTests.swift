import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
@testable import PIMScreen
import Testing

/// An Azure row's detail strip at 80 columns: a long ARM scope id is cut in the middle so its start
/// (the subscription) and its end (the resource) both show, and text from the service stays inert.
@Suite struct AzureScreenTests {
    static let subscription = "/subscriptions/8d2c6f0e-1b7a-4c55-9e3f-2a6d0c9b7e41"

    func screen(scope: String, scopeName: String) -> [String] {
        let target = ElevationTarget(
            id: .azure(
                roleDefinitionId: Self.subscription
                    + "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c",
                scope: scope),
            displayName: "Contributor", scopeName: scopeName)
        var dashboard = Fixture.dashboard
        dashboard.eligibilities = [Fixture.azureEligibility(target, memberType: .group)]
        dashboard.active = []
        var state = AppState(now: Fixture.now, width: 80, height: 24)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        return render(state).lines()
    }

    @Test func aLongScopeIdIsCutInTheMiddleWithinEightyColumns() {
        let vault = "kv-" + String(repeating: "payments-archive-", count: 6) + "eu-west"
        let scope = Self.subscription + "/resourceGroups/app-rg/providers/Microsoft.KeyVault/vaults/" + vault
        let lines = screen(scope: scope, scopeName: "Prod-Payments / \(vault)")
        guard let line = lines.first(where: { $0.hasPrefix(" Scope id") }) else {
            Issue.record("no Scope id line in \(lines)")
            return
        }
        #expect(line.count == 80)
        let shown = line.dropFirst(1 + 14).trimmingCharacters(in: .whitespaces)
        #expect(shown.hasPrefix("/subscriptions/8d2c6f0e"), "\(shown)")
        #expect(shown.hasSuffix("payments-archive-eu-west"), "\(shown)")
        #expect(shown.contains("…"))
        #expect(lines.contains { $0.hasPrefix(" Azure role    Contributor · Tier 1 · member: via group") })
        #expect(lines.contains { $0.hasPrefix(" Scope         Prod-Payments / kv-payments-archive-") })
    }

    @Test func anAzureElevationNamesItsScopeAndItsKind() {
        var state = Fixture.loaded()
        _ = update(&state, .key("4"))
        let row = state.elevations.firstIndex { $0.id == Fixture.hanaContributorData.id }!
        _ = update(&state, .click(.row(row)))
        let lines = render(state).lines()
        #expect(
            lines.contains {
                $0.hasPrefix(" Role or group Contributor · azure · Prod-Data (subscription) · Tier 1")
            },
            "\(lines.suffix(8).joined(separator: "\n"))")
    }

    @Test func aScopeIdFromTheServiceCannotDriveTheTerminal() {
        let scope = Self.subscription + "/resourceGroups/app\u{1B}]52;c;cGF5bG9hZA==\u{07}-rg\u{9B}31m"
        let lines = screen(scope: scope, scopeName: "Prod\u{1B}[2J-Payments")
        let text = lines.joined(separator: "\n")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
        #expect(lines.contains { $0.hasPrefix(" Scope id      /subscriptions/") })
    }
}
