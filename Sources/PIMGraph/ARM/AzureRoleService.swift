import Foundation
import PIMDomain

/// Azure resource roles (Azure RBAC through PIM), which Azure Resource Manager serves rather than Graph.
/// `GraphPIMService` hands every Azure target and the Azure part of each listing to one of these, so the
/// fronts keep speaking to one `PIMService`. `ARMRoleService` is the live one; `principalId` is the
/// caller's object id (read once from Graph's `/me`), which ARM's self-service requests carry.
public protocol AzureRoleService: Sendable {
    /// The Azure part of the dashboard, read in one round trip where ARM allows (its own batch), while
    /// the Graph batch is in flight. Never throws: what failed is in `failures`, and a missing token in
    /// `unavailable`. `hints`: what an earlier run learned (see `AzureDashboardHints`), used only by a
    /// service that has learned nothing yet.
    func dashboard(_ options: DashboardOptions, hints: AzureDashboardHints?) async -> AzureDashboard

    /// Policies of Azure targets, from each scope's role management policy assignments (cached).
    func policies(for targets: [ElevationTarget]) async throws -> [TargetID: ActivationPolicy]

    func activate(_ request: ActivationRequest, principalId: String) async throws -> ActivationResult
    func preflight(_ request: ActivationRequest, principalId: String) async throws -> PreflightReport
    func deactivate(
        _ assignment: ActiveAssignment, justification: String?, principalId: String
    ) async throws -> ElevationRequest
    func extend(
        _ assignment: ActiveAssignment, with request: ActivationRequest, principalId: String
    ) async throws -> ActivationResult
    func cancel(_ request: ElevationRequest) async throws

    /// My Azure requests (`asRequestor()`), newest first; decided ones with who decided and why.
    func myRequests() async throws -> [ElevationRequest]
    /// Decided Azure requests I may approve (`asApprover()`), each with its review: whoever decided them.
    /// The caller keeps those whose reviewer is me.
    func decidedRequests() async throws -> [ElevationRequest]
    /// `requests` with who decided the decided ones and why, each approval read once per process; one
    /// whose approval cannot be read is left without a review (asked again next time).
    func withReviews(_ requests: [ElevationRequest]) async -> [ElevationRequest]
    /// Azure requests waiting for my decision, with their approvals.
    func pendingApprovals() async throws -> [ApprovalItem]
    func decide(
        _ item: ApprovalItem, _ decision: ApprovalDecision, justification: String, principalId: String?
    ) async throws
    /// What became of an Azure request id that does not wait for me; nil when ARM does not know it.
    /// `principalId` (when known) lets the answer say "approved by you".
    func whyNotWaiting(requestId: String, principalId: String?) async -> PIMError?
    /// Active Azure elevations (`Activated`) in the subscriptions I can read, soonest end first.
    func tenantElevations() async throws -> [ActiveAssignment]

    /// HTTP exchanges made so far, for the benchmark and `--verbose` totals.
    var exchangeCount: Int { get }
}

/// The Azure part of the dashboard.
public struct AzureDashboard: Sendable {
    public var eligibilities: [Eligibility]
    public var active: [ActiveAssignment]
    public var myRequests: [ElevationRequest]
    public var approvals: [ApprovalItem]
    public var elevations: [ActiveAssignment]
    public var policies: [TargetID: ActivationPolicy]
    /// Sections that could not be read (`.azureRoles`, `.myRequests`, `.approvals`, `.elevations`,
    /// `.policies`), with why.
    public var failures: [DashboardSection: PIMError]
    /// Why nothing Azure could be read at all (no ARM token): said once, not a failure.
    public var unavailable: PIMError?
    /// What the next run should ask for in its first batch; nil when this read could not tell.
    public var hints: AzureDashboardHints?

    public init(
        eligibilities: [Eligibility] = [], active: [ActiveAssignment] = [], myRequests: [ElevationRequest] = [],
        approvals: [ApprovalItem] = [], elevations: [ActiveAssignment] = [],
        policies: [TargetID: ActivationPolicy] = [:], failures: [DashboardSection: PIMError] = [:],
        unavailable: PIMError? = nil
    ) {
        self.eligibilities = eligibilities
        self.active = active
        self.myRequests = myRequests
        self.approvals = approvals
        self.elevations = elevations
        self.policies = policies
        self.failures = failures
        self.unavailable = unavailable
    }
}

/// What one run learned that lets the next ask ARM for everything in its first batch: the scopes whose
/// role policies my roles need, and the subscriptions whose elevations the helpdesk view lists. Both
/// arrive only with a first answer, so without them a new process needs a second round trip.
public struct AzureDashboardHints: Codable, Hashable, Sendable {
    public var policyScopes: [String]
    public var subscriptions: [String]

    public init(policyScopes: [String], subscriptions: [String]) {
        self.policyScopes = policyScopes
        self.subscriptions = subscriptions
    }
}
