import Foundation
import PIMDomain
import Synchronization
import Testing

@testable import PIMGraph

/// Graph and Azure Resource Manager through the real libcurl transport, each on its own local server:
/// Azure rows join the dashboard, and each token goes only to its own host.
@Suite(.serialized)
struct ARMIntegrationTests {
    typealias Script = ARMRoleServiceTests

    func withServers<T>(_ graph: FakeGraph, _ arm: FakeARM, _ body: (URL, URL) async throws -> T) async throws -> T {
        let graphServer = try LocalHTTPServer { (try? graph.respond($0)) ?? HTTPResponse(status: 500) }
        defer { graphServer.stop() }
        let armServer = try LocalHTTPServer { (try? arm.respond($0)) ?? HTTPResponse(status: 500) }
        defer { armServer.stop() }
        return try await body(graphServer.baseURL, armServer.baseURL)
    }

    func service(graph: URL, arm: URL, logger: VerboseLogger? = nil) -> GraphPIMService {
        let clock = TestClock()
        let azure = ARMRoleService(
            configuration: ARMConfiguration(baseURL: arm), transport: CurlTransport(logger: logger),
            tokens: StaticTokenProvider(token: "arm-secret"), clock: clock)
        return GraphPIMService(
            configuration: GraphConfiguration(baseURL: graph), transport: CurlTransport(),
            tokens: StaticTokenProvider(token: "graph-secret"), clock: clock, azure: azure)
    }

    @Test func azureRowsJoinTheDashboardAndEachTokenStaysWithItsHost() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        let arm = FakeARM()
        Script.scriptEligible(arm)
        arm.on("GET", Script.approvalsPath, json: Script.list([]))
        arm.on("GET", Script.approverPath, json: Script.list([]))
        arm.on("GET", Script.elevationsPath("s1"), json: Script.list([Script.instance(name: "x1", type: "Activated")]))
        let lines = Mutex<[String]>([])
        let logger = VerboseLogger { line in lines.withLock { $0.append(line) } }
        let dashboard = try await withServers(graph, arm) {
            try await service(graph: $0, arm: $1, logger: logger).loadDashboard(.everything)
        }
        #expect(dashboard.failures.isEmpty)
        #expect(dashboard.azureUnavailable == nil)
        let azure = dashboard.eligibilities.filter { $0.target.kind == .azureRole }
        #expect(azure.map(\.target.scopeLabel) == ["Prod-Payments"])
        #expect(dashboard.eligibilities.count == azure.count + 2)
        #expect(dashboard.elevations.contains { $0.id == "x1" && $0.target.kind == .azureRole })
        #expect(arm.onTheWire.allSatisfy { $0.headers["Authorization"] == "Bearer arm-secret" })
        #expect(
            graph.recorded.filter { !$0.insideBatch }.allSatisfy {
                $0.headers["Authorization"] == "Bearer graph-secret"
            })
        let logged = lines.withLock { $0 }
        #expect(logged.contains { $0.hasPrefix("POST /batch?api-version=2020-06-01 200 ") })
        #expect(!logged.joined().contains("arm-secret"))
    }

    @Test func anAzureActivationGoesToArmWithMyGraphId() async throws {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        let arm = FakeARM()
        Script.scriptEligible(arm)
        let requests = Script.sub + Script.auth + "/roleAssignmentScheduleRequests/"
        arm.on(
            "PUT", prefix: requests, status: 201,
            fixture: "roleAssignmentScheduleRequests.selfActivate-pendingApproval.PUT.201.composed.json")
        let result = try await withServers(graph, arm) { graphURL, armURL in
            try await service(graph: graphURL, arm: armURL).activate(
                ActivationRequest(target: Script.target, justification: "INC-7", ticket: nil, duration: .hours(1)))
        }
        #expect(result.request.status == .pendingApproval)
        let put = try #require(arm.recorded("PUT").first)
        #expect(arm.recorded("PUT").count == 1)
        // A fresh lowercase GUID names the request.
        let name = String(put.target.dropFirst(requests.count).prefix { $0 != "?" })
        #expect(UUID(uuidString: name) != nil && name == name.lowercased())
        #expect(put.target.hasSuffix("?api-version=2020-10-01"))
        let properties = jsonObject(put.body)?["properties"] as? NSDictionary
        #expect(properties?["principalId"] as? String == "5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11")
        #expect(properties?["linkedRoleEligibilityScheduleId"] as? String == Script.schedule)
        #expect(put.headers["Authorization"] == "Bearer arm-secret")
    }
}
