import Foundation

/// The PIM service as the client needs it, in its own terms. `PIMGraph` provides the live implementation
/// (against Microsoft Graph or the simulated tenant); tests provide fakes. Every method throws `PIMError`.
public protocol PIMService: Sendable {
    /// The signed-in user (`/me`).
    func currentUser() async throws -> Principal

    /// Everything the dashboard shows, in as few round trips as possible. Sections that fail are
    /// reported in `Dashboard.failures`; only a failure of everything throws.
    func loadDashboard(_ options: DashboardOptions) async throws -> Dashboard

    /// Policies of the given targets (cached by the implementation).
    func policies(for targets: [ElevationTarget]) async throws -> [TargetID: ActivationPolicy]

    /// Sends `selfActivate` (or, with `validationOnly`, a validation-only request). Handles one
    /// step-up sign-in for MFA / authentication context and reports it in `notices`.
    func activate(_ request: ActivationRequest) async throws -> ActivationResult

    /// Asks the service to check every rule without creating anything.
    func preflight(_ request: ActivationRequest) async throws -> PreflightReport

    /// Sends `selfDeactivate` for an active assignment.
    func deactivate(_ assignment: ActiveAssignment, justification: String?) async throws -> ElevationRequest

    /// Extends an active elevation to `request.duration` from now (see docs/decisions.md for how).
    func extend(_ assignment: ActiveAssignment, with request: ActivationRequest) async throws -> ActivationResult

    /// Cancels one of my pending requests.
    func cancel(_ request: ElevationRequest) async throws

    /// My requests, newest first.
    func myRequests() async throws -> [ElevationRequest]

    /// Requests waiting for my decision (roles and groups), oldest first, with their approvals.
    func pendingApprovals() async throws -> [ApprovalItem]

    /// Approves or denies. A request decided or cancelled meanwhile throws `.alreadyDecided`, with
    /// `outcome` saying what became of it when the service could tell.
    func decide(_ item: ApprovalItem, _ decision: ApprovalDecision, justification: String) async throws

    /// Why a request id is not among the requests waiting for my decision: the `.alreadyDecided`
    /// error naming what became of it, or nil when the service cannot tell (unknown id).
    func whyNotWaiting(requestId: String) async -> PIMError?

    /// Every active elevation in the tenant that I can see (roles and groups), soonest end first.
    func tenantElevations() async throws -> [ActiveAssignment]

    /// PIM audit events: mine, or (`tenantWide`) the tenant's.
    func auditHistory(_ query: AuditQuery) async throws -> [AuditEvent]

    /// Why the listings so far left Azure roles out (no Azure Resource Manager token), to say once;
    /// nil when they did not.
    func azureUnavailability() async -> PIMError?
}

extension PIMService {
    /// Services that cannot read one request by id (test fakes) know nothing more.
    public func whyNotWaiting(requestId: String) async -> PIMError? { nil }

    /// Services without Azure roles never leave them out.
    public func azureUnavailability() async -> PIMError? { nil }
}

/// Which dashboard sections to load.
public struct DashboardOptions: Hashable, Sendable {
    public var includeApprovals: Bool
    public var includeElevations: Bool
    public var includeHistory: Bool
    public var includePolicies: Bool
    /// The access review decisions I review (services that have them).
    public var includeAccessReviews: Bool

    public init(
        includeApprovals: Bool = true, includeElevations: Bool = true, includeHistory: Bool = true,
        includePolicies: Bool = true, includeAccessReviews: Bool = true
    ) {
        self.includeApprovals = includeApprovals
        self.includeElevations = includeElevations
        self.includeHistory = includeHistory
        self.includePolicies = includePolicies
        self.includeAccessReviews = includeAccessReviews
    }

    public static let everything = DashboardOptions()
    public static let rolesOnly = DashboardOptions(
        includeApprovals: false, includeElevations: false, includeHistory: false, includeAccessReviews: false)
}

