import Synchronization

/// Counts HTTP exchanges (for `Dashboard.requestCount` and the benchmark).
final class ExchangeCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
