import PIMDomain

/// Comma-separated values as RFC 4180 writes them: a header row, every line ended by CRLF, and a
/// field quoted (its quotes doubled) when it holds a comma, a quote, CR or LF. Fields are written
/// exactly as given; whoever prints the document to a terminal makes it inert first.
public struct CSV: Sendable, Hashable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The whole document, header first, each record ended by CRLF.
    public func rendered() -> String {
        ([header] + rows).map { record in record.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The same document with every field made safe for a terminal (a newline in a field shows as ␤).
    public func sanitized() -> CSV {
        CSV(header: header, rows: rows.map { $0.map(Sanitizer.sanitize) })
    }

    /// One field, quoted only when RFC 4180 requires it.
    static func field(_ text: String) -> String {
        // Unicode scalars, not characters: "\r\n" is one Character and would hide from a Character test.
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
