import Foundation
import PIMDomain
import Synchronization

/// An in-memory PIM service for command tests: a small tenant with roles and groups whose
/// policies differ, that records what the command line sent.
final class FakeService: PIMService {
    struct State {
        var me = Principal(id: "u-ada", displayName: "Ada Lovelace", userPrincipalName: "ada@contoso.test")
        var eligibilities: [Eligibility] = []
        var active: [ActiveAssignment] = []
        var requests: [ElevationRequest] = []
        var approvals: [ApprovalItem] = []
        var elevations: [ActiveAssignment] = []
        var history: [AuditEvent] = []
        var policies: [TargetID: ActivationPolicy] = [:]
        var sent: [ActivationRequest] = []
        var deactivated: [String] = []
        var cancelled: [String] = []
        var decisions: [(String, ApprovalDecision, String)] = []
        var activationError: PIMError?
        /// Another process activates the same target just before this one's request arrives: the
        /// target becomes active (or, with approval, pending) and the service refuses with this code.
        var lostRaceWith: String?
        var failure: PIMError?
        /// Sections the dashboard reports as not loaded.
        var sectionFailures: [DashboardSection: PIMError] = [:]
        var notices: [String] = []
        /// Status the next pending request takes when `myRequests` is read (approval arriving).
        var decideOnRead: RequestStatus?
        var auditQueries: [AuditQuery] = []
        var nextId = 1
    }

    let state: Mutex<State>
    let now: Date

    init(now: Date, configure: (inout State) -> Void = { _ in }) {
        self.now = now
        var state = State()
        Self.seed(&state, now: now)
        configure(&state)
        self.state = Mutex(state)
    }

    func read<T>(_ body: (State) -> T) -> T { state.withLock { body($0) } }

    static let globalAdmin = ElevationTarget(id: .role("62e90394-69f5-4237-9190-012177145e10"), displayName: "Global Administrator",
                                             templateId: "62e90394-69f5-4237-9190-012177145e10")
    static let exchangeAdmin = ElevationTarget(id: .role("29232cdf-9323-42fd-ade2-1d097af3e4de"), displayName: "Exchange Administrator")
    static let reader = ElevationTarget(id: .role("88d8e3e3-8f55-4a1e-953a-9b9898b8876b"), displayName: "Directory Readers")
    static let financeMember = ElevationTarget(id: .group("g-fin"), displayName: "Finance Admins")
    static let financeOwner = ElevationTarget(id: .group("g-fin", owner: true), displayName: "Finance Admins")
    static let japanese = ElevationTarget(id: .role("jp-1"), displayName: "日本語 管理者")

    static func seed(_ state: inout State, now: Date) {
        let me = state.me
        for (index, target) in [globalAdmin, exchangeAdmin, reader, financeMember, financeOwner, japanese].enumerated() {
            state.eligibilities.append(Eligibility(id: "e\(index)", target: target, principalId: me.id))
        }
        state.policies[globalAdmin.id] = ActivationPolicy(maxDuration: .hours(2), requiresJustification: true,
                                                          requiresTicket: true, requiresMfa: true, requiresApproval: true)
        state.policies[exchangeAdmin.id] = ActivationPolicy(maxDuration: .hours(8), requiresJustification: true)
        state.policies[reader.id] = ActivationPolicy(maxDuration: .hours(8), requiresJustification: false,
                                                     authenticationContext: "c1")
        state.policies[financeMember.id] = ActivationPolicy(maxDuration: .hours(4), requiresJustification: true)
        state.policies[financeOwner.id] = ActivationPolicy(maxDuration: .hours(4), requiresJustification: true)
        state.policies[japanese.id] = ActivationPolicy(maxDuration: .hours(8), requiresJustification: false)
    }

    func fail() throws { if let failure = read({ $0.failure }) { throw failure } }

    func currentUser() async throws -> Principal { try fail(); return read { $0.me } }

    func loadDashboard(_ options: DashboardOptions) async throws -> Dashboard {
        try fail()
        return read { s in
            Dashboard(me: s.me, eligibilities: s.eligibilities, active: s.active, myRequests: s.requests,
                      approvals: s.approvals, elevations: s.elevations, history: s.history, policies: s.policies,
                      failures: s.sectionFailures)
        }
    }

    func policies(for targets: [ElevationTarget]) async throws -> [TargetID: ActivationPolicy] { read { $0.policies } }

