/// Which cells to write to turn the terminal's `previous` frame into `next` (ratatui's buffer diff).
/// Trailing halves of wide characters are never written: their leading cell covers them.
public enum ScreenDiff {
    public struct Change: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var cell: Cell
    }

    public static func changes(from previous: Screen?, to next: Screen) -> [Change] {
        let full = previous == nil || previous!.width != next.width || previous!.height != next.height
        var changes: [Change] = []
        for y in 0..<next.height {
            for x in 0..<next.width {
                let cell = next[x, y]
                if !full, previous![x, y] == cell { continue }
                if cell.isTrailing {
                    // The leading half changed too (or this cell was a narrow one before): make sure it is written.
                    if x > 0, !full, previous![x - 1, y] == next[x - 1, y] {
                        changes.append(Change(x: x - 1, y: y, cell: next[x - 1, y]))
                    }
                    continue
                }
                changes.append(Change(x: x, y: y, cell: cell))
            }
        }
        return changes
    }
}
