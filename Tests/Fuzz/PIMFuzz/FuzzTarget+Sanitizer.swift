import Foundation
import PIMDomain

extension FuzzTarget {
    /// Untrusted text on its way to a terminal. Invariants:
    /// - the sanitised text contains no C0/C1 control, DEL, ESC, bidi control, zero-width or tag
    ///   character (nothing a terminal would interpret or that would reorder what is shown);
    /// - sanitising is idempotent and `DisplayText(untrusted:)` is the sanitiser;
    /// - widths are never negative; `truncate` never exceeds the width asked for and `pad` hits it exactly.
    static func sanitizer(_ data: Data) {
        let raw = String(decoding: data, as: UTF8.self)
        let clean = Sanitizer.sanitize(raw)
        for scalar in clean.unicodeScalars {
            precondition(
                isInert(scalar), "sanitised text still holds U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
        precondition(Sanitizer.isClean(clean), "isClean disagrees with sanitize")
        precondition(Sanitizer.sanitize(clean) == clean, "sanitising twice changed the text")
        precondition(DisplayText(untrusted: raw).string == clean, "DisplayText differs from the sanitiser")
        let width = DisplayWidth.of(clean)
        precondition(width >= 0, "negative width")
        precondition(DisplayWidth.of(raw) >= 0, "negative width of raw text")
        // The edges where off-by-one mistakes live: tiny widths and around the text's own width.
        let edges = Set([0, 1, 2, 3, max(0, width - 2), max(0, width - 1), width, width + 1])
        for columns in edges.sorted() {
            let cut = DisplayWidth.truncate(clean, to: columns)
            precondition(DisplayWidth.of(cut) <= columns, "truncate to \(columns) gave width \(DisplayWidth.of(cut))")
            let padded = DisplayWidth.pad(clean, to: columns)
            precondition(DisplayWidth.of(padded) == columns, "pad to \(columns) gave width \(DisplayWidth.of(padded))")
        }
    }

    /// True for a scalar a terminal shows as itself.
    static func isInert(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0xFFF9...0xFFFB: return false
        case 0x061C, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x180E: return false
        case 0xE0000...0xE007F: return false
        default: return scalar.properties.generalCategory != .format
        }
    }
}
