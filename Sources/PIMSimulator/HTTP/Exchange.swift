import Foundation

/// The ids and time of one HTTP exchange.
struct Exchange {
    var requestId: String
    var clientRequestId: String
    var now: Date
    /// Scheme and host the client used, for the links the tenant prints.
    var origin: String
}