    func activate(_ request: ActivationRequest) async throws -> ActivationResult {
        try fail()
        return try state.withLock { s in
            if let error = s.activationError { throw error }
            if let code = s.lostRaceWith {
                s.lostRaceWith = nil
                if s.policies[request.target.id]?.requiresApproval == true {
                    s.requests.append(ElevationRequest(id: "req-other", target: request.target, action: .selfActivate,
                                                       status: .pendingApproval, principal: s.me, createdAt: now,
                                                       duration: request.duration, approvalId: "req-other"))
                    throw PIMError(.alreadyExists, "A request for this role or group is already pending: run `pim requests` to see it, or cancel it first.",
                                   graphCode: code, requestId: "rid-race", httpStatus: 400)
                }
                s.active.append(ActiveAssignment(id: "a-other", target: request.target, principal: s.me, start: now,
                                                 end: now.addingTimeInterval(request.duration.timeInterval)))
                throw PIMError(.alreadyExists, "This role or group is already active for you (or an identical request exists): run `pim roles` to see it, or deactivate it first.",
                               graphCode: code, requestId: "rid-race", httpStatus: 400)
            }
            s.sent.append(request)
            let approval = s.policies[request.target.id]?.requiresApproval == true
            let id = "req-\(s.nextId)"
            s.nextId += 1
            let made = ElevationRequest(id: id, target: request.target, action: .selfActivate,
                                        status: approval ? .pendingApproval : .provisioned, principal: s.me,
                                        createdAt: now, justification: request.justification, ticket: request.ticket,
                                        start: now, duration: request.duration, approvalId: approval ? id : nil)
            s.requests.append(made)
            return ActivationResult(request: made, notices: s.notices)
        }
    }

    func preflight(_ request: ActivationRequest) async throws -> PreflightReport { PreflightReport() }

    func deactivate(_ assignment: ActiveAssignment, justification: String?) async throws -> ElevationRequest {
        try fail()
        return state.withLock { s in
            s.deactivated.append(assignment.id)
            s.active.removeAll { $0.id == assignment.id }
            return ElevationRequest(id: "req-off", target: assignment.target, action: .selfDeactivate, status: .revoked,
                                    principal: s.me, createdAt: now)
        }
    }

    func extend(_ assignment: ActiveAssignment, with request: ActivationRequest) async throws -> ActivationResult {
        try fail()
        return state.withLock { s in
            s.sent.append(request)
            // As Graph: a running activation is ended and requested anew (selfActivate), an assignment extended.
            guard assignment.assignmentType == .activated else {
                let made = ElevationRequest(id: "req-ext", target: assignment.target, action: .selfExtend, status: .provisioned,
                                            principal: s.me, createdAt: now, start: now, duration: request.duration)
                return ActivationResult(request: made)
            }
            let approval = s.policies[assignment.target.id]?.requiresApproval == true
            let made = ElevationRequest(id: "req-ext", target: assignment.target, action: .selfActivate,
                                        status: approval ? .pendingApproval : .provisioned, principal: s.me, createdAt: now,
                                        start: now, duration: request.duration, approvalId: approval ? "req-ext" : nil)
            return ActivationResult(request: made, notices: ["Graph cannot lengthen a running activation, so the current one was ended and a new one requested for \(request.duration.shortDescription)."])
        }
    }

    func cancel(_ request: ElevationRequest) async throws {
        try fail()
        state.withLock { s in
            s.cancelled.append(request.id)
            if let index = s.requests.firstIndex(where: { $0.id == request.id }) { s.requests[index].status = .canceled }
        }
    }

    func myRequests() async throws -> [ElevationRequest] {
        try fail()
        return state.withLock { s in
            if let status = s.decideOnRead {
                for index in s.requests.indices where s.requests[index].status.isPending { s.requests[index].status = status }
            }
            return s.requests
        }
    }

    func pendingApprovals() async throws -> [ApprovalItem] { try fail(); return read { $0.approvals } }

    func decide(_ item: ApprovalItem, _ decision: ApprovalDecision, justification: String) async throws {
        try fail()
        state.withLock { s in
            s.decisions.append((item.id, decision, justification))
            s.approvals.removeAll { $0.id == item.id }
        }
    }

    func tenantElevations() async throws -> [ActiveAssignment] { try fail(); return read { $0.elevations } }

    func auditHistory(_ query: AuditQuery) async throws -> [AuditEvent] {
        try fail()
        return state.withLock { s in
            s.auditQueries.append(query)
            return s.history
        }
    }
}