/// One section of the dashboard, to report partial failures.
public enum DashboardSection: String, Hashable, Sendable, Codable, CaseIterable {
    case me, eligibleRoles, activeRoles, eligibleGroups, activeGroups, myRequests, approvals, elevations, history,
        policies
    /// My eligible and active Azure roles (Azure Resource Manager).
    case azureRoles
    /// The access review decisions I review.
    case accessReviews
}

/// What the dashboard shows, loaded together.
public struct Dashboard: Hashable, Sendable {
    public var me: Principal
    public var eligibilities: [Eligibility]
    /// My active assignments (activated and permanent).
    public var active: [ActiveAssignment]
    public var myRequests: [ElevationRequest]
    public var approvals: [ApprovalItem]
    /// The tenant's active elevations; empty when not loaded or not permitted (see `failures`).
    public var elevations: [ActiveAssignment]
    public var history: [AuditEvent]
    public var policies: [TargetID: ActivationPolicy]
    /// Sections that could not be loaded, with why.
    public var failures: [DashboardSection: PIMError]
    /// Why Azure roles are missing altogether (no Azure Resource Manager token could be had), to say once;
    /// nil when they were read (or failed in a way `failures` reports). Not a failure: directory roles
    /// and groups are whole without them.
    public var azureUnavailable: PIMError?
    /// HTTP exchanges this load took (for the benchmark and the verbose log).
    public var requestCount: Int
    /// What each of my groups gives (group id → the directory and Azure roles the group holds). Best
    /// effort: never a reason for the dashboard to fail.
    public var confers: [String: [ConferredRole]]
    /// Why what groups give could not be read (wholly or partly); nil when it was.
    public var confersUnread: PIMError?
    /// The access review decisions I review in reviews in progress (see `failures[.accessReviews]`).
    public var accessReviews: [AccessReviewDecision]
    /// The access reviews are still being read and follow the dashboard (`FollowingAccessReviews`):
    /// their chain of reads needed more round trips than the rest, so `accessReviews` is empty and says
    /// nothing yet.
    public var accessReviewsFollow: Bool

    public init(
        me: Principal, eligibilities: [Eligibility] = [], active: [ActiveAssignment] = [],
        myRequests: [ElevationRequest] = [], approvals: [ApprovalItem] = [],
        elevations: [ActiveAssignment] = [], history: [AuditEvent] = [],
        policies: [TargetID: ActivationPolicy] = [:], failures: [DashboardSection: PIMError] = [:],
        azureUnavailable: PIMError? = nil, requestCount: Int = 0,
        confers: [String: [ConferredRole]] = [:], confersUnread: PIMError? = nil,
        accessReviews: [AccessReviewDecision] = [], accessReviewsFollow: Bool = false
    ) {
        self.accessReviews = accessReviews
        self.accessReviewsFollow = accessReviewsFollow
        self.azureUnavailable = azureUnavailable
        self.confers = confers
        self.confersUnread = confersUnread
        self.me = me
        self.eligibilities = eligibilities
        self.active = active
        self.myRequests = myRequests
        self.approvals = approvals
        self.elevations = elevations
        self.history = history
        self.policies = policies
        self.failures = failures
        self.requestCount = requestCount
    }
}

/// The outcome of an activation or extension.
public struct ActivationResult: Hashable, Sendable {
    public var request: ElevationRequest
    /// Things the user should know: "Signed in again to satisfy authentication context c1.", …
    public var notices: [String]

    public init(request: ElevationRequest, notices: [String] = []) {
        self.request = request
        self.notices = notices.map(SecretMask.mask)
    }
}

/// Which audit events to read.
public struct AuditQuery: Hashable, Sendable {
    /// Only events at or after this date.
    public var since: Date?
    /// The tenant's PIM audit log (needs audit permissions) instead of my own history.
    public var tenantWide: Bool
    public var limit: Int?

    public init(since: Date? = nil, tenantWide: Bool = false, limit: Int? = nil) {
        self.since = since
        self.tenantWide = tenantWide
        self.limit = limit
    }
}
