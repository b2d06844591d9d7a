import Synchronization

/// Counts HTTP exchanges (for `Dashboard.requestCount` and the benchmark), and round trips: exchanges
/// sent together (the chunks of one large batch) are one round trip, because only the slowest of
/// them is waited for. Latency multiplies round trips, not exchanges.
final class ExchangeCounter: Sendable {
    private let counts = Mutex((exchanges: 0, rounds: 0))
    func increment() {
        counts.withLock {
            $0.exchanges += 1; $0.rounds += 1
        }
    }
    /// `extra` exchanges were sent alongside another one: they add no round trip.
    func overlapped(_ extra: Int) { counts.withLock { $0.rounds -= max(0, extra) } }
    var value: Int { counts.withLock { $0.exchanges } }
    var rounds: Int { counts.withLock { $0.rounds } }
}
