import Foundation

/// The filter's view of each row: its searchable text, case- and diacritic-folded, per pane.
/// Rebuilt whenever a pane's rows are replaced (`AppState.rebuildSearchKeys`), so it is always the
/// text of the rows: two states with the same rows have equal keys, and comparing them is honest.
struct SearchKeys: Hashable, Sendable {
    var keys: [Pane: FoldedTexts] = Dictionary(uniqueKeysWithValues: Pane.allCases.map { ($0, FoldedTexts()) })

    /// Folds case and diacritics. Plain ASCII (most names) only needs lowering, which is much
    /// cheaper than Foundation's folding and gives the same result.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Whether folded `key` contains folded `needle`, comparing UTF-8 bytes (both sides are folded
    /// the same way, so a byte match is a match).
    static func contains(_ key: String, _ needle: String) -> Bool {
        var key = key, needle = needle
        return key.withUTF8 { haystack in needle.withUTF8 { pattern in FoldedTexts.contains(haystack, pattern) } }
    }
}
