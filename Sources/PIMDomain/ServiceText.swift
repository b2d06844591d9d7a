/// How much of one string from the service pim keeps. Entra's names, descriptions and
/// justifications are far shorter (a justification is at most 500 characters); a longer string is
/// hostile or broken, and every screen, table and width computation downstream would pay for it.
/// Strings are cut when Graph's JSON is decoded and end with "…" when cut.
public enum ServiceText {
    /// Characters (grapheme clusters) kept of one service string, the "…" included.
    public static let limit = 4_096

    /// `text` itself when it has at most `limit` characters; otherwise its first `limit - 1` and "…".
    /// Costs at most `limit` characters of work, however long the text.
    public static func capped(_ text: String) -> String {
        // Each character is at least one UTF-8 byte: short byte counts need no counting.
        if text.utf8.count <= limit { return text }
        guard let beyond = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
            beyond < text.endIndex
        else { return text }
        return String(text[..<text.index(before: beyond)]) + "…"
    }
}
