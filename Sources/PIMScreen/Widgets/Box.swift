import PIMDomain

/// A framed rectangle with a title in its top border, for the form, the dialog and the help.
enum Box {
    /// Draws the frame and blanks the inside; returns the inner rectangle.
    @discardableResult
    static func draw(_ rect: Rect, title: DisplayText, on screen: inout Screen) -> Rect {
        guard rect.width >= 4, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        screen.fill(rect, style: .dialog)
        let horizontal = DisplayText(untrusted: String(repeating: "─", count: rect.width - 2))
        screen.put("┌", x: rect.x, y: rect.y, style: .border)
        screen.put(horizontal, x: rect.x + 1, y: rect.y, style: .border)
        screen.put("┐", x: rect.maxX - 1, y: rect.y, style: .border)
        screen.put("└", x: rect.x, y: rect.maxY - 1, style: .border)
        screen.put(horizontal, x: rect.x + 1, y: rect.maxY - 1, style: .border)
        screen.put("┘", x: rect.maxX - 1, y: rect.maxY - 1, style: .border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            screen.put("│", x: rect.x, y: y, style: .border)
            screen.put("│", x: rect.maxX - 1, y: y, style: .border)
        }
        screen.put(" " + title + " ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: .title)
        return rect.inset(dx: 2, dy: 1)
    }
}

/// A line of a form or dialog: segments of text, each with its style.
struct StyledLine {
    var segments: [(DisplayText, StyleRole)]

    init(_ segments: [(DisplayText, StyleRole)]) { self.segments = segments }
    init(_ text: DisplayText, _ style: StyleRole = .dialog) { segments = [(text, style)] }
    static let blank = StyledLine([])

    /// Wrapped untrusted text, with a prefix (like "✗ ") on the first line and an indent after it.
    static func wrapped(_ text: String, width: Int, prefix: String = "", style: StyleRole) -> [StyledLine] {
        let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
        return TextLayout.wrap(Sanitizer.sanitize(text), width: max(1, width - DisplayWidth.of(prefix)))
            .enumerated().map { index, line in
                StyledLine(DisplayText(untrusted: (index == 0 ? prefix : indent) + line), style)
            }
    }

    /// Draws the segments in `width` columns; a line that does not fit ends in "…", even when the
    /// cut falls between two segments.
    func draw(x: Int, y: Int, width: Int, on screen: inout Screen) {
        var column = x
        for (index, (text, style)) in segments.enumerated() {
            let left = x + width - column
            guard left > 0 else { break }
            let more = segments[(index + 1)...].contains { $0.0.width > 0 }
            if more, Screen.fits(text.string, in: left), !Screen.fits(text.string, in: left - 1) {
                // This segment fills the line exactly and more follows: end it in "…" instead.
                screen.put(
                    DisplayText(untrusted: Columns.truncate(text.string + " ", to: left)), x: column, y: y,
                    maxWidth: left, style: style)
                break
            }
            column += screen.put(text, x: column, y: y, maxWidth: left, style: style)
        }
    }
}
