import Foundation
import PIMDomain

/// The live `PIMService`: Microsoft Graph (or anything answering like it, such as the simulated
/// tenant) through a `Transport`, signed in through a `TokenProvider`.
///
/// Reads are batched (`$batch`, at most 20 per batch), collections are followed to their last page,
/// transient failures are retried under `configuration.retryPolicy`, and every failure surfaces as a
/// `PIMError` whose message names the next step.
public final class GraphPIMService: PIMService {
    public let configuration: GraphConfiguration
    let transport: any Transport
    let tokens: any TokenProvider
    let clock: any GraphClock
    let client: GraphClient
    /// The access review reads that follow a dashboard: the same service, with its own count of
    /// exchanges and round trips, since they overlap the dashboard's instead of adding to them.
    let followingClient: GraphClient
    let state = ServiceState()
    let hints: (any DashboardHintStore)?
    /// Azure resource roles, from Azure Resource Manager; nil when this service has none to offer.
    let azure: (any AzureRoleService)?

    /// - Parameters:
    ///   - configuration: the Graph root and retry/caching settings.
    ///   - transport: `CurlTransport` for the network, or the simulated tenant.
    ///   - tokens: `StaticTokenProvider`, `DeviceCodeSignIn` or `AzureCLITokenProvider`.
    ///   - clock: time and waiting (tests inject one that does not sleep).
    ///   - hints: what earlier runs learned, so a new process loads the dashboard in one round trip.
    ///   - azure: the Azure resource roles side (`ARMRoleService`), which every Azure target goes to.
    public init(
        configuration: GraphConfiguration, transport: any Transport, tokens: any TokenProvider,
        clock: any GraphClock = SystemClock(), hints: (any DashboardHintStore)? = nil,
        azure: (any AzureRoleService)? = nil
    ) {
        self.hints = hints
        self.azure = azure
        self.configuration = configuration
        self.transport = transport
        self.tokens = tokens
        self.clock = clock
        let makeClient = {
            GraphClient(
                baseURL: configuration.baseURL, transport: transport, tokens: tokens,
                retry: configuration.retryPolicy, clock: clock, timeout: configuration.requestTimeout,
                userAgent: configuration.userAgent, listingDeadline: configuration.listingDeadline)
        }
        self.client = makeClient()
        self.followingClient = makeClient()
    }

    /// HTTP exchanges made so far (each batch counts once).
    public var exchangeCount: Int {
        client.counter.value + followingClient.counter.value + (azure?.exchangeCount ?? 0)
    }

    /// Round trips made so far: exchanges one after another (the chunks of one batch, sent together, count
    /// once), without the access review reads that followed a dashboard (`followingRoundTripCount`).
    public var roundTripCount: Int { client.counter.rounds }

    /// Round trips of the access review reads that followed dashboards: the first of them goes out with a
    /// dashboard's second batch, so they end this many rounds after the dashboard's first.
    public var followingRoundTripCount: Int { followingClient.counter.rounds }

    public func currentUser() async throws -> Principal {
        let user = try client.decode(PrincipalDTO.self, from: try await client.send(Endpoints.me()))
        let me = user.principal(fallbackId: "")
        state.update { $0.me = me }
        return me
    }

    /// My object id (the `principalId` of self-service requests), read once.
    func myId() async throws -> String {
        if let me = state.read({ $0.me }), !me.id.isEmpty { return me.id }
        let me = try await currentUser()
        guard !me.id.isEmpty else {
            throw PIMError(.service, "Graph did not say who you are (/me has no id)", step: .signIn(.expired))
        }
        return me.id
    }

    /// Runs `body` and turns any error into a `PIMError`.
    func wrapped<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw PIMError.wrap(error) }
    }
}
