/// One request the stand-in answered, on the monotonic clock of `Measure.nanoseconds()`.
struct WireExchange: Sendable {
    enum Service: String, Sendable { case graph, arm }

    var service: Service
    var method: String
    /// The path without the query (never a token: tokens travel in headers, which are not kept).
    var path: String
    /// When the request's head arrived on the socket.
    var arrived: UInt64
    /// When its answer had been written.
    var answered: UInt64
}

/// Round trips as a user waits for them: requests in flight at the same time (curl's concurrent chunks,
/// Graph's `$batch` beside ARM's `/batch`) are one round; a request sent after the last answer is another.
enum RoundTrips {
    static func count(_ exchanges: [WireExchange]) -> Int {
        var rounds = 0
        var roundEnds: UInt64?
        for exchange in exchanges.sorted(by: { $0.arrived < $1.arrived }) {
            if let end = roundEnds, exchange.arrived <= end {
                roundEnds = max(end, exchange.answered)
            } else {
                rounds += 1
                roundEnds = exchange.answered
            }
        }
        return rounds
    }
}
