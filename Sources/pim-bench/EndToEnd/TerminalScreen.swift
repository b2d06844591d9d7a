/// What a terminal shows after the bytes a program wrote to it: a grid of characters and a cursor, kept by a
/// minimal VT parser for what ncurses emits for `xterm-256color` (cursor addressing and moves, erasing,
/// inserting and deleting characters and lines, the scroll region and scrolling, REP, UTF-8). Colours,
/// attributes and modes change nothing the benchmark reads, so they are parsed and ignored.
struct TerminalScreen {
    let columns: Int
    let rows: Int
    /// One string per cell: a character, a character with its combining marks, or "" behind a wide character.
    private(set) var cells: [[String]]
    private(set) var x = 0
    private(set) var y = 0
    /// Set after a character lands in the last column: the next one wraps first (xterm's deferred wrap).
    private var wrapPending = false
    private var top = 0
    private var bottom: Int
    private var saved = (x: 0, y: 0)
    /// The last character drawn, for REP.
    private var lastDrawn: Character = " "
    /// DEC special graphics selected into G0 (`ESC ( 0`): line-drawing letters.
    private var lineDrawing = false
    private var parser = Parser.ground
    private var utf8 = UTF8Assembler()

    private enum Parser {
        case ground
        case escape
        /// `ESC (`, `ESC )` and the like: one more byte names a character set.
        case charset(designator: UInt8)
        case csi(parameters: [UInt8])
        /// OSC, DCS, APC, PM, SOS: skipped to BEL or ST.
        case string(sawEscape: Bool)
    }

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        bottom = rows - 1
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// The rows as text, trailing blanks kept (every row is `columns` characters wide).
    var lines: [String] { cells.map { $0.joined() } }

