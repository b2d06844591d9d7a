import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
@testable import PIMScreen
import Testing

/// Text that does not fit is cut with "…" wherever it is drawn, and the form keeps the field with
/// the keyboard in view however small the terminal.
struct TruncationTests {
    /// The History pane's detail strip at 40 columns: "What  activate · Security Reader · PendingApproval"
    /// does not fit, and must not read as a whole word ("PendingApprova", "approv").
    @Test func aDetailLineTooLongForTheStripEndsInAnEllipsis() {
        var state = Fixture.loaded(width: 40, height: 24)
        _ = update(&state, .key("3"))
        let rows = render(state).lines()
        let what = try! #require(rows.first { $0.hasPrefix(" What") })
        #expect(what.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(what)")
        #expect(!what.contains("PendingApprova ") && !what.hasSuffix("PendingApprova"), "\(what)")
    }

    /// A line of two segments whose first fills the line exactly still says that more was cut.
    @Test func aLineCutBetweenTwoSegmentsEndsInAnEllipsis() {
        var screen = Screen(width: 10, height: 1)
        StyledLine([(DisplayText(untrusted: "Label     "), .dim), (DisplayText(untrusted: "value"), .normal)])
            .draw(x: 0, y: 0, width: 10, on: &screen)
        #expect(screen.lines() == ["Label    …"])
    }

    /// At 40×10 the form has room for few rows: each field, once it has the keyboard, is drawn with
    /// the cursor on its row (it used to show Justification while the cursor was in Ticket number).
    @Test(arguments: [(40, 10), (40, 12), (60, 9), (80, 24)])
    func theFocusedFieldIsAlwaysInView(width: Int, height: Int) {
        var state = Fixture.loaded(width: width, height: height)
        _ = update(&state, .click(.row(4)))  // Exchange Administrator: justification and ticket required
        _ = update(&state, .key(.enter))
        #expect(state.form != nil)
        for field in ActivationForm.Field.allCases {
            state.form?.focus = field
            let screen = render(state)
            let lines = screen.lines(), styles = screen.styleMap()
            let row = lines.firstIndex { $0.contains(field.label) }
            #expect(
                row != nil,
                """
                \(width)×\(height): \(field.label) is not shown while it has the \
                keyboard:\n\(lines.joined(separator: "\n"))
                """
            )
            if let row {
                #expect(
                    styles[row].contains(StyleRole.cursor.letter),
                    "\(width)×\(height): the cursor is not on the \(field.label) row")
            }
        }
    }
}
