import PIMDomain

/// Fits a message into the status line without losing what to do next. A failure comes in its parts
/// (what happened, the step): a long one first drops the service's quoted words from what happened,
/// then its asides in parentheses, then shortens what happened and keeps the step whole; when even
/// the step is too long, it shows the start and the end. A plain text (a notice, a question) is fitted
/// the same way, its step found after the last ": " or in the last sentence.
enum StatusMessage {
    static func fit(_ sentence: ErrorSentence, width: Int) -> String {
        guard width > 0 else { return "" }
        guard !sentence.step.isEmpty else { return fit(sentence.text, width: width) }
        var event = sentence.event
        for shorten in [withoutQuotes, withoutAsides] {
            if DisplayWidth.of(event + sentence.separator + sentence.step) <= width { break }
            event = shorten(event)
        }
        let shorter = event + sentence.separator + sentence.step
        if DisplayWidth.of(shorter) <= width { return shorter }
        let room = width - DisplayWidth.of(sentence.step) - DisplayWidth.of(sentence.separator)
        if room >= minimumStart(width) {
            return DisplayWidth.truncate(event, to: room) + sentence.separator + sentence.step
        }
        return ends(shorter, width: width)
    }

    /// What happened stays recognisable: at least a quarter of the line, up to 16 columns.
    private static func minimumStart(_ width: Int) -> Int { min(16, width / 4) }

    static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var shorter = text
        for shorten in [withoutQuotes, withoutAsides] {
            if DisplayWidth.of(shorter) <= width { return shorter }
            shorter = shorten(shorter)
        }
        if DisplayWidth.of(shorter) <= width { return shorter }
        if let (event, separator, step) = split(shorter) {
            let room = width - DisplayWidth.of(step) - DisplayWidth.of(separator)
            if room >= minimumStart(width) { return DisplayWidth.truncate(event, to: room) + separator + step }
        }
        return ends(shorter, width: width)
    }

    /// The start (what happened) and the end (how the message ends: usually the step).
    private static func ends(_ shorter: String, width: Int) -> String {
        let start = minimumStart(width)
        guard start >= 2 else { return DisplayWidth.truncate(shorter, to: width) }
        var head = DisplayWidth.truncate(shorter, to: start)
        if head.hasSuffix(" …") { head = String(head.dropLast(2)) + "…" }
        let tail = ending(of: shorter, width: width - DisplayWidth.of(head) - 1).drop { $0 == " " }
        return head + " " + tail
    }

    /// Removes ` ("…")` and ` (“…”)`: the service's own words, quoted inside pim's sentence.
    static func withoutQuotes(_ text: String) -> String {
        removing(text, from: [(" (\"", "\")"), (" (“", "”)")])
    }

    /// Removes every ` (…)` aside (HTTP statuses, explanations), nested ones with it; a key named in
    /// parentheses, such as "(r)", stays: it is the step.
    static func withoutAsides(_ text: String) -> String {
        var result = ""
        var aside = ""
        var depth = 0
        var previous: Character = " "
        for character in text {
            if character == "(", depth > 0 || previous == " " {
                depth += 1
                aside.append(character)
            } else if depth > 0 {
                aside.append(character)
                if character == ")" { depth -= 1 }
                if depth == 0 {
                    if aside.count <= 3 {
                        result += aside
                    } else if result.last == " " {
                        result.removeLast()
                    }
                    aside = ""
                }
            } else {
                result.append(character)
            }
            previous = character
        }
        return depth == 0 ? result : text
    }

    private static func removing(_ text: String, from pairs: [(open: String, close: String)]) -> String {
        var result = ""
        var rest = Substring(text)
        while let (open, close) = pairs.lazy.compactMap({ pair in rest.range(of: pair.open).map { ($0, pair.close) } })
            .first,
            let end = rest[open.upperBound...].range(of: close)
        {
            result += rest[..<open.lowerBound]
            rest = rest[end.upperBound...]
        }
        return result + rest
    }

    /// What happened, the separator, and the step: split at the later of the last ": " and the last
    /// sentence break.
    static func split(_ text: String) -> (String, String, String)? {
        let body = text.hasSuffix(".") ? text.dropLast() : Substring(text)
        let colon = body.range(of: ": ", options: .backwards)
        let sentence = body.range(of: ". ", options: .backwards)
        guard let cut = [colon, sentence].compactMap({ $0 }).max(by: { $0.lowerBound < $1.lowerBound }) else {
            return nil
        }
        let separator = String(text[cut])
        return (String(text[..<cut.lowerBound]), separator, String(text[cut.upperBound...]))
    }

    /// The last whole words of `text` that fit in `width` columns (the last characters when even
    /// one word does not fit), so the end never starts mid-word.
    private static func ending(of text: String, width: Int) -> String {
        var kept: [Character] = []
        var used = 0
        var whole = true
        for character in text.reversed() {
            let columns = DisplayWidth.of(String(character))
            guard used + columns <= width else { whole = false; break }
            kept.append(character)
            used += columns
        }
        var ending = String(kept.reversed())
        if !whole, ending.first != " ", let space = ending.firstIndex(of: " ") {
            ending = String(ending[ending.index(after: space)...])
        }
        return ending
    }
}
