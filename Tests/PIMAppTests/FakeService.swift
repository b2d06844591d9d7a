import Foundation
import PIMAppFixtures
import PIMDomain
import Synchronization

/// An in-memory PIM service over a `Dashboard`: enforces the policy's approval rule, records every
/// call, and can be told to fail. Its clock is fixed (the runtime tests move time with `.tick`).
final class FakeService: PIMService {
    struct Data {
        var dashboard: Dashboard
        var calls: [String] = []
        var failNextActivation: PIMError?
        var decideError: PIMError?
        var loadError: PIMError?
        var nextId = 1
    }

    let data: Mutex<Data>
    let now: Date

    init(_ dashboard: Dashboard = Fixture.dashboard, now: Date = Fixture.now) {
        data = Mutex(Data(dashboard: dashboard))
        self.now = now
    }

    var calls: [String] { data.withLock { $0.calls } }
    var dashboard: Dashboard { data.withLock { $0.dashboard } }

    func currentUser() async throws -> Principal { data.withLock { $0.dashboard.me } }

    func loadDashboard(_ options: DashboardOptions) async throws -> Dashboard {
        try data.withLock { data in
            data.calls.append("loadDashboard")
            if let error = data.loadError { data.loadError = nil; throw error }
            return data.dashboard
        }
    }

    func policies(for targets: [ElevationTarget]) async throws -> [TargetID: ActivationPolicy] {
        data.withLock { $0.dashboard.policies }
    }

    func activate(_ request: ActivationRequest) async throws -> ActivationResult {
        let now = self.now
        return try data.withLock { data in
            data.calls.append("activate \(request.target.displayName) \(request.duration.shortDescription) \(request.justification ?? "-") \(request.ticket?.number ?? "-")")
            if let error = data.failNextActivation { data.failNextActivation = nil; throw error }
            let id = "req-new-\(data.nextId)"
            data.nextId += 1
            let policy = data.dashboard.policies[request.target.id]
            var made = ElevationRequest(id: id, target: request.target, action: .selfActivate, status: .provisioned,
                                        principal: data.dashboard.me, createdAt: now, justification: request.justification,
                                        ticket: request.ticket, duration: request.duration)
            if policy?.requiresApproval == true {
                made.status = .pendingApproval
                data.dashboard.myRequests.insert(made, at: 0)
            } else {
                data.dashboard.myRequests.insert(made, at: 0)
                data.dashboard.active.append(ActiveAssignment(id: "a-\(id)", target: request.target, principal: data.dashboard.me,
                                                              start: now, end: now.addingTimeInterval(request.duration.timeInterval)))
            }
            return ActivationResult(request: made)
        }
    }

    func preflight(_ request: ActivationRequest) async throws -> PreflightReport {
        data.withLock { data in
            data.calls.append("preflight \(request.target.displayName)")
            let policy = data.dashboard.policies[request.target.id]
            var failed: [PolicyRule] = []
            if policy?.requiresJustification == true && request.justification == nil { failed.append(.justification) }
            if policy?.requiresTicket == true && request.ticket?.number == nil { failed.append(.ticketing) }
            return PreflightReport(failedRules: failed)
        }
    }

    func deactivate(_ assignment: ActiveAssignment, justification: String?) async throws -> ElevationRequest {
        data.withLock { data in
            data.calls.append("deactivate \(assignment.target.displayName)")
            data.dashboard.active.removeAll { $0.id == assignment.id }
            return ElevationRequest(id: "req-deact", target: assignment.target, action: .selfDeactivate, status: .revoked,
                                    principal: data.dashboard.me)
        }
    }

    func extend(_ assignment: ActiveAssignment, with request: ActivationRequest) async throws -> ActivationResult {
        let now = self.now
        return data.withLock { data in
            data.calls.append("extend \(assignment.target.displayName) \(request.duration.shortDescription)")
            if let index = data.dashboard.active.firstIndex(where: { $0.id == assignment.id }) {
                data.dashboard.active[index].end = now.addingTimeInterval(request.duration.timeInterval)
            }
            return ActivationResult(request: ElevationRequest(id: "req-ext", target: assignment.target, action: .selfExtend,
                                                              status: .provisioned, principal: data.dashboard.me,
                                                              createdAt: now, duration: request.duration))
        }
    }

    func cancel(_ request: ElevationRequest) async throws {
        data.withLock { data in
            data.calls.append("cancel \(request.id)")
            data.dashboard.myRequests.removeAll { $0.id == request.id }
        }
    }

    func myRequests() async throws -> [ElevationRequest] { data.withLock { $0.dashboard.myRequests } }

    func pendingApprovals() async throws -> [ApprovalItem] { data.withLock { $0.dashboard.approvals } }

    func decide(_ item: ApprovalItem, _ decision: ApprovalDecision, justification: String) async throws {
        try data.withLock { data in
            data.calls.append("decide \(item.id) \(decision.rawValue) \(justification)")
            data.dashboard.approvals.removeAll { $0.id == item.id }
            if let error = data.decideError { throw error }
        }
    }

    func tenantElevations() async throws -> [ActiveAssignment] { data.withLock { $0.dashboard.elevations } }

    func auditHistory(_ query: AuditQuery) async throws -> [AuditEvent] { data.withLock { $0.dashboard.history } }
}
