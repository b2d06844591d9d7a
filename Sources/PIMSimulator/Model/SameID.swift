import Foundation

/// Ids compare without case, as Graph matches them. Ids are ASCII, so a byte comparison answers
/// at once; Foundation's comparison, which is locale-aware and costs microseconds, is left for
/// anything else. The seed and every request look ids up this way, thousands of times.
func sameID(_ a: String, _ b: String) -> Bool {
    if let order = UTCFields.caseInsensitiveOrder(a, b) { return order == .orderedSame }
    return a.caseInsensitiveCompare(b) == .orderedSame
}
