import PIMDomain

/// A write whose fate is unknown: the request may have reached the service (timeout after sending,
/// a dropped connection, or a 5xx/504 answer to a POST). Never repeated blindly.
struct AmbiguousWriteError: Error {
    var underlying: PIMError
}
