import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
@testable import PIMScreen
import Testing

/// A group row's detail strip says what membership of the group gives: its roles with their scopes,
/// eligible and active, cut to the width with a count of the rest; and says so when it could not be read.
@Suite struct GroupGivesScreenTests {
    static func role(
        _ name: String, _ scope: String = "Directory", _ holding: ConferredRole.Holding = .eligible
    )
        -> ConferredRole
    {
        ConferredRole(
            name: name, scopeName: scope, scopeId: scope == "Directory" ? "/" : "/subscriptions/2222",
            family: scope == "Directory" ? .directoryRole : .azure, holding: holding)
    }

    static let gives = ConferredRole.ordered([
        role("Security Reader"), role("Global Administrator"), role("Privileged Role Administrator"),
        role("Monitoring Reader", "Shared-Platform", .active), role("Intune Administrator", "Directory", .active),
    ])

    static func state(confers: [ConferredRole] = gives, unread: PIMError? = nil) -> AppState {
        var dashboard = Fixture.dashboard
        dashboard.confers = [Fixture.sysadmin.id.resourceId: confers]
        dashboard.confersUnread = unread
        var state = AppState(
            config: AppConfig(tenantLabel: "contoso.example (demo)"), now: Fixture.now, width: 80, height: 24)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        if let row = state.roles.firstIndex(where: { $0.target == Fixture.sysadmin }) {
            _ = update(&state, .click(.row(row)))
        }
        return state
    }

    static func givesLine(_ state: AppState, width: Int) -> String? {
        var sized = state
        _ = update(&sized, .resize(width: width, height: 40))
        return render(sized).lines().first { $0.contains("Gives") }
    }

    @Test func theGroupsRolesAreListedWithScopesAndHowTheyAreHeld() throws {
        let three = ConferredRole.ordered([
            Self.role("Security Reader"), Self.role("Global Administrator"),
            Self.role("Monitoring Reader", "Shared-Platform", .active),
        ])
        let line = try #require(Self.givesLine(Self.state(confers: three), width: 160))
        #expect(
            line.contains(
                """
                Gives         Global Administrator (Directory), Security Reader (Directory) · eligible; \
                Monitoring Reader (Shared-Platform) · active
                """), "\(line)")
        #expect(!line.contains("more"))
    }

    @Test func aNarrowStripCountsTheRolesLeftOut() throws {
        let line = try #require(Self.givesLine(Self.state(), width: 80))
        #expect(line.contains("Gives         Global Administrator (Directory) · eligible … +4 more"), "\(line)")
    }

    @Test func serviceTextIsMadeInertBeforeItIsMeasured() throws {
        let line = try #require(Self.givesLine(Self.state(confers: [Self.role("Evil\u{1b}[31mRed")]), width: 132))
        #expect(!line.contains("\u{1b}"))
        #expect(line.contains("Evil␛[31mRed (Directory) · eligible"), "\(line)")
    }

    @Test func unreadSaysSoAndARoleRowHasNoGivesLine() throws {
        let unread = Self.state(confers: [], unread: PIMError(.forbidden, "Graph refused the read"))
        #expect(Self.givesLine(unread, width: 132)?.contains("could not be read") == true)
        var onRole = Self.state()
        if let row = onRole.roles.firstIndex(where: { $0.target == Fixture.globalAdmin }) {
            _ = update(&onRole, .click(.row(row)))
        }
        #expect(Self.givesLine(onRole, width: 132) == nil)
    }

    @Test func golden() {
        GoldenScreen.check("my-roles-gives", Self.state(), styles: true)
    }
}
