import Foundation

/// The filter's view of each row: its searchable text, case- and diacritic-folded, per pane.
/// A cache derived from the rows, so it takes no part in equality: two states with the same rows
/// are equal whether or not the cache was built.
struct SearchKeys: Hashable, Sendable {
    var keys: [Pane: [String]] = [:]

    static func == (a: SearchKeys, b: SearchKeys) -> Bool { true }
    func hash(into hasher: inout Hasher) {}

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
