import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
@testable import PIMScreen
import Testing

/// Columns of the panes: what gives way on a narrow terminal, and what a wide one is used for.
struct PaneColumnTests {
    /// In my own history "By" is nearly always me: at 80 columns it gives way, the justification stays.
    @Test func historyAt80ColumnsKeepsTheJustificationOverBy() {
        var state = Fixture.loaded(width: 80, height: 24)
        _ = update(&state, .key("3"))
        let header = render(state).lines()[2]
        #expect(header.contains("Justification"), "\(header)")
        #expect(!header.contains(" By "), "\(header)")
    }

    /// At 132 columns a long name is shown whole while the row has room, not cut at a fixed maximum.
    @Test func aWideTerminalShowsLongNamesWhole() {
        var state = Fixture.loaded(width: 132, height: 40)
        let long = "itops-sysadmin-prod-requireapproval-emea-tier1"
        let index = state.history.firstIndex { $0.requestId == Fixture.securityReaderRequest.id }!
        state.history[index].targetName = long
        _ = update(&state, .key("3"))
        let rows = render(state).lines()
        let row = rows.first { $0.hasPrefix("  2026-11-23 11:45Z") } ?? ""
        #expect(row.contains(long), "\(rows.prefix(6).joined(separator: "\n"))")
    }

    /// Two names that share their start read differently once cut.
    @Test func namesThatWouldReadAlikeWhenCutAreCutInTheMiddle() {
        let names = ["itops-sysadmin-prod-noapproval", "itops-sysadmin-prod-requireapproval"]
        let table = TableWidget(
            columns: [TableColumn(title: "Name", min: 14, max: 44, flex: true, priority: 10, names: true)],
            rowCount: names.count, offset: 0, selection: nil, isMarked: { _ in false },
            cell: { row, _ in TableCell(untrusted: names[row]) }, emptyText: "")
        var screen = Screen(width: 22, height: 3)
        table.render(in: Rect(x: 0, y: 0, width: 22, height: 3), on: &screen)
        let rows = screen.lines().dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(rows.count == 2 && rows[0] != rows[1], "\(rows)")
        #expect(rows.allSatisfy { $0.contains("…") && $0.hasSuffix("approval") }, "\(rows)")
    }
}
