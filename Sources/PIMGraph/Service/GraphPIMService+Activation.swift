import Foundation
import PIMDomain

extension GraphPIMService {
    public func activate(_ request: ActivationRequest) async throws -> ActivationResult {
        if let azure = try azureSide(for: request.target) {
            return try await wrapped { try await azure.activate(request, principalId: try await myId()) }
        }
        return try await wrapped {
            let spec = ScheduleRequestSpec(
                action: .selfActivate, target: request.target.id, principalId: try await myId(),
                justification: request.justification, ticket: request.ticket,
                schedule: .afterDuration(start: request.start ?? clock.now(), request.duration),
                validationOnly: request.validationOnly)
            return try await submit(spec, target: request.target)
        }
    }

    public func preflight(_ request: ActivationRequest) async throws -> PreflightReport {
        if let azure = try azureSide(for: request.target) {
            return try await wrapped { try await azure.preflight(request, principalId: try await myId()) }
        }
        return try await wrapped {
            let spec = ScheduleRequestSpec(
                action: .selfActivate, target: request.target.id, principalId: try await myId(),
                justification: request.justification, ticket: request.ticket,
                schedule: .afterDuration(start: request.start ?? clock.now(), request.duration), validationOnly: true)
            do {
                _ = try await client.send(Endpoints.scheduleRequest(spec))
                return PreflightReport()
            } catch let error as PIMError {
                if !error.failedRules.isEmpty { return PreflightReport(failedRules: error.failedRules) }
                switch error.kind {
                case .refused, .alreadyExists, .notFound, .invalidInput:
                    return PreflightReport(otherProblem: error)
                default:
                    throw error
                }
            }
        }
    }

    public func deactivate(_ assignment: ActiveAssignment, justification: String?) async throws -> ElevationRequest {
        if let azure = try azureSide(for: assignment.target) {
            return try await wrapped {
                try await azure.deactivate(assignment, justification: justification, principalId: try await myId())
            }
        }
        return try await wrapped {
            let spec = ScheduleRequestSpec(
                action: .selfDeactivate, target: assignment.target.id,
                principalId: try await myId(), justification: justification)
            let response = try await client.sendWrite(Endpoints.scheduleRequest(spec))
            return try client.decode(ScheduleRequestDTO.self, from: response).request(names: [
                assignment.target.id: assignment.target
            ])
        }
    }

    /// Graph cannot lengthen a running activation: `selfExtend` is for assignments an administrator made
    /// that expire within 14 days (the decision is the administrator's, and the result usually waits as
    /// `PendingAdminDecision`). So:
    /// - an admin-assigned, time-bound assignment ending within 14 days → `selfExtend` to `now + duration`
    ///   (`selfRenew` when it has already ended);
    /// - an activation running for at least 5 minutes → `selfDeactivate`, then `selfActivate` for the new
    ///   duration (the service refuses deactivation in the first 5 minutes, and refuses a second
    ///   activation while one runs with `RoleAssignmentExists`);
    /// - anything else is refused here with the reason, before anything is sent.
    public func extend(_ assignment: ActiveAssignment, with request: ActivationRequest) async throws -> ActivationResult
    {
        if let azure = try azureSide(for: assignment.target) {
            return try await wrapped {
                try await azure.extend(assignment, with: request, principalId: try await myId())
            }
        }
        return try await wrapped {
            let now = clock.now()
            let me = try await myId()
            switch assignment.assignmentType {
            case .activated:
                if let start = assignment.start,
                    now.timeIntervalSince(start) < ServiceLimits.minimumActiveBeforeDeactivation
                {
                    let ready = start.addingTimeInterval(ServiceLimits.minimumActiveBeforeDeactivation)
                    let wait = Int(ready.timeIntervalSince(now).rounded(.up))
                    throw PIMError(
                        .refused,
                        "This activation started less than 5 minutes ago and cannot be renewed yet",
                        step: .tryAgainLater(.afterSeconds(Double(max(60, wait)))))
                }
                let stop = ScheduleRequestSpec(
                    action: .selfDeactivate, target: assignment.target.id, principalId: me,
                    justification: request.justification)
                _ = try await client.sendWrite(Endpoints.scheduleRequest(stop))
                let renew = ScheduleRequestSpec(
                    action: .selfActivate, target: assignment.target.id, principalId: me,
                    justification: request.justification, ticket: request.ticket,
                    schedule: .afterDuration(start: now, request.duration))
                return try await CreatingWrite(client: client).renewal(for: request.duration) {
                    try await submit(renew, target: assignment.target)
                }
            case .assigned:
                let end = try CreatingWrite.checkExtendable(end: assignment.end, now: now)
                // Already ended: the same request is a renewal (allowed for 30 days after the end).
                let action: RequestAction = end <= now ? .selfRenew : .selfExtend
                let spec = ScheduleRequestSpec(
                    action: action, target: assignment.target.id, principalId: me,
                    justification: request.justification, ticket: request.ticket,
                    schedule: .afterDateTime(start: now, end: now.addingTimeInterval(request.duration.timeInterval)))
                return try await submit(spec, target: assignment.target)
            case .other(let value):
                throw PIMError(
                    .refused,
                    "This assignment is of a kind that cannot be extended here "
                        + "(\(Sanitizer.sanitize(value)))",
                    step: .askAdministrator)
            }
        }
    }

    public func cancel(_ request: ElevationRequest) async throws {
        if let azure = try azureSide(for: request.target) {
            return try await wrapped { try await azure.cancel(request) }
        }
        try await wrapped {
            _ = try await client.sendWrite(try Endpoints.cancel(requestId: request.id, kind: request.target.kind))
        }
    }

    /// Sends a schedule request that creates something, once (see `CreatingWrite`): one step-up sign-in
    /// for a claims challenge, and a look among my requests before anything is sent again.
    func submit(_ spec: ScheduleRequestSpec, target: ElevationTarget) async throws -> ActivationResult {
        let request = try Endpoints.scheduleRequest(spec)
        return try await CreatingWrite(client: client, createsSomething: !spec.validationOnly).send { token in
            try await client.exchange(request, write: true, token: token)
        } read: { response in
            try client.decode(ScheduleRequestDTO.self, from: response).request(names: [target.id: target])
        } findSent: { since in
            try await findSent(spec, target: target, since: since)
        }
    }

    /// After an ambiguous failure: my request for the same target and action made since `since`
    /// (with a minute of slack for clock skew), if the service has it.
    func findSent(_ spec: ScheduleRequestSpec, target: ElevationTarget, since: Date) async throws -> ElevationRequest? {
        let listing = spec.target.kind == .directoryRole ? Endpoints.Roles.myRequests() : Endpoints.Groups.myRequests()
        let requests = try await client.collect(ScheduleRequestDTO.self, listing).map {
            $0.request(names: [target.id: target])
        }
        return Self.newestFirst(requests).first { request in
            request.target.id == spec.target && request.action == spec.action
                && (request.createdAt ?? .distantFuture) >= since.addingTimeInterval(-60)
                && (request.justification ?? "") == (spec.justification ?? "")
        }
    }
}
