import PIMApp
import PIMDomain

/// The request dialog: every detail of the request (or a line per marked request), then the
/// decision with its justification.
enum ApprovalDialogView {
    static func render(_ state: AppState, _ dialog: ApprovalDialog, in area: Rect, on screen: inout Screen) {
        let width = min(area.width - 2, 96)
        let inner = width - 4
        var lines: [StyledLine] = []
        if dialog.items.count == 1, let item = dialog.items.first {
            lines = ApprovalsView.lines(for: item, now: state.now)
        } else {
            lines.append(
                StyledLine(
                    DisplayText(untrusted: "\(dialog.items.count) requests, one decision with one justification:"),
                    .dialog))
            for item in dialog.items {
                let request = item.request
                let waited = item.waited(at: state.now).map { Countdown.elapsed($0) } ?? "—"
                lines.append(
                    StyledLine(
                        DisplayText(
                            untrusted:
                                """
                                • \(request.principal.label) → \(request.target.interfaceName) for \
                                \(request.duration?.shortDescription ?? "—"), waited \(waited)
                                """
                        ), .dialog))
            }
        }
        for item in dialog.items {
            switch dialog.outcomes[item.id] {
            case .decided:
                lines.append(
                    StyledLine(
                        DisplayText(
                            untrusted:
                                "✓ \(item.request.principal.label) → \(item.request.target.interfaceName): done"),
                        .success))
            case .alreadyDecided(let what):
                lines += StyledLine.wrapped(
                    "\(item.request.target.interfaceName): already \(what ?? "decided or cancelled")", width: inner,
                    prefix: "• ", style: .warning)
            case .failed(let reason):
                lines += StyledLine.wrapped(
                    "\(item.request.target.interfaceName): \(reason)", width: inner, prefix: "✗ ", style: .error)
            case nil: break
            }
        }
        lines.append(.blank)
        var inputRow: Int?
        if let decision = dialog.decision {
            let verb = decision == .approve ? "Approve" : "Deny"
            lines.append(
                StyledLine(
                    DisplayText(untrusted: "\(verb): why? (Enter confirms, Esc goes back)"),
                    decision == .approve ? .success : .warning))
            inputRow = lines.count
            lines.append(.blank)
        } else {
            lines.append(StyledLine("Press a to approve or d to deny; each asks for a justification.", .dialog))
        }
        if let error = dialog.error { lines += StyledLine.wrapped(error, width: inner, prefix: "✗ ", style: .error) }
        if dialog.isSubmitting { lines.append(StyledLine("Sending…", .info)) }

        let title =
            dialog.items.count == 1
            ? "Request from \(dialog.items[0].request.principal.label)" : "\(dialog.items.count) requests"
        JustificationBox.draw(
            state, title: title, lines: lines, inputRow: inputRow, field: dialog.justification,
            isSubmitting: dialog.isSubmitting, width: width, in: area, on: &screen)
    }
}
