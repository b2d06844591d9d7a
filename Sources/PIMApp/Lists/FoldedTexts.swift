/// The folded search text of every row of one pane, stored end to end in a few large byte buffers
/// instead of one string per row.
///
/// A string per row costs its header and its allocation on top of its bytes (about 60 bytes on a
/// text of 100), and a refresh of 10,000 roles and 10,000 audit events builds 20,000 of them while
/// the previous state and the new dashboard are both alive. Buffers of `chunkSize` bytes are
/// filled in turn, so the waste is what is left at the end of each one, not half an array that
/// doubled as it grew.
struct FoldedTexts: Hashable, Sendable {
    static let chunkSize = 64 * 1024

    /// Where row `n`'s text is: chunk, first byte and length.
    private struct Span: Hashable, Sendable {
        var chunk: UInt32
        var start: UInt32
        var length: UInt32
    }

    private var chunks: [[UInt8]] = []
    private var spans: [Span] = []

    init() {}

    init(reservingRows rows: Int) { spans.reserveCapacity(rows) }

    var count: Int { spans.count }

    /// Adds the next row's text (already folded).
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            if chunks.isEmpty || chunks[chunks.count - 1].count + bytes.count > chunks[chunks.count - 1].capacity {
                var chunk: [UInt8] = []
                chunk.reserveCapacity(max(Self.chunkSize, bytes.count))
                chunks.append(chunk)
            }
            let last = chunks.count - 1
            spans.append(Span(chunk: UInt32(last), start: UInt32(chunks[last].count), length: UInt32(bytes.count)))
            chunks[last].append(contentsOf: bytes)
        }
    }

    /// The rows whose text contains every word of `needle` (folded), in any order — "Contributor
    /// Prod-Payments" finds the row whose kind sits between the two — in row order, comparing UTF-8 bytes.
    func rows(containing needle: String) -> [Int] {
        let words = needle.split(separator: " ").map { Array($0.utf8) }
        guard !words.isEmpty else { return Array(spans.indices) }
        var found: [Int] = []
        var row = 0
        for (index, chunk) in chunks.enumerated() {
            chunk.withUnsafeBufferPointer { bytes in
                while row < spans.count, spans[row].chunk == UInt32(index) {
                    let span = spans[row]
                    let text = UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.start + span.length)])
                    if words.allSatisfy({ word in word.withUnsafeBufferPointer { Self.contains(text, $0) } }) {
                        found.append(row)
                    }
                    row += 1
                }
            }
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
