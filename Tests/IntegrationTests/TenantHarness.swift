import Foundation
import PIMDomain
import PIMGraph
import PIMSimulator

/// The Graph client over the simulated tenant, in memory, as each persona.
struct TenantHarness {
    let clock = TestClock()
    let tenant: SimulatedTenant

    init() throws {
        let clock = self.clock
        tenant = try SimulatedTenant(configuration: SimulatorConfiguration(stateFile: nil, now: { clock.now() }))
    }

    /// The live service as `persona` (`ada` requester, `ben` approver, `hana` helpdesk).
    func service(as persona: String) -> GraphPIMService {
        GraphPIMService(
            configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
            transport: tenant, tokens: tenant.signIn(as: persona), clock: clock)
    }

    /// My roles as `service` sees them now.
    static func entries(_ service: GraphPIMService) async throws -> [RoleEntry] {
        try await service.loadDashboard(.rolesOnly).roleEntries
    }

    /// The first activatable row whose policy matches.
    static func activatable(
        _ service: GraphPIMService, where matches: (ActivationPolicy) -> Bool
    ) async throws -> RoleEntry {
        let entries = try await entries(service)
        guard let entry = entries.first(where: { $0.canActivate && $0.policy.map(matches) == true }) else {
            throw PIMError(
                .other, "The seed has no activatable target with such a policy: \(entries.map(\.target.displayName)).")
        }
        return entry
    }

    /// A request satisfying the policy of `entry` for `duration` (capped at the maximum).
    static func request(for entry: RoleEntry, duration: ActivationDuration = .hours(1)) -> ActivationRequest {
        let policy = entry.policy ?? ActivationPolicy()
        return ActivationRequest(
            target: entry.target, justification: "INC-4821: investigate sign-in anomalies",
            ticket: policy.requiresTicket ? TicketInfo(number: "INC-4821", system: "ServiceNow") : nil,
            duration: policy.cappedDuration(duration))
    }

    static func simple(_ policy: ActivationPolicy) -> Bool {
        !policy.requiresApproval && !policy.requiresStepUp
    }
}
