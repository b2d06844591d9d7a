/// Selection, scrolling, marks and filter of one pane's table. Rows themselves live in `AppState`;
/// `visible` holds the indices of the rows that pass the filter, in display order.
public struct ListState: Hashable, Sendable {
    /// Index into `visible`.
    public var selection: Int = 0
    /// First visible row shown at the top of the table.
    public var offset: Int = 0
    /// Ids of marked rows (Space), kept across refreshes.
    public var marked: Set<String> = []
    public var filter: TextField = TextField()
    /// The `/` line has the keyboard.
    public var isFiltering: Bool = false
    public var visible: [Int] = []
    /// Id of the selected row, to find it again after a refresh or a filter change.
    public var selectedID: String?

    public init() {}

    public var filterText: String { filter.text }

    /// Moves the selection by `delta` rows and scrolls so it stays in a window of `pageRows`.
    public mutating func move(by delta: Int, pageRows: Int) {
        select(selection + delta, pageRows: pageRows)
    }

    public mutating func select(_ index: Int, pageRows: Int) {
        selection = visible.isEmpty ? 0 : min(max(0, index), visible.count - 1)
        scrollToSelection(pageRows: pageRows)
    }

    public mutating func scrollToSelection(pageRows: Int) {
        let rows = max(1, pageRows)
        if selection < offset { offset = selection }
        if selection >= offset + rows { offset = selection - rows + 1 }
        offset = max(0, min(offset, max(0, visible.count - rows)))
    }
}
