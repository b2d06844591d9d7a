import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Synchronization
import Testing

/// Azure roles through the real HTTP stack: the simulated tenant served on two 127.0.0.1 servers
/// (one standing for Graph, one for Azure Resource Manager), the live service over `CurlTransport`.
@Suite struct ARMLoopbackTests {
    /// One tenant, its two servers, and the service as a persona.
    struct Stack {
        let clock = ManualClock(Date())
        let tenant: SimulatedTenant
        /// What `--verbose` would print, from both transports.
        let log = LineLog()
        let graph: TenantServer
        let arm: TenantServer

        init(pageSize: Int = 50) throws {
            let clock = self.clock
            tenant = try SimulatedTenant(
                configuration: SimulatorConfiguration(stateFile: nil, pageSize: pageSize, now: { clock.now() }))
            graph = try TenantServer(tenant: tenant)
            arm = try TenantServer(tenant: tenant)
        }

        func service(as persona: String) -> GraphPIMService {
            let retry = RetryPolicy(maxAttempts: 3, deadline: 120, baseDelay: 1, maxDelay: 30)
            let azure = ARMRoleService(
                configuration: ARMConfiguration(baseURL: arm.baseURL, retryPolicy: retry, requestTimeout: 20),
                transport: CurlTransport(logger: VerboseLogger { [log] in log.append($0) }),
                tokens: tenant.signIn(as: persona, for: .azureResourceManager),
                clock: clock)
            return GraphPIMService(
                configuration: GraphConfiguration(baseURL: graph.baseURL, retryPolicy: retry, requestTimeout: 20),
                transport: CurlTransport(logger: VerboseLogger { [log] in log.append($0) }),
                tokens: tenant.signIn(as: persona), clock: clock, azure: azure)
        }

        func stop() {
            graph.stop()
            arm.stop()
        }

        static func contributor(_ service: GraphPIMService) async throws -> RoleEntry {
            let entries = try await service.loadDashboard(.rolesOnly).roleEntries
            return try #require(
                entries.first {
                    $0.target.kind == .azureRole && $0.target.displayName == "Contributor"
                        && $0.target.scopeName == "Prod-Payments"
                })
        }

