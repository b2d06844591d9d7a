import PIMDomain

/// Display columns of text that is already sanitised, with a fast path for printable ASCII (names,
/// kinds, states, countdowns: nearly every cell), whose width is its length. Other text goes through
/// `DisplayWidth`, which looks up each scalar's Unicode properties.
enum Columns {
    /// Printable ASCII only (space to `~`): one column per byte.
    static func isPlainASCII(_ string: String) -> Bool {
        string.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    static func of(_ string: String) -> Int {
        isPlainASCII(string) ? string.utf8.count : DisplayWidth.of(string)
    }

    /// `DisplayWidth.truncate`: cut to `width` columns, ending in "…" when cut.
    static func truncate(_ string: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard isPlainASCII(string) else { return DisplayWidth.truncate(string, to: width) }
        if string.utf8.count <= width { return string }
        return String(string.utf8.prefix(width - 1))! + "…"
    }

    /// Single-character strings of printable ASCII, so a cell needs no new string.
    static let ascii: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
}
