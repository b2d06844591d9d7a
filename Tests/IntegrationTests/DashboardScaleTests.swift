import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Testing

/// The dashboard on a large tenant: scoped eligibilities of the same role share one policy read,
/// and a refresh is still one round trip.
@Suite struct DashboardScaleTests {
    static func service(scale: Int) throws -> (GraphPIMService, SimulatedTenant) {
        let tenant = try SimulatedTenant(
            configuration: SimulatorConfiguration(
                stateFile: nil, scale: scale, pageSize: 999, report: { _ in }))
        let service = GraphPIMService(
            configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
            transport: tenant, tokens: tenant.signIn())
        return (service, tenant)
    }

    @Test func scopedEligibilitiesOfOneRoleShareOnePolicyRead() async throws {
        let (service, tenant) = try Self.service(scale: 300)
        let dashboard = try await service.loadDashboard(.everything)
        #expect(dashboard.failures.isEmpty, "\(dashboard.failures)")
        let targets = Set(dashboard.eligibilities.map(\.target.id) + dashboard.active.map(\.target.id))
        #expect(targets.count > 300)
        // Every target has its policy, scoped ones that of their role.
        #expect(targets.allSatisfy { dashboard.policies[$0] != nil })
        let scoped = try #require(
            dashboard.eligibilities.first { $0.target.id.scope?.hasPrefix("/administrativeUnits/") == true })
        #expect(
            dashboard.policies[scoped.target.id] == dashboard.policies[.role(scoped.target.id.resourceId)]
                || dashboard.policies[.role(scoped.target.id.resourceId)] == nil)
        let policyReads = tenant.recordedRequests().filter { $0.path.hasSuffix("/roleManagementPolicyAssignments") }
        let distinct = Set(targets.map { $0.kind == .directoryRole ? TargetID.role($0.resourceId) : $0 })
        #expect(policyReads.count == distinct.count)
        #expect(policyReads.count < 100)
        // Reads, then the policies and group elevations the first answer revealed, each in one round; with
        // no hints yet, the access reviews' instances, stages and decisions follow the dashboard on their own.
        #expect(dashboard.requestCount == 2 + (policyReads.count + 10) / 20)
        #expect(dashboard.accessReviewsFollow)
    }

    @Test func aRefreshOfALargeTenantIsOneExchange() async throws {
        let (service, _) = try Self.service(scale: 300)
        let first = try await service.loadDashboard(.everything)
        _ = try await service.followingAccessReviews()
        let rounds = service.roundTripCount
        let refreshed = try await service.loadDashboard(.everything)
        // One round trip: with the access review reads the batch is two chunks of Graph's 20, sent together.
        #expect(service.roundTripCount - rounds == 1)
        #expect(refreshed.requestCount == 2)
        #expect(refreshed.policies == first.policies)
        #expect(refreshed.eligibilities.count == first.eligibilities.count)
    }
}
