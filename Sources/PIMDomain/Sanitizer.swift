/// Makes untrusted text from the service safe for a terminal: every control character, escape
/// sequence (ESC/CSI/OSC/DCS…), C1 control, bidi override and invisible formatting character becomes
/// visible and inert. The result contains no byte a terminal would interpret.
public enum Sanitizer {
    /// Linear in the text: clean text comes back as it is; otherwise the result is built as UTF-8
    /// bytes (appending to a String's scalar view copied the whole string for every character).
    public static func sanitize(_ text: String) -> String {
        guard !isClean(text) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if let replacement = replacement(scalar) {
                out.append(contentsOf: replacement.utf8)
            } else {
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when `text` would be changed by `sanitize` (fast path for clean strings).
    public static func isClean(_ text: String) -> Bool {
        // Printable ASCII needs no look at scalar properties.
        text.utf8.allSatisfy { (0x20...0x7E).contains($0) } || text.unicodeScalars.allSatisfy { replacement($0) == nil }
    }

    /// The visible form of a scalar a terminal would act on or hide; nil for every other scalar.
    static func replacement(_ s: Unicode.Scalar) -> String? {
        switch s.value {
        case 0x1B: return "␛"  // ESC: the start of every sequence
        case 0x09: return " "  // tab: would break alignment
        case 0x0A, 0x0D: return "␤"  // newline inside a cell
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + s.value)!)  // C0 → Control Pictures (␇ for BEL)
        case 0x7F: return "␡"
        case 0x80...0x9F: return code(s, digits: 2, "<", ">")  // C1 (0x9B = CSI)
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0xFFF9...0xFFFB,
            0x061C, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x180E:
            // zero-width, line/paragraph separators, bidi marks/embeddings/overrides/isolates (with the
            // Arabic letter mark), BOM, and the blank fillers that make a name look empty or like another
            return code(s, digits: 4)
        case 0xE0000...0xE007F: return code(s, digits: 5)  // tag chars
        case 0x0D4E, 0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02:
            // Prepended letters: they join whatever follows into one character, so padding after
            // them vanishes from the measured width and columns shift
            return code(s, digits: 4)
        default:
            // Any other invisible formatting character (soft hyphen, prepended number signs such as
            // U+0601, which also swallow the padding after them)
            if s.properties.generalCategory == .format {
                return code(s, digits: 4)
            }
            return nil
        }
    }

    /// `<U+202E>`, or `<9B>` for a C1 control: upper-case hex, at least `digits` of them.
    private static func code(_ s: Unicode.Scalar, digits: Int, _ open: String = "<U+", _ close: String = ">") -> String
    {
        let hex = String(s.value, radix: 16, uppercase: true)
        return open + String(repeating: "0", count: max(0, digits - hex.count)) + hex + close
    }
}

import Foundation

/// Text that went through the sanitiser (or is a literal of the program's own). Screens and tables
/// accept only this, so a raw service string cannot reach the terminal by accident.
public struct DisplayText: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let string: String

    /// Untrusted text from the service, a file or a user: sanitised.
    /// Masks a token the client holds before sanitising (and before any cell cuts it): a service may echo one.
    public init(untrusted: String) { string = Sanitizer.sanitize(SecretMask.mask(untrusted)) }

    /// The program's own literal text.
    public init(stringLiteral value: String) { string = Sanitizer.sanitize(value) }

    public var description: String { string }

    /// Columns this text takes in a terminal.
    public var width: Int { DisplayWidth.of(string) }

    public static func + (a: DisplayText, b: DisplayText) -> DisplayText {
        DisplayText(trustedConcatenation: a.string + b.string)
    }

    private init(trustedConcatenation: String) { string = trustedConcatenation }

    public static let empty: DisplayText = ""
}
