import Foundation
import PIMApp
import PIMDomain
@testable import PIMScreen
import PIMTables
import Testing

/// The History pane colours a result by what became of the request or operation (its typed status),
/// not by the words it shows: a revoked or cancelled request is not a failure, a timed-out operation is.
struct HistoryResultStyleTests {
    static func resultStyle(_ source: HistoryRow.Source, _ result: String) -> CellStyle? {
        let row = HistoryRow(
            id: "r1", source: source, date: nil, activity: "activate", targetName: "Global Reader",
            result: result)
        let context = ColumnContext(now: Date(timeIntervalSince1970: 0), time: { _ in "" }, dateTime: { _ in "" })
        let column = TableDefinition<HistoryRow>.history.columns(for: .screen).first { $0.title == "Result" }
        return column?.cell(row, context).style
    }

    @Test(arguments: [
        (HistoryRow.Source.request, "Denied", CellStyle.error), (.request, "Failed", .error),
        (.request, "PendingApproval", .pending), (.request, "pendingAdminDecision", .pending),
        (.request, "Provisioned", .plain), (.request, "Revoked", .plain), (.request, "Canceled", .plain),
        (.audit, "failure", .error), (.audit, "timeout", .error), (.audit, "success", .plain),
        (.audit, "unknownFutureValue", .plain),
    ])
    func resultsAreColouredByOutcome(source: HistoryRow.Source, result: String, style: CellStyle) {
        #expect(Self.resultStyle(source, result) == style)
    }

    /// A status the service adds later that merely contains a word ("NotDeniedYet") is not a failure.
    @Test func aStatusIsReadWholeNotSearched() {
        #expect(Self.resultStyle(.request, "NotDeniedYet") == .plain)
    }
}
