import Foundation
import PIMDomain

/// The live `AzureRoleService`: Azure resource roles through Azure Resource Manager's PIM API
/// (docs: arm-pim-contract.md), over the same HTTP core as Graph (`GraphClient` in its `.arm` dialect:
/// tokens, retries with `Retry-After`, one renewal on 401, write safety, paging, deadlines, host checks).
///
/// Reads go out as ARM `/batch` rounds; writes are PUTs of schedule requests named by a fresh GUID at
/// the scope the service reported. Nothing is sent twice: an already active or pending role is refused
/// before sending, and an unknown outcome is looked up among my requests before anything goes again.
public final class ARMRoleService: AzureRoleService {
    public let configuration: ARMConfiguration
    let client: GraphClient
    let clock: any GraphClock
    let state = ARMServiceState()
    /// Makes request names; a fresh lowercase GUID each (tests inject a sequence).
    let newName: @Sendable () -> String

    public convenience init(
        configuration: ARMConfiguration, transport: any Transport, tokens: any TokenProvider,
        clock: any GraphClock = SystemClock()
    ) {
        self.init(
            configuration: configuration, transport: transport, tokens: tokens, clock: clock,
            newName: { UUID().uuidString.lowercased() })
    }

    init(
        configuration: ARMConfiguration, transport: any Transport, tokens: any TokenProvider,
        clock: any GraphClock, newName: @escaping @Sendable () -> String
    ) {
        self.configuration = configuration
        self.clock = clock
        self.newName = newName
        var client = GraphClient(
            baseURL: configuration.baseURL, transport: transport, tokens: tokens, retry: configuration.retryPolicy,
            clock: clock, timeout: configuration.requestTimeout, userAgent: configuration.userAgent,
            listingDeadline: configuration.listingDeadline)
        client.dialect = .arm
        self.client = client
    }

    public var exchangeCount: Int { client.counter.value }

    /// Round trips made so far (the chunks of one batch, sent together, count once).
    public var roundTripCount: Int { client.counter.rounds }

    /// The dashboard of a service that has no earlier run's hints (tests, and reads that need none).
    func dashboard(_ options: DashboardOptions) async -> AzureDashboard { await dashboard(options, hints: nil) }

    var batch: ARMBatchSender { ARMBatchSender(client: client, state: state) }

    /// A token failure or any sign-in failure for ARM: Azure roles are then unavailable, not failed.
    static func isAccessFailure(_ error: PIMError) -> Bool {
        if case .getAzureAccess = error.step { return true }
        return error.kind == .signInRequired
    }

    /// The list in `responses[name]`, every page of it, or why it could not be read.
    func list<T: Decodable>(
        _ type: T.Type, _ name: String, in responses: [String: HTTPResponse], started: Date
    ) async -> Result<[T], PIMError> {
        guard let response = responses[name] else {
            return .failure(
                PIMError(.service, "Azure Resource Manager's batch answer left out a request", step: .tryAgain))
        }
        do { return .success(try await client.collect(T.self, from: response, started: started)) } catch {
            return .failure(PIMError.wrap(error))
        }
    }

    /// Subscription and management group names, read fresh when older than the cache time.
    func scopeNames(from responses: [String: HTTPResponse], started: Date) async -> ARMScopeNames {
        let subscriptions = try? await list(ARMSubscriptionDTO.self, "subscriptions", in: responses, started: started)
            .get()
        let groups = try? await list(ARMManagementGroupDTO.self, "managementGroups", in: responses, started: started)
            .get()
        if subscriptions != nil || groups != nil {
            let read = ARMScopeNames(subscriptions: subscriptions ?? [], managementGroups: groups ?? [])
            let now = clock.now()
            state.update { state in
                state.names.merge(read)
                if let subscriptions {
                    state.subscriptionIds = subscriptions.map(\.subscriptionId)
                    state.namesReadAt = now
                }
            }
        }
        return state.read(\.names)
    }

    /// Whether two scope ids name the same scope (alias and case aside).
    static func sameScope(_ a: String?, _ b: String?) -> Bool {
        ARMServiceState.scopeKey(a ?? "/") == ARMServiceState.scopeKey(b ?? "/")
    }

    /// Whether an instance or request is for `target` (same role, same scope).
    static func isFor(_ target: TargetID, role: String, scope: String) -> Bool {
        role.caseInsensitiveCompare(target.resourceId) == .orderedSame && sameScope(scope, target.scope)
    }

    /// "Contributor at Prod-Payments", for sentences.
    static func describe(_ target: ElevationTarget) -> String {
        "\(Sanitizer.sanitize(target.displayName)) at \(Sanitizer.sanitize(target.scopeLabel))"
    }
}
