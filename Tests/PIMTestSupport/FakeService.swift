import Foundation
import PIMDomain
import Synchronization

/// The in-memory PIM service the command line's and the interface's tests share: by default a small
/// tenant with roles and groups whose policies differ (or any `Dashboard`), that records what a front
/// sent and can be told to fail. Its clock is fixed: tests move time themselves.
public final class FakeService: PIMService, DecisionHistory {
    public struct State: Sendable {
        public var me = Principal(id: "u-ada", displayName: "Ada Lovelace", userPrincipalName: "ada@contoso.test")
        public var eligibilities: [Eligibility] = []
        public var active: [ActiveAssignment] = []
        public var requests: [ElevationRequest] = []
        /// What `myDecisions()` answers: requests I approved or denied.
        public var myDecisions: [ElevationRequest] = []
        /// With `decideOnRead`: who decided and why, set on the requests it decides.
        public var reviewOnRead: Review?
        /// What `reviews(of:)` answers, by request id: what each request's approval says. A request not
        /// here is one whose approval could not be read.
        public var approvalReviews: [String: Review] = [:]
        /// The request ids each `reviews(of:)` call asked about, in order.
        public var reviewLookups: [[String]] = []
        public var approvals: [ApprovalItem] = []
        public var elevations: [ActiveAssignment] = []
        public var history: [AuditEvent] = []
        public var policies: [TargetID: ActivationPolicy] = [:]
        public var sent: [ActivationRequest] = []
        public var deactivated: [String] = []
        public var cancelled: [String] = []
        public var decisions: [(String, ApprovalDecision, String)] = []
        public var activationError: PIMError?
        /// Thrown by `decide` after the item leaves the list (another approver was first).
        public var decisionError: PIMError?
        /// Another process activates the same target just before this one's request arrives: the
        /// target becomes active (or, with approval, pending) and the service refuses with this code.
        public var lostRaceWith: String?
        public var failure: PIMError?
        /// Sections the dashboard reports as not loaded.
        public var sectionFailures: [DashboardSection: PIMError] = [:]
        /// Why Azure roles are missing (no Azure Resource Manager token): the dashboard says it, and a
        /// write on an Azure target throws it, as the live service does.
        public var azureUnavailable: PIMError?
        public var notices: [String] = []
        /// What each group gives (group id → roles), and why it could not be read.
        public var confers: [String: [ConferredRole]] = [:]
        public var confersUnread: PIMError?
        /// Status the next pending request takes when `myRequests` is read (approval arriving).
        public var decideOnRead: RequestStatus?
        public var auditQueries: [AuditQuery] = []
        /// Access review decisions I review (`accessReviewDecisions()`); `record` updates them.
        public var accessReviews: [AccessReviewDecision] = []
        /// Decision ids `record` does not record, with why (a bulk decision failing in part).
        public var refusedReviewIds: [String: PIMError] = [:]
        /// What `record` was asked to record: decision id, verdict, justification.
        public var recordedReviews: [(String, AccessReviewVerdict, String)] = []
        public var acceptedReviewScopes: [AccessReviewScope] = []
        /// How often the dashboard was loaded (a start, a refresh).
        public var dashboardLoads = 0
        public var nextId = 1
    }

    public let state: Mutex<State>
    public let now: Date

    /// The small tenant of `seed`, changed by `configure`.
    public init(now: Date, configure: (inout State) -> Void = { _ in }) {
        self.now = now
        var state = State()
        Self.seed(&state, now: now)
        configure(&state)
        self.state = Mutex(state)
    }

    /// Exactly `dashboard`'s tenant, nothing seeded.
    public init(_ dashboard: Dashboard, now: Date) {
        self.now = now
        state = Mutex(
            State(
                me: dashboard.me, eligibilities: dashboard.eligibilities, active: dashboard.active,
                requests: dashboard.myRequests, approvals: dashboard.approvals,
                elevations: dashboard.elevations, history: dashboard.history,
                policies: dashboard.policies, sectionFailures: dashboard.failures,
                azureUnavailable: dashboard.azureUnavailable, confers: dashboard.confers,
                confersUnread: dashboard.confersUnread))
    }

    public func read<T>(_ body: (State) -> T) -> T { state.withLock { body($0) } }

