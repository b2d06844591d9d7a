import Foundation
import Testing
@testable import PIMGraph

/// Retry timing is a pure decision: checked here without any waiting.
struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 4, deadline: 60, baseDelay: 1, maxDelay: 30)
    let now = Date(timeIntervalSince1970: 1_767_686_400)

    @Test func retryAfterSecondsIsHonoured() {
        #expect(
            policy.decide(status: 429, headers: ["Retry-After": "3"], attempt: 1, elapsed: 0, now: now)
                == .retry(after: 3))
        #expect(
            policy.decide(status: 429, headers: ["retry-after": "2.128"], attempt: 1, elapsed: 0, now: now)
                == .retry(after: 2.128))
    }

    @Test func retryAfterHttpDateIsHonoured() {
        let decision = policy.decide(
            status: 503, headers: ["Retry-After": "Tue, 06 Jan 2026 08:00:07 GMT"], attempt: 1, elapsed: 0, now: now)
        #expect(decision == .retry(after: 7))
    }

    /// A `Retry-After` that says nothing usable is absent: backoff (0.5 s at random 0), never an immediate retry.
    @Test func meaninglessRetryAfterBacksOff() {
        for value in [
            "-5", "-0.5", "nan", "inf", "-inf", "soon", "Tue, 06 Jan 2026 07:59:00 GMT",
            "Wed, 21 Oct 2015 07:28:00 GMT",
        ] {
            #expect(
                policy.decide(status: 429, headers: ["Retry-After": value], attempt: 1, elapsed: 0, now: now, random: 0)
                    == .retry(after: 0.5), "\(value)")
        }
        #expect(
            policy.decide(status: 429, headers: ["Retry-After": "0"], attempt: 1, elapsed: 0, now: now, random: 0)
                == .retry(after: 0))
        #expect(
            policy.decide(status: 429, headers: ["Retry-After": "1e300"], attempt: 1, elapsed: 0, now: now)
                == .retry(after: 30))
    }

    @Test func withoutRetryAfterBackoffDoublesWithJitter() {
        #expect(policy.decide(status: 429, headers: [:], attempt: 1, elapsed: 0, random: 0) == .retry(after: 0.5))
        #expect(policy.decide(status: 429, headers: [:], attempt: 1, elapsed: 0, random: 1) == .retry(after: 1))
        #expect(policy.decide(status: 504, headers: [:], attempt: 2, elapsed: 0, random: 0) == .retry(after: 1))
        #expect(policy.decide(status: 503, headers: [:], attempt: 3, elapsed: 0, random: 0.5) == .retry(after: 3))
    }

    @Test func onlyTransientStatusesAreRetried() {
        for status in [200, 400, 401, 403, 404, 409, 500, 502] {
            #expect(policy.decide(status: status, headers: ["Retry-After": "1"], attempt: 1, elapsed: 0) == .fail)
        }
    }

    @Test func attemptsAndDeadlineAreBounded() {
        #expect(policy.decide(status: 429, headers: ["Retry-After": "1"], attempt: 4, elapsed: 0) == .fail)
        #expect(policy.decide(status: 429, headers: ["Retry-After": "10"], attempt: 1, elapsed: 55) == .fail)
        #expect(policy.decide(status: 429, headers: ["Retry-After": "5"], attempt: 1, elapsed: 55) == .retry(after: 5))
        // A Retry-After beyond the cap is shortened to the cap.
        #expect(
            policy.decide(status: 429, headers: ["Retry-After": "600"], attempt: 1, elapsed: 0) == .retry(after: 30))
    }

    @Test func transportFailuresBackOff() {
        #expect(policy.decideAfterTransportFailure(attempt: 1, elapsed: 0, random: 0) == .retry(after: 0.5))
        #expect(policy.decideAfterTransportFailure(attempt: 4, elapsed: 0) == .fail)
        #expect(RetryPolicy.none.decideAfterTransportFailure(attempt: 1, elapsed: 0) == .fail)
    }
}
