import Foundation
import PIMDomain

/// What History's `/` line asks for: free words (matched as in every pane) and the tokens `user:NAME`,
/// `target:NAME`, `since:WHEN` and `until:WHEN` (WHEN as `pim history --until` takes it; a value with
/// spaces in double quotes: `user:"Ben Okafor"`). Pure: `now` is passed in.
public struct HistoryQuery: Hashable, Sendable {
    /// The free words, space-separated, for the folded text search.
    public var words: String = ""
    /// Folded; a substring of who acted (History) or who asked (my decisions).
    public var user: String?
    /// Folded; a substring of the role, group or Azure role's name.
    public var target: String?
    public var since: Date?
    public var until: Date?
    /// The status line's sentence for the first token that could not be read; that token is left out.
    public var problem: String?

    public static let keys = ["user", "target", "since", "until"]

    public init(parsing text: String, now: Date) {
        var free: [String] = []
        for piece in Self.pieces(text) {
            guard let colon = piece.firstIndex(of: ":"),
                let key = Self.keys.first(where: { $0 == piece[..<colon].lowercased() })
            else {
                free.append(piece)
                continue
            }
            var value = String(piece[piece.index(after: colon)...])
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            guard !value.isEmpty else {
                note("\(key): needs a value, e.g. \(key):\(Self.example(key)).")
                continue
            }
            switch key {
            case "user": user = SearchKeys.fold(value)
            case "target": target = SearchKeys.fold(value)
            default:
                let edge: HistoryTime.Edge = key == "since" ? .since : .until
                do throws(HistoryTime.ParseError) {
                    let date = try HistoryTime.parse(value, now: now, edge: edge)
                    if key == "since" { since = date } else { until = date }
                } catch {
                    note("\(key): \(error.message)")
                }
            }
        }
        words = free.joined(separator: " ")
        if problem == nil, let since, let until, until < since {
            note("until: is before since: — nothing could match; the two are left out.")
            self.since = nil
            self.until = nil
        }
    }

    /// Whether any token narrows the rows beyond the free words.
    public var hasTokens: Bool { user != nil || target != nil || since != nil || until != nil }

    /// Whether a row with these fields passes the tokens (the free words are matched apart).
    public func matches(user names: [String?], target name: String, date: Date?) -> Bool {
        if let user, !names.contains(where: { $0.map { SearchKeys.fold($0).contains(user) } ?? false }) {
            return false
        }
        if let target, !SearchKeys.fold(name).contains(target) { return false }
        if since != nil || until != nil {
            guard let date else { return false }
            if let since, date < since { return false }
            if let until, date > until { return false }
        }
        return true
    }

    private mutating func note(_ sentence: String) {
        if problem == nil { problem = sentence }
    }

    private static func example(_ key: String) -> String {
        switch key {
        case "since": "7d"
        case "until": "2026-11-20"
        case "user": "ben"
        default: "Reader"
        }
    }

    /// The text split at spaces, except inside double quotes.
    static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == " ", !quoted {
                if !current.isEmpty { pieces.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
