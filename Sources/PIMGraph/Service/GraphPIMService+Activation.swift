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
                do {
                    var result = try await submit(renew, target: assignment.target)
                    result.notices.insert(
                        """
                        Graph cannot lengthen a running activation, so the current one was ended and a new one \
                        requested for \(request.duration.shortDescription).
                        """,
                        at: 0)
                    if result.request.status.isPending {
                        result.notices.append(
                            "The new activation waits for approval: you have no access until it is approved.")
                    }
                    return result
                } catch {
                    var failure = PIMError.wrap(error)
                    // The failure's own step stands: trying again activates, as nothing runs any more.
                    failure.event =
                        "The running activation was ended, but the new one failed ("
                        + Self.clause(failure.event) + "), so it is no longer active"
                    throw failure
                }
            case .assigned:
                guard let end = assignment.end else {
                    throw PIMError(.refused, "This assignment is permanent: there is nothing to extend.", step: .none)
                }
                guard end.timeIntervalSince(now) <= ServiceLimits.extensionWindow else {
                    throw PIMError(
                        .refused, "Extension can be requested only within 14 days of the assignment's end",
                        step: .tryAgainLater(.at(end.addingTimeInterval(-ServiceLimits.extensionWindow))))
                }
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

    /// Sends a schedule request that creates something. One claims challenge (authentication context,
    /// MFA, `insufficient_claims`) leads to one sign-in with those claims and one retry. An ambiguous
    /// failure (sent, but no answer) leads to a look among my requests before anything is sent again.
    func submit(_ spec: ScheduleRequestSpec, target: ElevationTarget) async throws -> ActivationResult {
        var notices: [String] = []
        var token: String?
        var steppedUp = false
        var ambiguousAttempts = 0
        let started = clock.now()
        while true {
            let sentAt = clock.now()
            do {
                let response = try await client.exchange(Endpoints.scheduleRequest(spec), write: true, token: token)
                do {
                    let dto = try client.decode(ScheduleRequestDTO.self, from: response)
                    return ActivationResult(request: dto.request(names: [target.id: target]), notices: notices)
                } catch let unreadable as PIMError where (200..<300).contains(response.status) && !spec.validationOnly {
                    return try await acceptedButUnreadable(
                        spec, target: target, since: sentAt, notices: notices, unreadable)
                }
            } catch let error as PIMError where error.claims != nil && !steppedUp && !spec.validationOnly {
                steppedUp = true
                token = try await client.accessToken(claims: error.claims)
                notices.append(Self.stepUpNotice(error))
            } catch let ambiguous as AmbiguousWriteError {
                let lookup: ElevationRequest??
                do { lookup = .some(try await findSent(spec, target: target, since: sentAt)) } catch { lookup = nil }
                if case .some(.some(let found)) = lookup {
                    notices.append(
                        """
                        The answer to the request was lost; it was found among your requests, so it was not sent twice.
                        """
                    )
                    return ActivationResult(request: found, notices: notices)
                }
                guard lookup != nil else {
                    // Could not look: sending again might create a second request.
                    throw Self.unchecked(ambiguous.underlying)
                }
                ambiguousAttempts += 1
                let decision = client.retry.decideAfterTransportFailure(
                    attempt: ambiguousAttempts,
                    elapsed: clock.now().timeIntervalSince(started))
                guard case .retry(let delay) = decision else {
                    throw Self.notAmongRequests(ambiguous.underlying)
                }
                try await client.wait(delay)
            }
        }
    }

    /// Graph accepted the request (2xx) but its answer could not be read: the request exists, so
    /// "try again" would send it twice. Finds it among my requests; when it cannot, says how to check.
    func acceptedButUnreadable(
        _ spec: ScheduleRequestSpec, target: ElevationTarget, since: Date, notices: [String],
        _ unreadable: PIMError
    ) async throws -> ActivationResult {
        var failure = unreadable
        let found: ElevationRequest?
        do { found = try await findSent(spec, target: target, since: since) } catch {
            failure.event =
                "Graph accepted the request but sent an answer that could not be read, "
                + "and your requests could not be checked either"
            failure.step = .checkRequests(.beforeSendingAgain)
            throw failure
        }
        if let found {
            return ActivationResult(
                request: found,
                notices: notices + [
                    """
                    Graph's answer could not be read; the request was found among your requests, so it was not sent \
                    twice.
                    """
                ])
        }
        failure.event =
            "Graph accepted the request but sent an answer that could not be read, "
            + "and it is not among your requests yet"
        failure.step = .checkRequests(.beforeSendingAgain)
        throw failure
    }

    /// A write whose outcome is unknown and whose arrival could not be looked for: not sent again,
    /// so the user looks before trying again.
    static func unchecked(_ underlying: PIMError) -> PIMError {
        var failure = underlying
        failure.event =
            clause(underlying.event) + ", and your requests could not be checked either, "
            + "so the request was not sent again"
        failure.step = .checkRequests(.thenRetryIfMissing)
        return failure
    }

    /// A write whose outcome was unknown at every attempt, and which is not among my requests:
    /// nothing was created, so the underlying failure's step stands.
    static func notAmongRequests(_ underlying: PIMError) -> PIMError {
        var failure = underlying
        failure.event =
            clause(underlying.event) + "; your requests were checked after each attempt and it is not "
            + "among them, so nothing was created"
        return failure
    }

    /// A sentence as a clause that more can follow.
    private static func clause(_ text: String) -> String { text.hasSuffix(".") ? String(text.dropLast()) : text }

    /// The sentence that tells the user why they were asked to sign in again.
    static func stepUpNotice(_ error: PIMError) -> String {
        if let claims = error.claims, let context = authenticationContext(in: claims) {
            return
                """
                Signed in again to satisfy the authentication context \(Sanitizer.sanitize(context)) the policy \
                requires; retried once.
                """
        }
        if error.failedRules.contains(.mfa) {
            return "Signed in again with multi-factor authentication, which the policy requires; retried once."
        }
        return "Signed in again to satisfy the service's claims challenge; retried once."
    }

    static func authenticationContext(in claims: String) -> String? {
        guard let data = claims.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let token = object["access_token"] as? [String: Any],
            let acrs = token["acrs"] as? [String: Any]
        else { return nil }
        if let value = acrs["value"] as? String { return value }
        return (acrs["values"] as? [String])?.joined(separator: ", ")
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
