import Foundation
import PIMDomain

/// Where Graph lives and how to reach it.
public struct GraphConfiguration: Hashable, Sendable {
    /// Graph root without a version segment, e.g. `https://graph.microsoft.com`.
    public var baseURL: URL
    public init(baseURL: URL) { self.baseURL = baseURL }
}

/// The live `PIMService`: Microsoft Graph through a `Transport` (to be built out in PIMGraph).
public final class GraphPIMService: PIMService {
    public let configuration: GraphConfiguration
    let transport: any Transport
    let tokens: any TokenProvider

    public init(configuration: GraphConfiguration, transport: any Transport, tokens: any TokenProvider) {
        self.configuration = configuration
        self.transport = transport
        self.tokens = tokens
    }

    static func notYet() -> PIMError { PIMError(.other, "Not implemented yet.") }
    public func currentUser() async throws -> Principal { throw Self.notYet() }
    public func loadDashboard(_ options: DashboardOptions) async throws -> Dashboard { throw Self.notYet() }
    public func policies(for targets: [ElevationTarget]) async throws -> [TargetID: ActivationPolicy] { throw Self.notYet() }
    public func activate(_ request: ActivationRequest) async throws -> ActivationResult { throw Self.notYet() }
    public func preflight(_ request: ActivationRequest) async throws -> PreflightReport { throw Self.notYet() }
    public func deactivate(_ assignment: ActiveAssignment, justification: String?) async throws -> ElevationRequest { throw Self.notYet() }
    public func extend(_ assignment: ActiveAssignment, with request: ActivationRequest) async throws -> ActivationResult { throw Self.notYet() }
    public func cancel(_ request: ElevationRequest) async throws { throw Self.notYet() }
    public func myRequests() async throws -> [ElevationRequest] { throw Self.notYet() }
    public func pendingApprovals() async throws -> [ApprovalItem] { throw Self.notYet() }
    public func decide(_ item: ApprovalItem, _ decision: ApprovalDecision, justification: String) async throws { throw Self.notYet() }
    public func tenantElevations() async throws -> [ActiveAssignment] { throw Self.notYet() }
    public func auditHistory(_ query: AuditQuery) async throws -> [AuditEvent] { throw Self.notYet() }
}
