import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator
import Synchronization

/// Signs in through the simulated tenant and counts step-up sign-ins (a claims challenge answered);
/// `refuseStepUp` stands for a user who cancels the prompt.
final class CountingSignIn: TokenProvider, Sendable {
    private let inner: SimulatedSignIn
    private let refuseStepUp: Bool
    private let stepUps = Atomic<Int>(0)

    init(_ inner: SimulatedSignIn, refuseStepUp: Bool = false) {
        self.inner = inner
        self.refuseStepUp = refuseStepUp
    }

    func accessToken(claims: String?) async throws -> String {
        if let claims, !claims.isEmpty {
            stepUps.add(1, ordering: .sequentiallyConsistent)
            if refuseStepUp {
                throw PIMError(.signInRequired, "The sign-in prompt was cancelled.", step: .signIn(.stepUp))
            }
        }
        return try await inner.accessToken(claims: claims)
    }

    var stepUpCount: Int { stepUps.load(ordering: .sequentiallyConsistent) }
}

extension TenantHarness {
    static let armURL = URL(string: "https://management.azure.com")!

    /// The live service as `persona` with Azure roles: Graph and ARM both answered by the one tenant.
    func azureService(as persona: String, armTokens: (any TokenProvider)? = nil) -> GraphPIMService {
        let azure = ARMRoleService(
            configuration: ARMConfiguration(baseURL: Self.armURL), transport: tenant,
            tokens: armTokens ?? tenant.signIn(as: persona, for: .azureResourceManager), clock: clock)
        return GraphPIMService(
            configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
            transport: tenant, tokens: tenant.signIn(as: persona), clock: clock, azure: azure)
    }

    /// The Azure row for `role` at the scope named `scopeName` (a subscription's or resource's name).
    static func azureEntry(_ service: GraphPIMService, _ role: String, at scopeName: String) async throws -> RoleEntry {
        let entries = try await entries(service)
        guard
            let entry = entries.first(where: {
                $0.target.kind == .azureRole && $0.target.displayName == role && $0.target.scopeName == scopeName
            })
        else {
            let rows = entries.map { "\($0.target.displayName)@\($0.target.scopeName ?? "-")" }
            throw PIMError(.other, "No Azure row \(role) at \(scopeName): \(rows).")
        }
        return entry
    }

    /// Every ARM request the tenant has recorded (paths outside Graph's `/v1.0` and `/beta`).
    func armRequests() -> [RecordedRequest] {
        tenant.recordedRequests().filter { !$0.path.hasPrefix("/v1.0") && !$0.path.hasPrefix("/beta") }
    }

    /// ARM writes recorded so far: PUT, PATCH, POST other than the read batch.
    func armWrites() -> [RecordedRequest] {
        armRequests().filter { $0.method != "GET" && $0.path != "/batch" }
    }
}
