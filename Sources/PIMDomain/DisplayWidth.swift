/// Terminal column widths: East Asian wide and emoji take two columns, combining marks none.
/// Pure (no wcwidth, no locale), so tables align the same in tests and in every terminal.
public enum DisplayWidth {
    /// Columns `text` occupies.
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// Columns one grapheme occupies: the first scalar decides; emoji presentation makes it wide.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        return of(first)
    }

    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        // Printable ASCII first: most of every screen, and the Unicode property look-ups below are slow.
        if v >= 0x20 && v < 0x7F { return 1 }
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels / final consonants
        if s.properties.isEmojiPresentation { return 2 }
        if isWide(v) { return 2 }
        return 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Cuts `text` to at most `width` columns, ending with "…" when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `text` cut to `width` columns by leaving out its middle: "itops-sys…noapproval". For names
    /// that share a long start (`itops-sysadmin-prod-…`), where cutting the end makes two read alike.
    public static func truncateMiddle(_ text: String, to width: Int, head: Int? = nil) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        guard width >= 5 else { return truncate(text, to: width) }
        let characters = Array(text)
        let headRoom = min(width - 2, max(1, head ?? (width - (width - 1) / 2 - 1))), tailRoom = width - 1 - headRoom
        var head = "", used = 0
        for ch in characters {
            let w = of(ch)
            if used + w > headRoom { break }
            head.append(ch)
            used += w
        }
        var tail: [Character] = []
        used = 0
        for ch in characters.reversed() {
            let w = of(ch)
            if used + w > tailRoom { break }
            tail.append(ch)
            used += w
        }
        return head + "…" + String(tail.reversed())
    }

    /// Cuts each of `texts` to `width` columns at the end; texts that would then read alike are cut in
    /// the middle instead, keeping as much of their start as still tells them apart.
    public static func truncateDistinct(_ texts: [String], to width: Int) -> [String] {
        var cuts = texts.map { truncate($0, to: width) }
        var groups: [String: [Int]] = [:]
        for index in texts.indices where cuts[index] != texts[index] { groups[cuts[index], default: []].append(index) }
        let half = width - (width - 1) / 2 - 1
        for members in groups.values {
            let distinct = Set(members.map { texts[$0] })
            guard distinct.count > 1 else { continue }
            let head =
                stride(from: half, through: 1, by: -1).first { head in
                    Set(distinct.map { truncateMiddle($0, to: width, head: head) }).count == distinct.count
                } ?? half
            for index in members { cuts[index] = truncateMiddle(texts[index], to: width, head: head) }
        }
        return cuts
    }

    /// `text` cut or padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let gap = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? gap + cut : cut + gap
    }
}