    public static let globalAdmin = ElevationTarget(
        id: .role("62e90394-69f5-4237-9190-012177145e10"),
        displayName: "Global Administrator",
        templateId: "62e90394-69f5-4237-9190-012177145e10")
    public static let exchangeAdmin = ElevationTarget(
        id: .role("29232cdf-9323-42fd-ade2-1d097af3e4de"),
        displayName: "Exchange Administrator")
    public static let reader = ElevationTarget(
        id: .role("88d8e3e3-8f55-4a1e-953a-9b9898b8876b"),
        displayName: "Directory Readers")
    public static let financeMember = ElevationTarget(id: .group("g-fin"), displayName: "Finance Admins")
    public static let financeOwner = ElevationTarget(id: .group("g-fin", owner: true), displayName: "Finance Admins")
    public static let japanese = ElevationTarget(id: .role("jp-1"), displayName: "日本語 管理者")

    public static func seed(_ state: inout State, now: Date) {
        let me = state.me
        for (index, target) in [globalAdmin, exchangeAdmin, reader, financeMember, financeOwner, japanese].enumerated()
        {
            state.eligibilities.append(Eligibility(id: "e\(index)", target: target, principalId: me.id))
        }
        state.policies[globalAdmin.id] = ActivationPolicy(
            maxDuration: .hours(2), requiresJustification: true,
            requiresTicket: true, requiresMfa: true, requiresApproval: true)
        state.policies[exchangeAdmin.id] = ActivationPolicy(maxDuration: .hours(8), requiresJustification: true)
        state.policies[reader.id] = ActivationPolicy(
            maxDuration: .hours(8), requiresJustification: false,
            authenticationContext: "c1")
        state.policies[financeMember.id] = ActivationPolicy(maxDuration: .hours(4), requiresJustification: true)
        state.policies[financeOwner.id] = ActivationPolicy(maxDuration: .hours(4), requiresJustification: true)
        state.policies[japanese.id] = ActivationPolicy(maxDuration: .hours(8), requiresJustification: false)
    }

    private func fail() throws { if let failure = read({ $0.failure }) { throw failure } }

    /// As the live service: a write on an Azure target without an Azure Resource Manager token is refused
    /// with the reason the dashboard gave.
    private func failWithoutAzure(_ target: ElevationTarget) throws {
        guard target.kind.family.isAzureResourceManager, let reason = read({ $0.azureUnavailable }) else { return }
        throw reason
    }

    public func currentUser() async throws -> Principal { try fail(); return read { $0.me } }

    /// As the live service: listings leave Azure roles out for the reason the dashboard gives.
    public func azureUnavailability() async -> PIMError? { read { $0.azureUnavailable } }

    public func loadDashboard(_ options: DashboardOptions) async throws -> Dashboard {
        try fail()
        return state.withLock { s in
            s.dashboardLoads += 1
            return Dashboard(
                me: s.me, eligibilities: s.eligibilities, active: s.active, myRequests: s.requests,
                approvals: s.approvals, elevations: s.elevations, history: s.history,
                policies: s.policies, failures: s.sectionFailures, azureUnavailable: s.azureUnavailable,
                confers: s.confers, confersUnread: s.confersUnread)
        }
    }

    public func policies(for targets: [ElevationTarget]) async throws -> [TargetID: ActivationPolicy] {
        read { $0.policies }
    }

