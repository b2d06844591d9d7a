import Foundation
import PIMDomain

/// Wrapping and formatting of text by display columns, and the time formats of the views.
enum TextLayout {
    /// Splits `text` into lines of at most `width` columns, at spaces where possible. Linear in the
    /// text: each character is measured once (cutting a long word used to re-measure its rest per line).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = DisplayWidth.of(String(word))
            if w > width {
                // A word longer than the line: cut it hard, on a line of its own.
                if used > 0 { lines.append(line); line = ""; used = 0 }
                for ch in word {
                    let cw = DisplayWidth.of(ch)
                    // A character wider than the whole line cannot be shown at all.
                    if cw > width { if used > 0 { lines.append(line) }; return lines }
                    if used + cw > width { lines.append(line); line = ""; used = 0 }
                    line.append(ch)
                    used += cw
                }
                continue
            }
            if used == 0 {
                line = String(word)
                used = w
            } else if used + 1 + w <= width {
                line += " " + word
                used += 1 + w
            } else {
                lines.append(line)
                line = String(word)
                used = w
            }
        }
        if used > 0 { lines.append(line) }
        return lines
    }

    /// `2026-11-23 12:05Z`: UTC, so screens read the same everywhere and tests are reproducible.
    static func dateTime(_ date: Date?) -> String {
        guard let date else { return "—" }
        let c = UTCTime(date)
        return
            """
            \(UTCTime.digits(c.year, 4))-\(UTCTime.digits(c.month))-\(UTCTime.digits(c.day)) \
            \(UTCTime.digits(c.hour)):\(UTCTime.digits(c.minute))Z
            """
    }

    /// `12:05Z`.
    static func time(_ date: Date?) -> String {
        guard let date else { return "—" }
        let c = UTCTime(date)
        return "\(UTCTime.digits(c.hour)):\(UTCTime.digits(c.minute))Z"
    }

    /// `12:05:09Z`, for the title line.
    static func clock(_ date: Date) -> String {
        let c = UTCTime(date)
        return "\(UTCTime.digits(c.hour)):\(UTCTime.digits(c.minute)):\(UTCTime.digits(c.second))Z"
    }

    static func urgencyStyle(_ remaining: Double?) -> StyleRole {
        urgencyStyle(Urgency(remaining: remaining))
    }

    static func urgencyStyle(_ urgency: Urgency) -> StyleRole {
        switch urgency {
        case .plenty: .urgencyPlenty
        case .soon: .urgencySoon
        case .imminent: .urgencyImminent
        case .expired: .expired
        }
    }
}
