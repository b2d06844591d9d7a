import Foundation

/// Reads just enough of a JSON document to find values and their byte ranges, without building
/// objects. A `$batch` answer nests every item's body: reading it this way hands each body on as
/// the bytes Graph sent instead of parsing it into `[String: Any]` and writing it out again (which
/// cost more than the rest of a dashboard load together).
struct JSONSpanReader {
    struct Malformed: Error {}

    let bytes: [UInt8]
    private(set) var index = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, without consuming it.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func expect(_ byte: UInt8) throws(Malformed) {
        guard peek() == byte else { throw Malformed() }
        index += 1
    }

    /// Calls `member` for each key of an object; `member` must consume the value.
    mutating func readObject(_ member: (String, inout JSONSpanReader) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            let key = try readString()
            try expect(UInt8(ascii: ":"))
            try member(key, &self)
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return
            default: throw Malformed()
            }
        }
    }

    /// Calls `element` for each element of an array; `element` must consume it.
    mutating func readArray(_ element: (inout JSONSpanReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            try element(&self)
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return
            default: throw Malformed()
            }
        }
    }

    /// A string value, unescaped.
    mutating func readString() throws(Malformed) -> String {
        let (start, end, escaped) = try skipString()
        if !escaped { return String(decoding: bytes[start..<end], as: UTF8.self) }
        // Rare (escapes in ids or headers): let the standard parser unescape this one string.
        let literal = Data(bytes[(start - 1)...end])
        guard let value = try? JSONDecoder().decode(String.self, from: literal) else { throw Malformed() }
        return value
    }

    /// Moves past one string; returns where its text starts and ends (before the closing quote) and
    /// whether it holds escapes. Scans through a buffer pointer: indexing the array member byte by byte
    /// retained and released it for every byte, seconds for a megabyte-long name.
    private mutating func skipString() throws(Malformed) -> (start: Int, end: Int, escaped: Bool) {
        guard peek() == Self.quote else { throw Malformed() }
        let start = index + 1
        let (end, escaped) = bytes.withUnsafeBufferPointer { buffer in
            var end = start
            var escaped = false
            while end < buffer.count, buffer[end] != Self.quote {
                if buffer[end] == Self.backslash { escaped = true; end += 1 }
                end += 1
            }
            return (end, escaped)
        }
        guard end < bytes.count else { throw Malformed() }
        index = end + 1
        return (start, end, escaped)
    }

    /// Skips one value of any kind and returns the bytes it spans.
    mutating func skipValue() throws(Malformed) -> Range<Int> {
        guard let first = peek() else { throw Malformed() }
        let start = index
        switch first {
        case Self.quote:
            _ = try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.quote {
                    _ = try skipString()
                    continue
                }
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { index += 1; return start..<index }
                }
                index += 1
            }
            throw Malformed()
        default:
            // Numbers, true, false, null.
            while index < bytes.count, !Self.delimiters.contains(bytes[index]) { index += 1 }
            guard index > start else { throw Malformed() }
        }
        return start..<index
    }

    private static let delimiters: Set<UInt8> = [
        UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D,
    ]

    /// The text of a span (numbers, literals).
    func text(_ span: Range<Int>) -> String { String(decoding: bytes[span], as: UTF8.self) }

    /// True when nothing but whitespace is left.
    mutating func atEnd() -> Bool { peek() == nil }
}
