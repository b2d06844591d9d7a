import Foundation
import PIMGraph
import Synchronization

/// The simulated Entra tenant: answers Graph HTTP requests (v1.0 and beta, any host) the way the
/// service does — same paths, shapes, status codes and error envelope — and enforces PIM's rules.
/// It sits behind the client's `Transport`, so the client cannot tell it from Graph except by the data.
public final class SimulatedTenant: Transport {
    public static let personas: [Persona] = Persona.all

    public let configuration: SimulatorConfiguration
    /// The persona the tenant was opened for (`--as`); `signIn()` signs them in.
    public let persona: Persona
    let store: TenantStore
    private let runtime: Mutex<Runtime>

    struct Runtime {
        var clockOffset: TimeInterval = 0
        var faults: SplitMix64
        var recorded: [RecordedRequest] = []
    }

    public init(configuration: SimulatorConfiguration) throws {
        self.configuration = configuration
        persona = try Self.persona(named: configuration.persona)
        // Refused before any exchange, so the user reads the reason rather than a server error.
        if let file = configuration.stateFile { try StateFileGuard.check(file) }
        let scale = configuration.scale
        store = TenantStore(
            file: configuration.stateFile, scale: scale,
            seed: { now in TenantSeed.make(now: now, scale: scale) }, report: configuration.report)
        runtime = Mutex(Runtime(faults: SplitMix64(seed: configuration.seed)))
        if configuration.stateFile == nil {
            // Seed now, relative to the clock at creation, so tests see a fixed starting point.
            try store.transact(now: configuration.now()) { _ in () }
        }
    }

    /// An in-memory tenant (tests): `stateFile` nil, no latency, no faults.
    public convenience init(
        now: @escaping @Sendable () -> Date = { Date() }, persona: String = SimulatorConfiguration.defaultPersona,
        pageSize: Int = 50
    ) throws {
        try self.init(
            configuration: SimulatorConfiguration(stateFile: nil, persona: persona, pageSize: pageSize, now: now))
    }

    /// An in-memory tenant for the default persona on the real clock (cannot fail: the seed is built in).
    public convenience init() {
        // The default persona always exists and an in-memory store performs no I/O, so this cannot throw.
        try! self.init(configuration: SimulatorConfiguration(stateFile: nil))
    }

    /// The persona with this short name (`ada`), or an error listing the valid ones.
    public static func persona(named name: String) throws -> Persona {
        guard let p = personas.first(where: { $0.id.caseInsensitiveCompare(name) == .orderedSame }) else {
            throw SimulatorError.unknownPersona(name, valid: personas.map(\.id))
        }
        return p
    }

    /// Deletes the persisted state (under its lock): the next request seeds a fresh tenant.
    public static func reset(stateFile: URL) throws {
        try TenantStore(file: stateFile, scale: 0, seed: { TenantSeed.make(now: $0, scale: 0) }, report: { _ in })
            .reset()
    }

    // MARK: sign-in

    /// Signs in the persona the tenant was opened for.
    public func signIn() -> SimulatedSignIn { SimulatedSignIn(persona: persona) }

    /// Signs in the persona the tenant was opened for, for one resource (Graph or Azure Resource Manager).
    public func signIn(for audience: SimulatedAudience) -> SimulatedSignIn {
        SimulatedSignIn(persona: persona, audience: audience)
    }

    /// Signs in another persona by short name for one resource.
    public func signIn(as name: String, for audience: SimulatedAudience) -> SimulatedSignIn {
        SimulatedSignIn(persona: signIn(as: name).persona, audience: audience)
    }

    /// Signs in another persona by short name. An unknown name yields a sign-in whose tokens the
    /// tenant refuses (401), as a real tenant refuses an unknown account.
    public func signIn(as name: String) -> SimulatedSignIn {
        let p =
            (try? Self.persona(named: name))
            ?? Persona(
                id: name, displayName: name, userPrincipalName: "\(name)@\(TenantSeed.domain)",
                objectId: "00000000-0000-0000-0000-000000000000", summary: "")
        return SimulatedSignIn(persona: p)
    }

    // MARK: clock and recording (tests)

    /// The tenant's current time: the configured clock plus any `advanceClock(by:)`.
    public var now: Date {
        let offset = runtime.withLock { $0.clockOffset }
        return configuration.now().addingTimeInterval(offset)
    }

    /// Moves the tenant's clock forward (activations expire, approvals time out as time passes).
    public func advanceClock(by seconds: TimeInterval) {
        runtime.withLock { $0.clockOffset += seconds }
    }

    /// Every exchange so far (and each `$batch` item), oldest first.
    public func recordedRequests() -> [RecordedRequest] { runtime.withLock { $0.recorded } }

    public func clearRecordedRequests() { runtime.withLock { $0.recorded.removeAll() } }

    /// Recording is for tests; a long demo session keeps only the latest exchanges.
    static let recordLimit = 5000

    func record(_ entry: RecordedRequest) {
        runtime.withLock { r in
            r.recorded.append(entry)
            if r.recorded.count > Self.recordLimit { r.recorded.removeFirst(r.recorded.count - Self.recordLimit) }
        }
    }

    func nextFaultDraw() -> (draw: Double, coin: Bool, retryAfter: Int) {
        runtime.withLock { r in
            let draw = r.faults.nextUnit()
            let coin = r.faults.next() % 2 == 0
            let retry = 1 + Int(r.faults.next() % 3)
            return (draw, coin, retry)
        }
    }

    // MARK: Transport

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if configuration.latencyMilliseconds > 0 {
            let latency = Double(configuration.latencyMilliseconds) / 1000
            if latency >= request.timeout {
                // Slower than the client is willing to wait: it gives up, as over a real network.
                try await Task.sleep(for: .seconds(request.timeout))
                throw TransportError(
                    .timedOut, "The request timed out after \(request.timeout) seconds.", requestMayHaveBeenSent: true)
            }
            try await Task.sleep(for: .milliseconds(configuration.latencyMilliseconds))
        }
        var generator = SystemRandomNumberGenerator()
        let requestId = StableID.random(using: &generator)
        let clientRequestId = request.header("client-request-id") ?? StableID.random(using: &generator)
        var origin = "https://graph.microsoft.com"
        if let scheme = request.url.scheme, let host = request.url.host {
            origin = "\(scheme)://\(host)" + (request.url.port.map { ":\($0)" } ?? "")
        }
        let exchange = Exchange(requestId: requestId, clientRequestId: clientRequestId, now: now, origin: origin)
        guard !configuration.faults.isEmpty else { return handle(request, exchange) }
        let (draw, coin, retryAfter) = nextFaultDraw()
        guard let fault = configuration.faults.fault(for: draw) else { return handle(request, exchange) }
        return try inject(fault, into: request, exchange, performWrite: coin, retryAfter: retryAfter)
    }
}
