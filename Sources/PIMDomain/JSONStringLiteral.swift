/// A JSON string literal written by hand, the same way wherever JSON is written by hand (the command
/// line's `--output json`, the simulated tenant's answers): each side decides only which further
/// characters it escapes.
public enum JSONStringLiteral {
    /// Appends `text` quoted: `"` and `\` escaped, newline, return and tab by name, and every scalar
    /// `escapes` picks as `\u` escapes of its UTF-16 units (so one beyond the BMP becomes a surrogate pair).
    public static func append(_ text: String, to out: inout String, escaping escapes: (Unicode.Scalar) -> Bool) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if escapes(scalar) {
                    for unit in String(scalar).utf16 { out += "\\u" + hex(unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Four lower-case hex digits, as `%04x` writes them.
    private static func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
