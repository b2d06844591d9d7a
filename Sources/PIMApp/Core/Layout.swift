/// The few numbers of the screen layout the update function needs (page size, click rows).
/// PIMScreen builds its rectangles from the same numbers, so they cannot disagree.
public enum Layout {
    /// Title line and pane tabs.
    public static let headerRows = 2
    /// Message line and key-hint line.
    public static let footerRows = 2
    /// Detail strip of the selected row, including its separator line.
    public static func detailRows(height: Int) -> Int { height >= 36 ? 9 : (height >= 20 ? 6 : 0) }
    /// Table body rows (below the column header).
    public static func tableRows(height: Int) -> Int {
        max(1, height - headerRows - footerRows - detailRows(height: height) - 1)
    }
    /// The first screen row of the table body.
    public static let tableTop = headerRows + 1
}
