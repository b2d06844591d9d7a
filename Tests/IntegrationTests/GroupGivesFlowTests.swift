import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Testing

/// Over the simulated tenant: each group row says which roles the group holds, read with one batch item
/// per kind (not a call per group), in the one round trip of a later start, with Azure roles from the
/// Azure rows the dashboard reads anyway.
@Suite struct GroupGivesFlowTests {
    static let tier0SAW = "2b5ed229-4072-478d-9504-a047ebd4b07d"

    static func gives(_ dashboard: Dashboard, _ groupName: String) -> [String] {
        let row = dashboard.roleEntries.first { $0.target.kind.isGroup && $0.target.displayName == groupName }
        return (row?.confers ?? []).map { "\($0.name) (\($0.scopeName)) \($0.holding.rawValue)" }
    }

    static func heldReads(_ tenant: SimulatedTenant) -> [RecordedRequest] {
        tenant.recordedRequests().filter { $0.query["$filter"]?.hasPrefix("principalId in (") == true }
    }

    @Test func aLaterStartReadsWhatGroupsGiveInItsOneRoundTrip() async throws {
        let tenant = try DashboardHintsTests.tenant()
        let hints = DashboardHintsTests.MemoryHints()
        let first = DashboardHintsTests.process(tenant, hints: hints)
        let cold = try await first.loadDashboard(.everything)
        #expect(cold.confersUnread == nil)
        #expect(
            Self.gives(cold, "pag_Tier0.Intune.SAWClientAdmin") == [
                "Intune Administrator (Directory) eligible", "Cloud Device Administrator (Directory) active",
            ])
        #expect(Self.gives(cold, "pag_Tier1.Exchange.MailboxAdmin") == ["Exchange Administrator (Directory) eligible"])
        #expect(Self.gives(cold, "finance-erp-prod-admins").isEmpty)
        let coldReads = Self.heldReads(tenant)
        #expect(coldReads.count == 2, "one item per kind for all six groups")
        #expect(coldReads.allSatisfy { $0.batchItemId != nil && $0.status == 200 })
        #expect(Set(coldReads.map(\.path)).count == 2)
        #expect(try #require(hints.load()).groups.contains(Self.tier0SAW))

        let second = DashboardHintsTests.process(tenant, hints: hints)
        let warm = try await second.loadDashboard(.everything)
        #expect(second.roundTripCount == 1)
        #expect(warm.confers == cold.confers)
        #expect(Self.heldReads(tenant).count == 4)
    }

    @Test func theNewPrivilegedAccessGroupsSayWhatTheyGive() async throws {
        let tenant = try DashboardHintsTests.tenant()
        let ben = GraphPIMService(
            configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
            transport: tenant, tokens: tenant.signIn(as: "ben"))
        let dashboard = try await ben.loadDashboard(.rolesOnly)
        #expect(Self.gives(dashboard, "pag_Tier0_GlobalAdmins") == ["Global Administrator (Directory) eligible"])
        #expect(
            Self.gives(dashboard, "pag_Tier0_RoleAdmins") == [
                "Privileged Authentication Administrator (Directory) eligible",
                "Privileged Role Administrator (Directory) eligible", "Global Reader (Directory) active",
            ])
    }

    /// Sam holds no role that reads PIM data: the directory side is refused, the dashboard stands, and the
    /// Azure role the group holds (from Sam's own Azure rows) is still there.
    @Test func aGroupHoldingAnAzureRoleSaysSoEvenWhenTheDirectorySideIsRefused() async throws {
        let tenant = try DashboardHintsTests.tenant()
        let azure = ARMRoleService(
            configuration: ARMConfiguration(baseURL: URL(string: "https://management.azure.com")!),
            transport: tenant, tokens: tenant.signIn(as: "sam", for: .azureResourceManager))
        let service = GraphPIMService(
            configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
            transport: tenant, tokens: tenant.signIn(as: "sam"), azure: azure)
        let dashboard = try await service.loadDashboard(.rolesOnly)
        #expect(dashboard.failures.isEmpty, "\(dashboard.failures)")
        #expect(dashboard.confersUnread?.kind == .forbidden)
        #expect(Self.gives(dashboard, "Security Analysts") == ["Monitoring Reader (Shared-Platform) eligible"])
        let row = try #require(dashboard.roleEntries.first { $0.target.displayName == "Security Analysts" })
        #expect(row.confersUnread)
        #expect(row.confers.first?.family == .azure)
        #expect(row.confers.first?.scopeId.hasPrefix("/subscriptions/") == true)
    }
}
