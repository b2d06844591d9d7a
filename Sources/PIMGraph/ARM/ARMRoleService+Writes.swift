import Foundation
import PIMDomain

extension ARMRoleService {
    /// What is true now for a target: my eligibility (for the schedule an activation links to), an active
    /// instance, a pending request. Read in one batch (Z1, Z2, Z8 asRequestor) before anything is sent.
    struct Current {
        var eligibility: ARMInstanceDTO?
        var active: ARMInstanceDTO?
        var pending: ARMRequestDTO?
    }

    func current(_ target: TargetID) async throws -> Current {
        let started = clock.now()
        let responses = try await batch.send([
            .init(name: "eligible", request: ARMEndpoints.myEligibilities()),
            .init(name: "active", request: ARMEndpoints.myActiveAssignments()),
            .init(name: "myRequests", request: ARMEndpoints.requests(.asRequestor)),
        ])
        let eligible = try await list(ARMInstanceDTO.self, "eligible", in: responses, started: started).get()
        let active = try await list(ARMInstanceDTO.self, "active", in: responses, started: started).get()
        // Best effort: `asRequestor()` at the root is not settled for every tenant (contract §13.11), and a
        // duplicate pending request is refused by the service itself.
        let requests = (try? await list(ARMRequestDTO.self, "myRequests", in: responses, started: started).get()) ?? []
        state.rememberSchedules(eligible)
        func matches(_ p: ARMInstanceDTO) -> Bool {
            Self.isFor(target, role: p.properties.roleDefinitionId, scope: p.properties.scope)
        }
        return Current(
            eligibility: eligible.first(where: matches), active: active.first(where: matches),
            pending: requests.first {
                Self.isFor(target, role: $0.properties.roleDefinitionId, scope: $0.properties.scope)
                    && RequestAction(graphValue: $0.properties.requestType ?? "") == .selfActivate
                    && RequestStatus(armValue: $0.properties.status ?? "").isPending
            })
    }

    /// The SelfActivate body (contract §4): the role copied from the eligibility, the linked eligibility
    /// schedule, justification, ticket, and a start with an ISO 8601 duration.
    func activationBody(
        _ request: ActivationRequest, principalId: String, eligibility: ARMInstanceDTO?, start: Date
    ) -> ARMScheduleRequestBody {
        ARMScheduleRequestBody(
            properties: .init(
                principalId: principalId,
                roleDefinitionId: eligibility?.properties.roleDefinitionId ?? request.target.id.resourceId,
                requestType: "SelfActivate",
                linkedRoleEligibilityScheduleId: eligibility?.properties.roleEligibilityScheduleId
                    ?? state.read {
                        $0.linkedSchedules[
                            ARMServiceState.policyKey(
                                scope: request.target.id.scope ?? "/", role: request.target.id.resourceId)]
                    },
                justification: request.justification.flatMap { $0.isEmpty ? nil : $0 },
                ticketInfo: TicketInfoBody(request.ticket),
                scheduleInfo: .afterDuration(start: start, request.duration)))
    }

    public func activate(_ request: ActivationRequest, principalId: String) async throws -> ActivationResult {
        state.update { $0.principalId = principalId }
        if request.validationOnly {
            // Z6 answers with the request it would create; nothing is created.
            let response = try await client.send(validation(request, principalId: principalId))
            var checked =
                (try? client.decode(ARMRequestDTO.self, from: response).request(names: state.read(\.names)))
                ?? ElevationRequest(
                    id: "", target: request.target, action: .selfActivate, status: .other("Validated"),
                    principal: Principal(id: principalId), justification: request.justification,
                    ticket: request.ticket, start: request.start, duration: request.duration)
            checked.isValidationOnly = true
            if checked.target.scopeName == nil { checked.target = request.target }
            return ActivationResult(request: checked)
        }
        let now = try await current(request.target.id)
        if now.active != nil {
            throw PIMError(
                .alreadyExists, "\(Self.describe(request.target)) is already active for you; nothing was sent",
                step: .seeActiveOrDeactivate)
        }
        if let pending = now.pending {
            throw PIMError(
                .alreadyExists,
                "A request for \(Self.describe(request.target)) already waits "
                    + "(\(Sanitizer.sanitize(pending.name))); nothing was sent",
                step: .seePendingOrCancel)
        }
        let body = activationBody(
            request, principalId: principalId, eligibility: now.eligibility, start: request.start ?? clock.now())
        let scope = now.eligibility?.properties.scope ?? request.target.id.scope ?? "/"
        return try await submit(body, scope: scope, target: request.target)
    }

    public func preflight(_ request: ActivationRequest, principalId: String) async throws -> PreflightReport {
        state.update { $0.principalId = principalId }
        do {
            _ = try await client.send(validation(request, principalId: principalId))
            return PreflightReport()
        } catch let error as PIMError {
            if !error.failedRules.isEmpty { return PreflightReport(failedRules: error.failedRules) }
            switch error.kind {
            case .refused, .alreadyExists, .notFound, .invalidInput: return PreflightReport(otherProblem: error)
            default: throw error
            }
        }
    }

    /// Z6 for an activation: the same body as the PUT, at the target's scope, under a fresh name.
    func validation(_ request: ActivationRequest, principalId: String) -> ARMRequest {
        let body = activationBody(
            request, principalId: principalId, eligibility: nil, start: request.start ?? clock.now())
        return ARMEndpoints.validate(at: request.target.id.scope ?? "/", name: newName(), body)
    }

