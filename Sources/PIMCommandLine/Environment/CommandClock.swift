import Foundation

/// Time as the commands see it: the current date and a way to wait. `--wait` and `--watch` poll
/// through it, so tests advance time instead of sleeping.
public struct CommandClock: Sendable {
    public var now: @Sendable () -> Date
    public var sleep: @Sendable (_ seconds: Double) async throws -> Void

    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Double) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The wall clock and real sleeping.
    public static let system = CommandClock(
        now: { Date() },
        sleep: { seconds in
            try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
        })
}