    public func activate(_ request: ActivationRequest) async throws -> ActivationResult {
        try fail()
        try failWithoutAzure(request.target)
        return try state.withLock { s in
            if let error = s.activationError { throw error }
            if let code = s.lostRaceWith {
                s.lostRaceWith = nil
                if s.policies[request.target.id]?.requiresApproval == true {
                    s.requests.append(
                        ElevationRequest(
                            id: "req-other", target: request.target, action: .selfActivate,
                            status: .pendingApproval, principal: s.me, createdAt: now,
                            duration: request.duration, approvalId: "req-other"))
                    throw PIMError(
                        .alreadyExists,
                        """
                        A request for this role or group is already pending: run `pim requests` to see it, or cancel \
                        it first.
                        """,
                        graphCode: code, requestId: "rid-race", httpStatus: 400)
                }
                s.active.append(
                    ActiveAssignment(
                        id: "a-other", target: request.target, principal: s.me, start: now,
                        end: now.addingTimeInterval(request.duration.timeInterval)))
                throw PIMError(
                    .alreadyExists,
                    """
                    This role or group is already active for you (or an identical request exists): run `pim roles` to \
                    see it, or deactivate it first.
                    """,
                    graphCode: code, requestId: "rid-race", httpStatus: 400)
            }
            s.sent.append(request)
            let approval = s.policies[request.target.id]?.requiresApproval == true
            let id = "req-\(s.nextId)"
            s.nextId += 1
            let made = ElevationRequest(
                id: id, target: request.target, action: .selfActivate,
                status: approval ? .pendingApproval : .provisioned, principal: s.me,
                createdAt: now, justification: request.justification, ticket: request.ticket,
                start: now, duration: request.duration, approvalId: approval ? id : nil)
            s.requests.append(made)
            // As Graph: an activation without approval is active at once.
            if !approval {
                s.active.append(
                    ActiveAssignment(
                        id: "a-\(id)", target: request.target, principal: s.me, start: now,
                        end: now.addingTimeInterval(request.duration.timeInterval)))
            }
            return ActivationResult(request: made, notices: s.notices)
        }
    }

    public func preflight(_ request: ActivationRequest) async throws -> PreflightReport { PreflightReport() }

    public func deactivate(_ assignment: ActiveAssignment, justification: String?) async throws -> ElevationRequest {
        try fail()
        try failWithoutAzure(assignment.target)
        return state.withLock { s in
            s.deactivated.append(assignment.id)
            s.active.removeAll { $0.id == assignment.id }
            return ElevationRequest(
                id: "req-off", target: assignment.target, action: .selfDeactivate, status: .revoked,
                principal: s.me, createdAt: now)
        }
    }

    public func extend(
        _ assignment: ActiveAssignment,
        with request: ActivationRequest
    ) async throws -> ActivationResult {
        try fail()
        try failWithoutAzure(assignment.target)
        return state.withLock { s in
            s.sent.append(request)
            // As Graph: a running activation is ended and requested anew (selfActivate), an assignment extended.
            guard assignment.assignmentType == .activated else {
                let made = ElevationRequest(
                    id: "req-ext", target: assignment.target, action: .selfExtend, status: .provisioned,
                    principal: s.me, createdAt: now, start: now, duration: request.duration)
                return ActivationResult(request: made)
            }
            let approval = s.policies[assignment.target.id]?.requiresApproval == true
            let made = ElevationRequest(
                id: "req-ext", target: assignment.target, action: .selfActivate,
                status: approval ? .pendingApproval : .provisioned, principal: s.me, createdAt: now,
                start: now, duration: request.duration, approvalId: approval ? "req-ext" : nil)
            return ActivationResult(
                request: made,
                notices: [
                    """
                    Graph cannot lengthen a running activation, so the current one was ended and a new one requested \
                    for \(request.duration.shortDescription).
                    """
                ])
        }
    }

    public func cancel(_ request: ElevationRequest) async throws {
        try fail()
        state.withLock { s in
            s.cancelled.append(request.id)
            if let index = s.requests.firstIndex(where: { $0.id == request.id }) {
                s.requests[index].status = .canceled
            }
        }
    }

    public func myRequests() async throws -> [ElevationRequest] {
        try fail()
        return state.withLock { s in
            if let status = s.decideOnRead {
                for index in s.requests.indices where s.requests[index].status.isPending {
                    s.requests[index].status = status
                    s.requests[index].review = s.reviewOnRead
                }
            }
            return s.requests
        }
    }

    public func myDecisions() async throws -> [ElevationRequest] { try fail(); return read { $0.myDecisions } }

    public func pendingApprovals() async throws -> [ApprovalItem] { try fail(); return read { $0.approvals } }

    public func decide(_ item: ApprovalItem, _ decision: ApprovalDecision, justification: String) async throws {
        try fail()
        try state.withLock { s in
            s.decisions.append((item.id, decision, justification))
            s.approvals.removeAll { $0.id == item.id }
            if let error = s.decisionError { throw error }
        }
    }

    public func tenantElevations() async throws -> [ActiveAssignment] { try fail(); return read { $0.elevations } }

    public func auditHistory(_ query: AuditQuery) async throws -> [AuditEvent] {
        try fail()
        return state.withLock { s in
            s.auditQueries.append(query)
            return s.history
        }
    }
}
