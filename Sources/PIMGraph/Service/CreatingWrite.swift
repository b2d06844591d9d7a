import Foundation
import PIMDomain

/// How a write that creates something (an activation, an extension) is sent, to Graph and to ARM
/// alike: once, plus the client's throttling retries. One claims challenge (authentication context,
/// MFA, `insufficient_claims`) leads to one sign-in with those claims and one retry. An answer lost on
/// the way (sent, but no answer) or unreadable is looked for among my requests before anything is sent
/// again, so a request is never created twice.
struct CreatingWrite {
    let client: GraphClient
    /// Validation-only requests create nothing: no step-up sign-in, nothing to look for.
    var createsSomething = true

    /// - Parameters:
    ///   - exchange: sends the request once with `token` (nil: the client's own) and returns the answer.
    ///   - read: the created request from a 2xx answer; throws the mapped error for any other.
    ///   - findSent: my request for the same thing made since the date, if the service has it.
    func send(
        _ exchange: (_ token: String?) async throws -> HTTPResponse,
        read: (HTTPResponse) throws -> ElevationRequest,
        findSent: (_ since: Date) async throws -> ElevationRequest?
    ) async throws -> ActivationResult {
        var notices: [String] = []
        var token: String?
        var steppedUp = false
        var ambiguousAttempts = 0
        let started = client.clock.now()
        while true {
            let sentAt = client.clock.now()
            do {
                let response = try await exchange(token)
                do {
                    return ActivationResult(request: try read(response), notices: notices)
                } catch let unreadable as PIMError where (200..<300).contains(response.status) && createsSomething {
                    return try await acceptedButUnreadable(since: sentAt, notices: notices, unreadable, findSent)
                }
            } catch let error as PIMError where error.claims != nil && !steppedUp && createsSomething {
                steppedUp = true
                token = try await client.accessToken(claims: error.claims)
                notices.append(Self.stepUpNotice(error))
            } catch let ambiguous as AmbiguousWriteError {
                let lookup: ElevationRequest??
                do { lookup = .some(try await findSent(sentAt)) } catch { lookup = nil }
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
                    attempt: ambiguousAttempts, elapsed: client.clock.now().timeIntervalSince(started))
                guard case .retry(let delay) = decision else {
                    throw Self.notAmongRequests(ambiguous.underlying)
                }
                try await client.wait(delay)
            }
        }
    }

    /// An assignment an administrator made can be extended only within 14 days of its end (and not at all
    /// when permanent): refused here, before anything is sent, with when it becomes possible.
    static func checkExtendable(end: Date?, now: Date) throws(PIMError) -> Date {
        guard let end else {
            throw PIMError(.refused, "This assignment is permanent: there is nothing to extend.", step: .none)
        }
        guard end.timeIntervalSince(now) <= ServiceLimits.extensionWindow else {
            throw PIMError(
                .refused, "Extension can be requested only within 14 days of the assignment's end",
                step: .tryAgainLater(.at(end.addingTimeInterval(-ServiceLimits.extensionWindow))))
        }
        return end
    }

    /// The second half of lengthening a running activation, which neither service can do in place (the
    /// current one was just ended): `activate` asks for the new one. The notices say why; a failure says
    /// that nothing runs any more, with the failure's own step (trying again activates).
    func renewal(
        for duration: ActivationDuration, _ activate: () async throws -> ActivationResult
    ) async throws -> ActivationResult {
        do {
            var result = try await activate()
            result.notices.insert(
                """
                \(client.dialect.name) cannot lengthen a running activation, so the current one was ended and a new \
                one requested for \(duration.shortDescription).
                """,
                at: 0)
            if result.request.status.isPending {
                result.notices.append("The new activation waits for approval: you have no access until it is approved.")
            }
            return result
        } catch {
            var failure = PIMError.wrap(error)
            failure.event =
                "The running activation was ended, but the new one failed (" + Self.clause(failure.event)
                + "), so it is no longer active"
            throw failure
        }
    }

    /// The service accepted the request (2xx) but its answer could not be read: the request exists, so
    /// "try again" would send it twice. Finds it among my requests; when it cannot, says how to check.
    func acceptedButUnreadable(
        since: Date, notices: [String], _ unreadable: PIMError,
        _ findSent: (_ since: Date) async throws -> ElevationRequest?
    ) async throws -> ActivationResult {
        let service = client.dialect.name
        var failure = unreadable
        let found: ElevationRequest?
        do { found = try await findSent(since) } catch {
            failure.event =
                "\(service) accepted the request but sent an answer that could not be read, "
                + "and your requests could not be checked either"
            failure.step = .checkRequests(.beforeSendingAgain)
            throw failure
        }
        if let found {
            return ActivationResult(
                request: found,
                notices: notices + [
                    """
                    \(service)'s answer could not be read; the request was found among your requests, so it was \
                    not sent twice.
                    """
                ])
        }
        failure.event =
            "\(service) accepted the request but sent an answer that could not be read, "
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
    static func clause(_ text: String) -> String { text.hasSuffix(".") ? String(text.dropLast()) : text }

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
}
