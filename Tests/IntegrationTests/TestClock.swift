import Foundation
import PIMGraph
import Synchronization

/// One clock for the simulated tenant and the Graph client: waiting advances it instead of sleeping,
/// and tests move it forward to make elevations expire.
final class TestClock: GraphClock {
    private let current: Mutex<Date>

    init(_ start: Date = Date()) { current = Mutex(start) }

    func now() -> Date { current.withLock { $0 } }

    func sleep(seconds: Double) async throws { advance(seconds) }

    func advance(_ seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
