import PIMApp
import PIMDomain

/// A `width` × `height` grid of cells that views draw into. Text enters only as `DisplayText`, so
/// nothing from the service reaches a cell without the sanitiser. Pure: the terminal flushes it.
public struct Screen: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where clicks land: pane tabs and table rows, for the terminal's mouse handling.
    public private(set) var clickTargets: [ClickRegion] = []

    public struct ClickRegion: Hashable, Sendable {
        public var rect: Rect
        public var target: ClickTarget
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from column `x` of row `y`, at most `maxWidth` columns (default: to the right
    /// edge). Text that does not fit is cut and ends in "…", so no cut reads as a whole word.
    /// Returns the columns used.
    @discardableResult
    public mutating func put(
        _ text: DisplayText, x: Int, y: Int, maxWidth: Int? = nil, style: StyleRole = .normal
    ) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var string = text.string
        // Cutting sanitised text leaves it sanitised: no second pass through the sanitiser.
        if x >= 0, limit > x, !Self.fits(string, in: limit - x) { string = Columns.truncate(string, to: limit - x) }
        return write(string, x: x, y: y, limit: limit, style: style)
    }

    /// Whether `string` takes at most `columns` columns; stops measuring once it does not.
    static func fits(_ string: String, in columns: Int) -> Bool {
        if Columns.isPlainASCII(string) { return string.utf8.count <= columns }
        var used = 0
        for character in string {
            used += normalized(character).1
            if used > columns { return false }
        }
        return true
    }

    /// Writes sanitised text (the string of a `DisplayText`, or a cut of one) up to column `limit`.
    private mutating func write(_ string: String, x: Int, y: Int, limit: Int, style: StyleRole) -> Int {
        if x >= 0, Columns.isPlainASCII(string) {
            // One cell per byte; nothing wide to keep whole except what the row held before.
            var column = x
            for byte in string.utf8 {
                guard column < limit else { break }
                setCell(column, y, Cell(Columns.ascii[Int(byte)], style: style))
                column += 1
            }
            return column - x
        }
        var column = x
        for character in string {
            let (grapheme, columns) = Self.normalized(character)
            guard columns > 0 else { continue }
            if column + columns > limit {
                if column < limit { setCell(column, y, Cell(" ", style: style)); column += 1 }
                break
            }
            if column >= 0 {
                setCell(column, y, Cell(grapheme, style: style))
                if columns == 2 { setCell(column + 1, y, Cell("", style: style)) }
            }
            column += columns
        }
        return column - x
    }

    /// `text` padded (or cut with "…") to exactly `width` columns.
    public mutating func put(
        _ text: DisplayText, x: Int, y: Int, width columns: Int, style: StyleRole = .normal,
        alignRight: Bool = false
    ) {
        guard columns > 0 else { return }
        fill(Rect(x: x, y: y, width: columns, height: 1), style: style)
        guard y >= 0, y < height, x < width else { return }
        // Cutting sanitised text leaves it sanitised: no second pass through the sanitiser.
        let cut = Columns.truncate(text.string, to: columns)
        let start = alignRight ? x + max(0, columns - Columns.of(cut)) : x
        _ = write(cut, x: start, y: y, limit: min(width, x + columns), style: style)
    }

    /// Blanks `rect` with `style`.
    public mutating func fill(_ rect: Rect, style: StyleRole = .normal) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) { setCell(column, row, Cell(" ", style: style)) }
        }
    }

    public mutating func addClickTarget(_ rect: Rect, _ target: ClickTarget) {
        clickTargets.append(ClickRegion(rect: rect, target: target))
    }

    /// What a click at column `x`, row `y` means, if anything.
    public func clickTarget(x: Int, y: Int) -> ClickTarget? {
        clickTargets.last { $0.rect.contains(x: x, y: y) }?.target
    }

    /// The rows as plain text (each exactly `width` columns wide), for golden files.
    public func lines() -> [String] {
        (0..<height).map { row in cells[(row * width)..<((row + 1) * width)].map(\.text).joined() }
    }

    /// One letter per cell naming its style role (see `StyleRole.letter`); trailing halves repeat it.
    public func styleMap() -> [String] {
        (0..<height).map { row in String(cells[(row * width)..<((row + 1) * width)].map(\.style.letter)) }
    }

    /// Keeps wide characters whole: overwriting half of one blanks the other half.
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        // A new cell on the right half of an old wide character: its left half goes blank.
        if !cell.isTrailing, cells[index].isTrailing, x > 0 { cells[index - 1].text = " " }
        // A new cell on the left half of an old wide character: its right half goes blank.
        if !cells[index].isTrailing, x + 1 < width, cells[index + 1].isTrailing { cells[index + 1].text = " " }
        cells[index] = cell
    }

    /// The grapheme as it will be drawn and its columns. Emoji variation selectors and skin-tone
    /// modifiers are dropped: terminals and wcwidth disagree on their width, and alignment matters more.
    static func normalized(_ character: Character) -> (String, Int) {
        let scalars = character.unicodeScalars
        if scalars.count == 1 { return (String(character), DisplayWidth.of(scalars.first!)) }
        var kept = String.UnicodeScalarView()
        for scalar in scalars
        where !(scalar.value == 0xFE0F || scalar.value == 0xFE0E || (0x1F3FB...0x1F3FF).contains(scalar.value)) {
            kept.append(scalar)
        }
        guard let first = kept.first else { return ("", 0) }
        return (String(kept), DisplayWidth.of(first))
    }
}
