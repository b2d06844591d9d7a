/// "Did you mean …?": the closest known word within a small edit distance.
enum Suggestion {
    /// The candidate closest to `word`, when close enough to be a plausible typo (or a unique prefix).
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        let prefixed = candidates.filter { $0.hasPrefix(lower) }
        if prefixed.count == 1 { return prefixed[0] }
        let scored = candidates.map { ($0, distance(lower, $0)) }.sorted { $0.1 < $1.1 }
        guard let best = scored.first else { return nil }
        let allowed = max(1, min(3, word.count / 3))
        return best.1 <= allowed ? best.0 : nil
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }

    /// " Did you mean --duration?" or "".
    static func sentence(for word: String, in candidates: [String], prefix: String = "") -> String {
        guard let match = closest(to: word, in: candidates) else { return "" }
        return " Did you mean \(prefix)\(match)?"
    }
}
