import PIMApp
import PIMDomain

/// The access review decision dialog: the decisions it records (one in full, or a line per marked
/// decision), what was left out, then the justification.
enum ReviewDialogView {
    static func render(_ state: AppState, _ dialog: ReviewDialog, in area: Rect, on screen: inout Screen) {
        let width = min(area.width - 2, 96)
        let inner = width - 4
        var lines: [StyledLine] = []
        if dialog.decisions.count == 1, let decision = dialog.decisions.first {
            lines = ReviewsView.lines(for: decision, now: state.now)
        } else {
            lines.append(
                StyledLine(
                    DisplayText(
                        untrusted: "\(dialog.decisions.count) decisions, one verdict with one justification:"),
                    .dialog))
            for decision in dialog.decisions.prefix(max(1, area.height - 12)) {
                lines.append(
                    StyledLine(
                        DisplayText(
                            untrusted:
                                """
                                • \(decision.principal.label) → \(decision.resourceName) \
                                (\(ReviewsView.advice(decision.recommendation)))
                                """), .dialog))
            }
        }
        for note in dialog.notes { lines += StyledLine.wrapped(note, width: inner, prefix: "• ", style: .warning) }
        lines.append(.blank)
        let required = dialog.justificationRequired ? "required" : "optional"
        lines.append(
            StyledLine(
                DisplayText(untrusted: "\(dialog.verdict.label): why? (\(required); Enter records, Esc closes)"),
                dialog.verdict == .deny ? .warning : .success))
        let inputRow = lines.count
        lines.append(.blank)
        if let error = dialog.error { lines += StyledLine.wrapped(error, width: inner, prefix: "✗ ", style: .error) }
        if dialog.isSubmitting { lines.append(StyledLine("Sending…", .info)) }

        let title =
            dialog.decisions.count == 1
            ? "\(dialog.verdict.label): \(dialog.decisions[0].principal.label)"
            : "\(dialog.verdict.label): \(dialog.decisions.count) decisions"
        JustificationBox.draw(
            state, title: title, lines: lines, inputRow: inputRow, field: dialog.justification,
            isSubmitting: dialog.isSubmitting, width: width, in: area, on: &screen)
    }
}
