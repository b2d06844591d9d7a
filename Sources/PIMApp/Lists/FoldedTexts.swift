/// The folded search text of every row of one pane. A row's text is a few pieces (its columns: a
/// role's name, kind, scope, state and tier) joined by single spaces; each piece is stored once, end
/// to end in a few large byte buffers, and a row keeps the numbers of its pieces.
///
/// 50,000 audit events repeat the same few activities, results, people and reasons: as one string
/// per row their text takes about 150 bytes a row, as pieces 30 bytes plus the row's own (its
/// request id). A word of the needle has no space in it, so it is in a row's text exactly when it is
/// in one of the row's pieces: the filter looks through each distinct piece once, then at each
/// row's few numbers. Buffers of `chunkSize` bytes are filled in turn, so the waste is what is left
/// at the end of each one, not half an array that doubled as it grew.
struct FoldedTexts: Hashable, Sendable {
    static let chunkSize = 64 * 1024
    /// How many pieces appending remembers in order to share them. Forgotten all at once when full,
    /// so a pane whose pieces are mostly different (request ids) costs a bounded index.
    static let recentLimit = 2_048

    /// Where a piece's bytes are: chunk, first byte and length.
    private struct Span: Hashable, Sendable {
        var chunk: UInt32
        var start: UInt32
        var length: UInt32
    }

    private var chunks: [[UInt8]] = []
    private var pieces: [Span] = []
    /// Every row's piece numbers, end to end: row n's are `pieceNumbers[rowEnds[n - 1]..<rowEnds[n]]`.
    private var pieceNumbers: [UInt32] = []
    private var rowEnds: [UInt32] = []
    /// Pieces appended lately, by text: only while appending (`finishAppending` drops it), and not
    /// part of the value.
    private var recent: [String: UInt32] = [:]

    init() {}

    init(reservingRows rows: Int) { rowEnds.reserveCapacity(rows) }

    var count: Int { rowEnds.count }

    /// Adds the next row, whose text is `text` (already folded).
    mutating func append(_ text: String) { append(pieces: CollectionOfOne(text)) }

    /// Adds the next row, whose text is `pieces` (each already folded) joined by single spaces.
    mutating func append(pieces rowPieces: some Sequence<String>) {
        for piece in rowPieces { pieceNumbers.append(number(of: piece)) }
        rowEnds.append(UInt32(pieceNumbers.count))
    }

    /// Drops what appending keeps to share pieces; rows can still be appended after.
    mutating func finishAppending() { recent = [:] }

    /// The rows whose text contains every word of `needle` (folded), in any order — "Contributor
    /// Prod-Payments" finds the row whose kind sits between the two — in row order, comparing UTF-8 bytes.
    func rows(containing needle: String) -> [Int] {
        let words = needle.split(separator: " ").map { Array($0.utf8) }
        guard !words.isEmpty else { return Array(rowEnds.indices) }
        // A space the needle keeps inside a word (one followed by a combining mark) may match where
        // two pieces meet: such a word is looked for in each row's whole text.
        if words.contains(where: { $0.contains(UInt8(ascii: " ")) }) { return rowsByWholeText(containing: words) }
        let hits = words.map { piecesContaining($0) }
        var found: [Int] = []
        pieceNumbers.withUnsafeBufferPointer { numbers in
            var start = 0
            for (row, end) in rowEnds.enumerated() {
                let own = UnsafeBufferPointer(rebasing: numbers[start..<Int(end)])
                if hits.allSatisfy({ hit in own.contains { hit[Int($0)] } }) { found.append(row) }
                start = Int(end)
            }
        }
        return found
    }

    static func == (a: Self, b: Self) -> Bool {
        a.chunks == b.chunks && a.pieces == b.pieces && a.pieceNumbers == b.pieceNumbers && a.rowEnds == b.rowEnds
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(chunks)
        hasher.combine(pieces)
        hasher.combine(pieceNumbers)
        hasher.combine(rowEnds)
    }

    /// The number of the piece whose text is `text`: one appended lately, or a new one.
    private mutating func number(of text: String) -> UInt32 {
        if let known = recent[text] { return known }
        var text = text
        let number = UInt32(pieces.count)
        text.withUTF8 { bytes in
            if chunks.isEmpty || chunks[chunks.count - 1].count + bytes.count > chunks[chunks.count - 1].capacity {
                var chunk: [UInt8] = []
                chunk.reserveCapacity(max(Self.chunkSize, bytes.count))
                chunks.append(chunk)
            }
            let last = chunks.count - 1
            pieces.append(Span(chunk: UInt32(last), start: UInt32(chunks[last].count), length: UInt32(bytes.count)))
            chunks[last].append(contentsOf: bytes)
        }
        if recent.count >= Self.recentLimit { recent.removeAll(keepingCapacity: true) }
        recent[text] = number
        return number
    }

    /// Whether each piece contains `word`, by piece number (pieces fill the chunks in order, so each
    /// chunk is opened once).
    private func piecesContaining(_ word: [UInt8]) -> [Bool] {
        var hits = [Bool](repeating: false, count: pieces.count)
        var number = 0
        word.withUnsafeBufferPointer { pattern in
            for (index, chunk) in chunks.enumerated() {
                chunk.withUnsafeBufferPointer { bytes in
                    while number < pieces.count, pieces[number].chunk == UInt32(index) {
                        let span = pieces[number]
                        let text = UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.start + span.length)])
                        hits[number] = Self.contains(text, pattern)
                        number += 1
                    }
                }
            }
        }
        return hits
    }

    /// The rows whose pieces, joined by single spaces, contain every word.
    private func rowsByWholeText(containing words: [[UInt8]]) -> [Int] {
        var found: [Int] = []
        var start = 0
        for (row, end) in rowEnds.enumerated() {
            var text: [UInt8] = []
            for (n, number) in pieceNumbers[start..<Int(end)].enumerated() {
                if n > 0 { text.append(UInt8(ascii: " ")) }
                let span = pieces[Int(number)]
                text += chunks[Int(span.chunk)][Int(span.start)..<Int(span.start + span.length)]
            }
            let matches = text.withUnsafeBufferPointer { haystack in
                words.allSatisfy { word in word.withUnsafeBufferPointer { Self.contains(haystack, $0) } }
            }
            if matches { found.append(row) }
            start = Int(end)
        }
        return found
    }

    /// Whether `haystack` contains `pattern` (a plain byte search; both sides are folded the same way,
    /// so a byte match is a match).
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        guard pattern.count <= haystack.count else { return false }
        var start = 0
        let lastStart = haystack.count - pattern.count
        while start <= lastStart {
            if haystack[start] == first {
                var matched = 1
                while matched < pattern.count, haystack[start + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return true }
            }
            start += 1
        }
        return false
    }
}