        static func activation(_ entry: RoleEntry) -> ActivationRequest {
            ActivationRequest(
                target: entry.target, justification: "INC-1: fix", ticket: TicketInfo(number: "INC-1", system: "SNOW"),
                duration: .hours(1))
        }
    }

    static func isARMPath(_ target: String) -> Bool {
        ["/providers/", "/subscriptions", "/batch"].contains { target.hasPrefix($0) }
    }

    static func armError(
        _ status: Int, _ code: String, _ message: String, headers: [String: String] = [:]
    )
        -> HTTPResponse
    {
        var all = headers
        all["Content-Type"] = "application/json"
        return HTTPResponse(
            status: status, headers: all, body: Data(#"{"error":{"code":"\#(code)","message":"\#(message)"}}"#.utf8))
    }

    @Test func dashboardActivationAndApprovalGoOverHTTPWithEachTokenToItsOwnHost() async throws {
        let stack = try Stack()
        defer { stack.stop() }
        let ada = stack.service(as: "ada")
        let dashboard = try await ada.loadDashboard(.everything)
        #expect(dashboard.failures.isEmpty, "\(dashboard.failures)")
        #expect(dashboard.eligibilities.filter { $0.target.kind == .azureRole }.count >= 12)
        #expect(dashboard.eligibilities.contains { $0.target.kind == .directoryRole })

        let entry = try await Stack.contributor(ada)
        let result = try await ada.activate(Stack.activation(entry))
        #expect([.provisioned, .granted].contains(result.request.status))
        #expect(try await Stack.contributor(ada).state == .active)

        let ben = stack.service(as: "ben")
        let queue = try await ben.pendingApprovals()
        let item = try #require(queue.first { $0.request.target.kind == .azureRole })
        try await ben.decide(item, .approve, justification: "Checked with the requester")
        #expect(try await ben.pendingApprovals().contains { $0.request.id == item.request.id } == false)

        // Each server saw only its own side's paths, and no token crossed between them.
        let armArrivals = stack.arm.arrivals, graphArrivals = stack.graph.arrivals
        #expect(!armArrivals.isEmpty && !graphArrivals.isEmpty)
        #expect(armArrivals.allSatisfy { Self.isARMPath($0.target) }, "\(armArrivals.map(\.target))")
        #expect(graphArrivals.allSatisfy { !Self.isARMPath($0.target) }, "\(graphArrivals.map(\.target))")
        let armTokens = Set(armArrivals.compactMap(\.authorization))
        let graphTokens = Set(graphArrivals.compactMap(\.authorization))
        #expect(armTokens.isDisjoint(with: graphTokens))
        // Neither token reaches the verbose log.
        let log = stack.log.lines.joined(separator: "\n")
        #expect(!log.isEmpty)
        for header in armTokens.union(graphTokens) {
            let token = String(header.dropFirst("Bearer ".count))
            #expect(!log.contains(token))
        }
        // The tenant refuses a token of the other audience with 401: none was refused.
        #expect(stack.tenant.recordedRequests().allSatisfy { $0.status != 401 })
        #expect((armArrivals + graphArrivals).allSatisfy { $0.status != 401 })
    }

    @Test func aThrottledActivationWaitsItsRetryAfterAndGoesOnce() async throws {
        let stack = try Stack()
        defer { stack.stop() }
        let ada = stack.service(as: "ada")
        let entry = try await Stack.contributor(ada)
        let throttled = Counter()
        stack.arm.script { request in
            guard request.method == "PUT", throttled.next() == 0 else { return nil }
            return Self.armError(
                429, "TooManyRequests", "The request is throttled.", headers: ["Retry-After": "7"])
        }
        let result = try await ada.activate(Stack.activation(entry))
        #expect([.provisioned, .granted].contains(result.request.status))
        #expect(stack.clock.sleeps.contains(7))
        let puts = stack.arm.arrivals.filter { $0.method == "PUT" }
        #expect(puts.map(\.status) == [429, 201])
        #expect(Set(puts.map { $0.target.split(separator: "?")[0] }).count == 1, "the retry reuses the request name")
        let created = stack.tenant.recordedRequests().filter { $0.method == "PUT" && $0.status == 201 }
        #expect(created.count == 1)
    }

    @Test func anAuthorizationFailedActivationIsOneSentenceNamingWhatAndWhere() async throws {
        let stack = try Stack()
        defer { stack.stop() }
        let ada = stack.service(as: "ada")
        let entry = try await Stack.contributor(ada)
        let scope = try #require(entry.target.id.scope)
        stack.arm.script { request in
            guard request.method == "PUT" else { return nil }
            return Self.armError(
                403, "AuthorizationFailed",
                "The client 'ada@contoso.com' with object id 'x' does not have authorization to perform action "
                    + "'Microsoft.Authorization/roleAssignmentScheduleRequests/write' over scope '\(scope)' or the "
                    + "scope is invalid. If access was recently granted, please refresh your credentials.")
        }
        let error = await #expect(throws: PIMError.self) { try await ada.activate(Stack.activation(entry)) }
        #expect(error?.kind == .forbidden)
        #expect(error?.event.contains("Microsoft.Authorization/roleAssignmentScheduleRequests/write") == true)
        #expect(error?.event.contains(scope) == true)
        #expect(error?.event.contains("\n") == false)
        #expect(stack.arm.arrivals.filter { $0.method == "PUT" }.count == 1, "a refusal is not sent again")
    }

    @Test func aHelpdeskSubscriptionThatRefusesLeavesTheOthersListed() async throws {
        let stack = try Stack()
        defer { stack.stop() }
        let hana = stack.service(as: "hana")
        let all = try await hana.tenantElevations().filter { $0.target.kind == .azureRole }
        let refused = try #require(all.first?.target.id.scope.flatMap { AzureScope($0).subscriptionId })
        stack.arm.rewrite { request, response in
            guard request.method == "POST", request.path == "/batch", let body = request.body else { return response }
            return Self.refusingBatchItems(body, response, containing: refused)
        }
        let some = try await hana.tenantElevations().filter { $0.target.kind == .azureRole }
        #expect(!some.isEmpty)
        #expect(some.count < all.count)
        #expect(some.allSatisfy { AzureScope($0.target.id.scope ?? "/").subscriptionId != refused })
    }

    @Test func aPageFailingHalfWayIsAnIncompleteListingNotAShorterOne() async throws {
        let stack = try Stack(pageSize: 4)
        defer { stack.stop() }
        let ada = stack.service(as: "ada")
        stack.arm.script { request in
            guard request.method == "GET", request.target.lowercased().contains("skiptoken"),
                request.path.hasSuffix("roleEligibilityScheduleInstances")
            else { return nil }
            return Self.armError(500, "InternalServerError", "An error has occurred.")
        }
        let dashboard = try await ada.loadDashboard(.rolesOnly)
        let failure = try #require(dashboard.failures[.azureRoles])
        #expect(failure.kind == .service)
        #expect(failure.httpStatus == 500)
        #expect(PIMError.incomplete(dashboard.failures).event.contains("so the listing is incomplete"))
        #expect(dashboard.eligibilities.filter { $0.target.kind == .azureRole }.isEmpty)
        #expect(stack.arm.arrivals.contains { $0.target.lowercased().contains("skiptoken") })
    }

    /// A batch answer with every item whose URL names `subscription` refused with 403 AuthorizationFailed:
    /// the batch itself is sent on to the tenant, then its items are rewritten.
    static func refusingBatchItems(
        _ body: Data, _ response: HTTPResponse, containing subscription: String
    )
        -> HTTPResponse
    {
        guard let sent = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let requests = sent["requests"] as? [[String: Any]],
            var answer = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
            let responses = answer["responses"] as? [[String: Any]]
        else { return response }
        let refusedNames = Set(
            requests.filter { ($0["url"] as? String)?.lowercased().contains(subscription.lowercased()) == true }
                .compactMap { $0["name"] as? String })
        answer["responses"] = responses.map { item -> [String: Any] in
            guard let name = item["name"] as? String, refusedNames.contains(name) else { return item }
            let message =
                "The client 'hana' does not have authorization to perform action "
                + "'Microsoft.Authorization/roleAssignments/read' over scope '/subscriptions/\(subscription)'."
            return [
                "name": name, "httpStatusCode": 403,
                "content": ["error": ["code": "AuthorizationFailed", "message": message]],
            ]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: answer) else { return response }
        return HTTPResponse(status: response.status, headers: response.headers, body: data)
    }
}

/// Counts calls from any thread.
final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int {
        value.withLock { v in
            defer { v += 1 }; return v
        }
    }
}
