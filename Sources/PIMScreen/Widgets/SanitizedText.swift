import PIMDomain
import Synchronization

/// The sanitised form of strings the views draw frame after frame (names, kinds, states, scopes),
/// remembered so a frame does not run the sanitiser over every visible cell again: at 10,000 rows
/// that pass was two thirds of a frame. The sanitiser is a pure function of its input, so
/// remembering its answers changes what is drawn in no way, only how long drawing takes.
enum SanitizedText {
    /// Plenty for every cell of a screen and a refresh's worth of names; emptied when full, so
    /// countdown texts that change every second cannot make it grow without bound.
    static let capacity = 4_096

    private static let remembered = Mutex<[String: DisplayText]>([:])

    static func of(_ raw: String) -> DisplayText {
        if let known = remembered.withLock({ $0[raw] }) { return known }
        let text = DisplayText(untrusted: raw)
        remembered.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[raw] = text
        }
        return text
    }
}