    /// The screen as a user would describe it, each row without its trailing blanks.
    var text: String { lines.map { $0.trimmingTrailingBlanks }.joined(separator: "\n") }

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { feed(byte) }
    }

    private mutating func feed(_ byte: UInt8) {
        switch parser {
        case .ground:
            if byte == 0x1B {
                utf8.reset()
                parser = .escape
            } else if byte < 0x20 || byte == 0x7F {
                control(byte)
            } else {
                for scalar in utf8.add(byte) { draw(Character(scalar)) }
            }
        case .escape:
            escape(byte)
        case .charset(let designator):
            if designator == UInt8(ascii: "(") { lineDrawing = byte == UInt8(ascii: "0") }
            parser = .ground
        case .csi(var parameters):
            if (0x40...0x7E).contains(byte) {
                parser = .ground
                csi(parameters, final: byte)
            } else if byte == 0x1B {
                parser = .escape
            } else if byte < 0x20 {
                control(byte)  // a control inside a sequence acts at once, as on a real terminal
            } else {
                parameters.append(byte)
                parser = .csi(parameters: parameters)
            }
        case .string(let sawEscape):
            if byte == 0x07 || (sawEscape && byte == UInt8(ascii: "\\")) {
                parser = .ground
            } else {
                parser = .string(sawEscape: byte == 0x1B)
            }
        }
    }

    private mutating func control(_ byte: UInt8) {
        switch byte {
        case 0x08: moveTo(x: x - 1, y: y)
        case 0x09: moveTo(x: min(columns - 1, (x / 8 + 1) * 8), y: y)
        case 0x0A, 0x0B, 0x0C: lineFeed()
        case 0x0D: moveTo(x: 0, y: y)
        default: break  // BEL, SO/SI and the rest draw nothing
        }
    }

    private mutating func escape(_ byte: UInt8) {
        parser = .ground
        switch byte {
        case UInt8(ascii: "["): parser = .csi(parameters: [])
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
            parser = .string(sawEscape: false)
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "#"):
            parser = .charset(designator: byte)
        case UInt8(ascii: "7"): saved = (x, y)
        case UInt8(ascii: "8"): moveTo(x: saved.x, y: saved.y)
        case UInt8(ascii: "D"): lineFeed()
        case UInt8(ascii: "E"):
            lineFeed()
            moveTo(x: 0, y: y)
        case UInt8(ascii: "M"): reverseIndex()
        case UInt8(ascii: "c"): self = TerminalScreen(columns: columns, rows: rows)
        default: break  // keypad modes (ESC = / ESC >) and the like
        }
    }

    private mutating func csi(_ raw: [UInt8], final: UInt8) {
        let isPrivate = raw.first.map { (0x3C...0x3F).contains($0) } ?? false
        let hasIntermediate = raw.contains { (0x20...0x2F).contains($0) }
        let numbers = String(decoding: raw.filter { (0x30...0x3B).contains($0) }, as: UTF8.self)
            .split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        func n(_ index: Int, default value: Int = 1) -> Int {
            index < numbers.count && numbers[index] > 0 ? numbers[index] : value
        }
        if isPrivate {
            // The alternate screen (smcup/rmcup) starts blank; other private modes change nothing drawn.
            if raw.first == UInt8(ascii: "?"), numbers.contains(1049) || numbers.contains(47),
                final == UInt8(ascii: "h") || final == UInt8(ascii: "l")
            {
                erase(fromRow: 0, column: 0, toRow: rows - 1, column: columns - 1)
            }
            return
        }
        guard !hasIntermediate else { return }
        switch final {
        case UInt8(ascii: "H"), UInt8(ascii: "f"): moveTo(x: n(1) - 1, y: n(0) - 1)
        case UInt8(ascii: "A"): moveTo(x: x, y: max(y - n(0), y >= top ? top : 0))
        case UInt8(ascii: "B"), UInt8(ascii: "e"): moveTo(x: x, y: min(y + n(0), y <= bottom ? bottom : rows - 1))
        case UInt8(ascii: "C"), UInt8(ascii: "a"): moveTo(x: x + n(0), y: y)
        case UInt8(ascii: "D"): moveTo(x: x - n(0), y: y)
        case UInt8(ascii: "E"): moveTo(x: 0, y: y + n(0))
        case UInt8(ascii: "F"): moveTo(x: 0, y: y - n(0))
        case UInt8(ascii: "G"), UInt8(ascii: "`"): moveTo(x: n(0) - 1, y: y)
        case UInt8(ascii: "d"): moveTo(x: x, y: n(0) - 1)
        case UInt8(ascii: "J"): eraseInDisplay(n(0, default: 0))
        case UInt8(ascii: "K"): eraseInLine(n(0, default: 0))
        case UInt8(ascii: "X"):
            wrapPending = false
            erase(fromRow: y, column: x, toRow: y, column: min(columns - 1, x + n(0) - 1))
        case UInt8(ascii: "@"): insertCharacters(n(0))
        case UInt8(ascii: "P"): deleteCharacters(n(0))
        case UInt8(ascii: "L"): insertLines(n(0))
        case UInt8(ascii: "M"): deleteLines(n(0))
        case UInt8(ascii: "S"): scrollUp(n(0))
        case UInt8(ascii: "T") where numbers.count <= 1: scrollDown(n(0))
        case UInt8(ascii: "b"): for _ in 0..<n(0) { draw(lastDrawn) }
        case UInt8(ascii: "r"):
            let (newTop, newBottom) = (n(0) - 1, n(1, default: rows) - 1)
            if newTop < newBottom, newBottom < rows {
                (top, bottom) = (newTop, newBottom)
                moveTo(x: 0, y: 0)
            }
        default: break  // SGR (m), reports, window operations (t) and the like draw nothing
        }
    }

    // MARK: drawing

    private mutating func draw(_ character: Character) {
        let shown = lineDrawing ? Self.lineDrawingCharacter(character) : character
        let width = Self.width(of: shown)
        lastDrawn = shown
        if width == 0 {
            // A combining mark joins the character before it.
            let column = max(0, min(columns - 1, wrapPending ? x : x - 1))
            cells[y][column] += String(shown)
            return
        }
        if wrapPending || x + width > columns {
            wrapPending = false
            x = 0
            lineFeed()
        }
        cells[y][x] = String(shown)
        if width == 2, x + 1 < columns { cells[y][x + 1] = "" }
        if x + width >= columns {
            x = columns - 1
            wrapPending = true
        } else {
            x += width
        }
    }

    private mutating func moveTo(x newX: Int, y newY: Int) {
        wrapPending = false
        x = max(0, min(columns - 1, newX))
        y = max(0, min(rows - 1, newY))
    }

    private mutating func lineFeed() {
        wrapPending = false
        if y == bottom {
            scrollUp(1)
        } else if y < rows - 1 {
            y += 1
        }
    }

    private mutating func reverseIndex() {
        wrapPending = false
        if y == top {
            scrollDown(1)
        } else if y > 0 {
            y -= 1
        }
    }

    private var blankRow: [String] { Array(repeating: " ", count: columns) }

    /// SU: the scroll region's rows move up, blank rows come in at its bottom.
    private mutating func scrollUp(_ count: Int) { shiftUp(from: top, count) }

    /// SD: the scroll region's rows move down, blank rows come in at its top.
    private mutating func scrollDown(_ count: Int) { shiftDown(from: top, count) }

    /// IL and DL act only inside the scroll region, from the cursor's row down, and put the cursor in the
    /// first column.
    private mutating func insertLines(_ count: Int) {
        guard (top...bottom).contains(y) else { return }
        shiftDown(from: y, count)
        moveTo(x: 0, y: y)
    }

    private mutating func deleteLines(_ count: Int) {
        guard (top...bottom).contains(y) else { return }
        shiftUp(from: y, count)
        moveTo(x: 0, y: y)
    }

    /// Rows `first...bottom` move up by `count`; those that leave at `first` are gone.
    private mutating func shiftUp(from first: Int, _ count: Int) {
        for _ in 0..<min(count, bottom - first + 1) {
            cells.remove(at: first)
            cells.insert(blankRow, at: bottom)
        }
    }

    /// Rows `first...bottom` move down by `count`; those that leave at `bottom` are gone.
    private mutating func shiftDown(from first: Int, _ count: Int) {
        for _ in 0..<min(count, bottom - first + 1) {
            cells.remove(at: bottom)
            cells.insert(blankRow, at: first)
        }
    }

    private mutating func insertCharacters(_ count: Int) {
        wrapPending = false
        let shift = min(count, columns - x)
        cells[y].insert(contentsOf: Array(repeating: " ", count: shift), at: x)
        cells[y].removeLast(shift)
    }

    private mutating func deleteCharacters(_ count: Int) {
        wrapPending = false
        let shift = min(count, columns - x)
        cells[y].removeSubrange(x..<(x + shift))
        cells[y].append(contentsOf: Array(repeating: " ", count: shift))
    }

    private mutating func eraseInLine(_ mode: Int) {
        switch mode {
        case 0: erase(fromRow: y, column: x, toRow: y, column: columns - 1)
        case 1: erase(fromRow: y, column: 0, toRow: y, column: x)
        default: erase(fromRow: y, column: 0, toRow: y, column: columns - 1)
        }
    }

    private mutating func eraseInDisplay(_ mode: Int) {
        switch mode {
        case 0: erase(fromRow: y, column: x, toRow: rows - 1, column: columns - 1)
        case 1: erase(fromRow: 0, column: 0, toRow: y, column: x)
        case 2: erase(fromRow: 0, column: 0, toRow: rows - 1, column: columns - 1)
        default: break  // 3: the scrollback, which this model does not keep
        }
    }

    /// Blanks from (row, column) to (row, column) in reading order.
    private mutating func erase(fromRow: Int, column first: Int, toRow: Int, column last: Int) {
        guard fromRow <= toRow else { return }
        for row in fromRow...toRow {
            let start = row == fromRow ? first : 0
            let end = row == toRow ? last : columns - 1
            guard start <= end else { continue }
            for column in start...end { cells[row][column] = " " }
        }
    }

    // MARK: characters

    /// Columns a character takes: 0 for combining marks and zero-width characters, 2 for East Asian wide
    /// characters and emoji, else 1 (what pim's own width table says for the text it draws).
    static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let v = scalar.value
        if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v)
            || v == 0x200D
        {
            return 0
        }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// DEC special graphics: the letters curses sends for lines and corners after `ESC ( 0`.
    static func lineDrawingCharacter(_ character: Character) -> Character {
        let map: [Character: Character] = [
            "j": "┘", "k": "┐", "l": "┌", "m": "└", "n": "┼", "q": "─", "t": "├", "u": "┤",
            "v": "┴", "w": "┬", "x": "│", "a": "▒", "`": "◆", "~": "·", "f": "°", "g": "±",
            "y": "≤", "z": "≥", "{": "π", "|": "≠", "}": "£",
        ]
        return map[character] ?? character
    }
}

/// Assembles UTF-8 bytes into scalars across reads; an invalid sequence becomes U+FFFD, as terminals show it.
struct UTF8Assembler {
    private var pending: [UInt8] = []
    private var expected = 0

    mutating func reset() {
        pending.removeAll()
        expected = 0
    }

    /// The scalars this byte completes: none while a sequence is open, two when a broken one ends.
    mutating func add(_ byte: UInt8) -> [Unicode.Scalar] {
        if !pending.isEmpty {
            guard byte & 0xC0 == 0x80 else {
                reset()
                return ["\u{FFFD}"] + add(byte)
            }
            pending.append(byte)
            guard pending.count == expected else { return [] }
            defer { reset() }
            return Array(String(decoding: pending, as: UTF8.self).unicodeScalars)
        }
        switch byte {
        case 0..<0x80: return [Unicode.Scalar(byte)]
        case 0xC2..<0xE0: expected = 2
        case 0xE0..<0xF0: expected = 3
        case 0xF0..<0xF5: expected = 4
        default: return ["\u{FFFD}"]
        }
        pending = [byte]
        return []
    }
}

extension String {
    var trimmingTrailingBlanks: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