    /// PUTs a schedule request that creates something (Z5) under one GUID, once (see `CreatingWrite`): one
    /// step-up sign-in for a claims challenge, and an unknown outcome looked up among my requests (same
    /// role, scope and type, made since sending) before the same name is ever sent again.
    func submit(_ body: ARMScheduleRequestBody, scope: String, target: ElevationTarget) async throws -> ActivationResult
    {
        let request = ARMEndpoints.scheduleRequest(at: scope, name: newName(), body)
        let names = state.read(\.names)
        return try await CreatingWrite(client: client).send { token in
            try await client.exchange(request, write: true, token: token)
        } read: { response in
            var created = try client.decode(ARMRequestDTO.self, from: response).request(names: names)
            if created.target.scopeName == nil { created.target = target }
            return created
        } findSent: { since in
            try await findSent(body, scope: scope, since: since)
        }
    }

    /// My request for the same role, scope and type made since `since` (a minute of slack for clock skew).
    func findSent(_ body: ARMScheduleRequestBody, scope: String, since: Date) async throws -> ElevationRequest? {
        let names = state.read(\.names)
        let requests = try await client.collect(ARMRequestDTO.self, ARMEndpoints.requests(.asRequestor))
        let found = requests.filter { dto in
            let p = dto.properties
            return p.roleDefinitionId.caseInsensitiveCompare(body.properties.roleDefinitionId) == .orderedSame
                && Self.sameScope(p.scope, scope)
                && (p.requestType ?? "").caseInsensitiveCompare(body.properties.requestType) == .orderedSame
                && (p.createdOn ?? .distantFuture) >= since.addingTimeInterval(-60)
        }
        return GraphPIMService.newestFirst(found.map { $0.request(names: names) }).first
    }

    /// The 5-minute rule, checked before anything is sent (ARM answers `ActiveDurationTooShort`).
    func checkDeactivationAllowed(_ assignment: ActiveAssignment, what: String) throws {
        let now = clock.now()
        guard let start = assignment.start,
            now.timeIntervalSince(start) < ServiceLimits.minimumActiveBeforeDeactivation
        else { return }
        let ready = start.addingTimeInterval(ServiceLimits.minimumActiveBeforeDeactivation)
        let wait = Int(ready.timeIntervalSince(now).rounded(.up))
        throw PIMError(
            .refused, "This activation started less than 5 minutes ago and cannot be \(what) yet",
            step: .tryAgainLater(.afterSeconds(Double(max(60, wait)))))
    }

    func deactivationBody(
        _ assignment: ActiveAssignment, justification: String?, principalId: String
    )
        -> ARMScheduleRequestBody
    {
        ARMScheduleRequestBody(
            properties: .init(
                principalId: principalId, roleDefinitionId: assignment.target.id.resourceId,
                requestType: "SelfDeactivate", justification: justification.flatMap { $0.isEmpty ? nil : $0 }))
    }

    public func deactivate(
        _ assignment: ActiveAssignment, justification: String?, principalId: String
    ) async throws -> ElevationRequest {
        state.update { $0.principalId = principalId }
        try checkDeactivationAllowed(assignment, what: "ended")
        let body = deactivationBody(assignment, justification: justification, principalId: principalId)
        let response = try await client.sendWrite(
            ARMEndpoints.scheduleRequest(at: assignment.target.id.scope ?? "/", name: newName(), body))
        var request = try client.decode(ARMRequestDTO.self, from: response).request(names: state.read(\.names))
        if request.target.scopeName == nil { request.target = assignment.target }
        return request
    }

    /// As on the Graph side: a running activation is lengthened by ending it (after its first 5 minutes)
    /// and activating again; an assigned, time-bound one ending within 14 days gets `SelfExtend` (or
    /// `SelfRenew` once ended) to now + duration; anything else is refused before sending.
    public func extend(
        _ assignment: ActiveAssignment, with request: ActivationRequest, principalId: String
    ) async throws -> ActivationResult {
        state.update { $0.principalId = principalId }
        let now = clock.now()
        let scope = assignment.target.id.scope ?? "/"
        switch assignment.assignmentType {
        case .activated:
            try checkDeactivationAllowed(assignment, what: "renewed")
            let eligibility = try await current(assignment.target.id).eligibility
            let stop = deactivationBody(assignment, justification: request.justification, principalId: principalId)
            _ = try await client.sendWrite(ARMEndpoints.scheduleRequest(at: scope, name: newName(), stop))
            let body = activationBody(request, principalId: principalId, eligibility: eligibility, start: now)
            return try await CreatingWrite(client: client).renewal(for: request.duration) {
                try await submit(body, scope: eligibility?.properties.scope ?? scope, target: assignment.target)
            }
        case .assigned:
            let end = try CreatingWrite.checkExtendable(end: assignment.end, now: now)
            let body = ARMScheduleRequestBody(
                properties: .init(
                    principalId: principalId, roleDefinitionId: assignment.target.id.resourceId,
                    requestType: end <= now ? "SelfRenew" : "SelfExtend",
                    justification: request.justification.flatMap { $0.isEmpty ? nil : $0 },
                    ticketInfo: TicketInfoBody(request.ticket),
                    scheduleInfo: .afterDateTime(start: now, end: now.addingTimeInterval(request.duration.timeInterval))
                ))
            return try await submit(body, scope: scope, target: assignment.target)
        case .other(let value):
            throw PIMError(
                .refused, "This assignment is of a kind that cannot be extended here (\(Sanitizer.sanitize(value)))",
                step: .askAdministrator)
        }
    }

    public func cancel(_ request: ElevationRequest) async throws {
        _ = try await client.sendWrite(ARMEndpoints.cancel(at: request.target.id.scope ?? "/", name: request.id))
    }
}
