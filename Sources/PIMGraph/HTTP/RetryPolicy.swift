import Foundation

/// When to try an exchange again. A pure value: `decide` only computes, the sender sleeps.
///
/// Graph asks clients to honour `Retry-After` on 429 (and on 503 when present) and to back off
/// exponentially otherwise; 503/504 are transient. Other statuses are answers, not accidents.
public struct RetryPolicy: Hashable, Sendable {
    public enum Decision: Hashable, Sendable {
        case retry(after: Double)
        case fail
    }

    /// Total attempts including the first.
    public var maxAttempts: Int
    /// Seconds from the first attempt after which no new attempt starts.
    public var deadline: Double
    /// First backoff step; doubles each attempt.
    public var baseDelay: Double
    /// Largest single wait, whether computed or asked for by `Retry-After`.
    public var maxDelay: Double

    public init(maxAttempts: Int = 4, deadline: Double = 60, baseDelay: Double = 1, maxDelay: Double = 30) {
        self.maxAttempts = maxAttempts
        self.deadline = deadline
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Four attempts within a minute, backoff from 1 s, waits capped at 30 s.
    public static let standard = RetryPolicy()
    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// Throttled, unavailable, gateway timeout: the statuses Graph asks clients to retry.
    public static let retryableStatuses: Set<Int> = [429, 503, 504]

    /// After `attempt` attempts (1 = the first one failed) and `elapsed` seconds since the first began:
    /// wait and retry, or give up. `now` reads HTTP-date `Retry-After`; `random` in 0..<1 draws the jitter.
    public func decide(
        status: Int, headers: [String: String], attempt: Int, elapsed: Double,
        now: Date = Date(), random: Double = Double.random(in: 0..<1)
    ) -> Decision {
        guard Self.retryableStatuses.contains(status) else { return .fail }
        let delay =
            Self.retryAfter(headers, now: now).map { min($0, maxDelay) }
            ?? backoff(attempt: attempt, random: random)
        return schedule(delay, attempt: attempt, elapsed: elapsed)
    }

    /// For failures without a response (timeouts, dropped connections): backoff only.
    public func decideAfterTransportFailure(
        attempt: Int, elapsed: Double, random: Double = Double.random(in: 0..<1)
    ) -> Decision {
        schedule(backoff(attempt: attempt, random: random), attempt: attempt, elapsed: elapsed)
    }

    /// Exponential backoff with "equal jitter": half the step fixed, half random, so clients spread out.
    func backoff(attempt: Int, random: Double) -> Double {
        let step = min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
        return step / 2 + step / 2 * min(max(random, 0), 1)
    }

    private func schedule(_ delay: Double, attempt: Int, elapsed: Double) -> Decision {
        guard attempt < maxAttempts, elapsed + delay <= deadline else { return .fail }
        return .retry(after: max(0, delay))
    }

    /// `Retry-After` in seconds (Graph sends fractions such as `2.128`) or as an HTTP date. A value
    /// that says nothing usable — negative, not a number, infinite, a date already past — is treated as
    /// absent, so the caller backs off instead of retrying at once (`-5` meant four immediate retries).
    static func retryAfter(_ headers: [String: String], now: Date) -> Double? {
        guard
            let raw = headers.first(where: { $0.key.caseInsensitiveCompare("Retry-After") == .orderedSame })?.value
                .trimmingCharacters(in: .whitespaces), !raw.isEmpty
        else { return nil }
        if let seconds = Double(raw) { return seconds.isFinite && seconds >= 0 ? seconds : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: raw) {
                let wait = date.timeIntervalSince(now)
                return wait > 0 ? wait : nil
            }
        }
        return nil
    }
}
