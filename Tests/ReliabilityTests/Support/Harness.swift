import Foundation
import PIMDomain
import PIMGraph
import Synchronization

/// A clock that never sleeps: waiting moves time forward and is recorded.
final class ManualClock: GraphClock, Sendable {
    private let state: Mutex<(now: Date, sleeps: [Double])>
    init(_ now: Date = Date(timeIntervalSince1970: 1_767_686_400)) { state = Mutex((now, [])) }  // 2026-01-06T08:00:00Z
    func now() -> Date { state.withLock { $0.now } }
    func sleep(seconds: Double) async throws {
        state.withLock {
            $0.now += seconds; $0.sleeps.append(seconds)
        }
    }
    var sleeps: [Double] { state.withLock { $0.sleeps } }
    /// Time passing without pim waiting: a slow answer.
    func advance(by seconds: Double) { state.withLock { $0.now += seconds } }
}

/// Lines written by a `VerboseLogger` (or anything else that logs).
final class LineLog: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

/// Hands out `first` until Graph rejects it, then `renewed`; a claims request gets a stepped-up token.
/// Counts every call, so tests see exactly one refresh and one step-up.
final class CountingTokens: TokenProvider, Sendable {
    private struct Calls { var plain = 0; var claims: [String] = []; var rejected: [String] = []; var current: String }
    private let calls: Mutex<Calls>
    private let renewed: String

    init(first: String = "good-token", renewed: String = "fresh-token") {
        calls = Mutex(Calls(current: first))
        self.renewed = renewed
    }

    func accessToken(claims: String?) async throws -> String {
        calls.withLock { calls in
            if let claims { calls.claims.append(claims); return "stepped-up-token" }
            calls.plain += 1
            return calls.current
        }
    }

    func tokenRejected(_ token: String) async {
        calls.withLock { calls in
            calls.rejected.append(token)
            if calls.current == token { calls.current = renewed }
        }
    }

    var plainCalls: Int { calls.withLock { $0.plain } }
    var claimsAsked: [String] { calls.withLock { $0.claims } }
    var rejected: [String] { calls.withLock { $0.rejected } }
}

/// A Graph tenant behind a real local HTTP server, and the live service talking to it through
/// `CurlTransport` with short timeouts and a clock that does not sleep.
struct Harness {
    static let timeout = 1.0
    static let retry = RetryPolicy(maxAttempts: 3, deadline: 60, baseDelay: 1, maxDelay: 30)

    let clock = ManualClock()
    let graph: FaultGraph
    let server: FaultServer
    let tokens: CountingTokens
    let service: GraphPIMService
    let log = LineLog()

    init(
        tokens: CountingTokens = CountingTokens(), retry: RetryPolicy = Harness.retry,
        bodyLimit: Int = CurlTransport.bodyLimit
    ) throws {
        graph = FaultGraph(now: clock.now())
        server = try graph.server()
        self.tokens = tokens
        let logger = VerboseLogger { [log] line in log.append(line) }
        service = GraphPIMService(
            configuration: GraphConfiguration(
                baseURL: server.baseURL, retryPolicy: retry, requestTimeout: Self.timeout),
            transport: CurlTransport(logger: logger, bodyLimit: bodyLimit), tokens: tokens, clock: clock)
    }

    var verboseLines: [String] { log.lines }

    static let role = ElevationTarget(id: .role(FaultGraph.roleId), displayName: "Global Reader")
    static let activation = ActivationRequest(
        target: role, justification: "INC-42 disk full", ticket: nil, duration: .hours(1))

    /// The reads of `DashboardOptions.lean`: who I am, my roles, groups and requests.
    static let lean = DashboardOptions(
        includeApprovals: false, includeElevations: false, includeHistory: false, includePolicies: false,
        includeAccessReviews: false)

    /// Routes every read of the lean dashboard; one eligible role.
    func scriptDashboard() {
        graph.on(
            "GET",
            "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')",
            json: Self.eligibleRoles)
        graph.on(
            "GET", Harness.activeRolesPath,
            json: Self.empty)
        graph.on(
            "GET",
            """
            /v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances\
            /filterByCurrentUser(on='principal')
            """,
            json: Self.empty)
        graph.on(
            "GET",
            """
            /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleInstances\
            /filterByCurrentUser(on='principal')
            """,
            json: Self.empty)
        graph.on(
            "GET",
            """
            /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests\
            /filterByCurrentUser(on='principal')
            """,
            json: Self.empty)
    }

    func stop() { server.stop() }

    static let empty = #"{"value":[]}"#
    /// My active roles, as the dashboard's batch asks for them (the query aside).
    static let activeRolesPath =
        "/v1.0/roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')"
    static let eligibleRoles = eligibleRolesPage(ids: ["e1"], next: nil)

    static func eligibleRolesPage(ids: [String], next: String?) -> String {
        let items = ids.map { id in
            #"""
            {"id":"\#(id)","principalId":"\#(FaultGraph.me)","roleDefinitionId":"\#(FaultGraph.roleId)",\#
            "directoryScopeId":"/","startDateTime":"2026-01-05T09:00:00Z","endDateTime":null,"memberType":"Direct",\#
            "roleDefinition":{"id":"\#(FaultGraph.roleId)","displayName":"Global Reader \#(id)"}}
            """#
        }
        let link = next.map { #""@odata.nextLink":"\#($0)","# } ?? ""
        return #"{\#(link)"value":[\#(items.joined(separator: ","))]}"#
    }
}

/// The PIMError a call threw (or a recorded issue when it succeeded or threw something else).
func pimError<T>(_ body: () async throws -> T) async -> PIMError? {
    do {
        _ = try await body()
        return nil
    } catch let error as PIMError {
        return error
    } catch {
        return PIMError(.other, "not a PIMError: \(error)")
    }
}
