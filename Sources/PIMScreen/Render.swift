import PIMApp
import PIMDomain

/// Draws the whole interface for `state` at its size: title and tabs, the pane's table, the detail
/// strip, the status lines, and the form, dialog or help on top. Pure.
public func render(_ state: AppState) -> Screen {
    render(state, width: state.width, height: state.height)
}

public func render(_ state: AppState, width: Int, height: Int) -> Screen {
    var screen = Screen(width: width, height: height)
    guard width >= 20, height >= 8 else {
        screen.put("pim: make the terminal larger", x: 0, y: 0, maxWidth: width, style: .warning)
        return screen
    }
    let full = Rect(x: 0, y: 0, width: width, height: height)
    let (header, rest) = full.splitTop(Layout.headerRows)
    let (body, footer) = rest.splitBottom(Layout.footerRows)
    let detailRows = Layout.detailRows(height: height)
    let (tableRect, detailRect) = body.splitBottom(detailRows)

    TitleBar.render(state, in: header, on: &screen)
    let table: TableWidget
    let details: [StyledLine]
    switch state.pane {
    case .myRoles:
        table = MyRolesView.table(state)
        details = MyRolesView.details(state, width: width)
    case .approvals:
        table = ApprovalsView.table(state)
        details = ApprovalsView.details(state, width: width)
    case .history:
        table = HistoryView.table(state)
        details = HistoryView.details(state, width: width)
    case .elevations:
        table = ElevationsView.table(state)
        details = ElevationsView.details(state, width: width)
    case .reviews:
        table = ReviewsView.table(state)
        details = ReviewsView.details(state, width: width)
    }
    // Before the first load the table is empty because nothing arrived yet, not because the tenant
    // has no rows: say that instead of the empty-table text (never over it).
    var shownTable = table
    if !state.hasLoaded && state.rowCount(state.pane) == 0 {
        shownTable.emptyText =
            state.isLoading ? "Loading from the service…" : "Nothing loaded yet: press r to refresh."
    }
    shownTable.render(in: tableRect, on: &screen)
    if detailRect.height > 0 {
        let rule = SanitizedText.of(String(repeating: "─", count: width))
        screen.put(rule, x: 0, y: detailRect.y, style: .border)
        for (index, line) in details.prefix(detailRect.height - 1).enumerated() {
            line.draw(x: 1, y: detailRect.y + 1 + index, width: width - 2, on: &screen)
        }
    }
    // A long error borrows the detail strip's last row (the strip keeps its rule and first line).
    let borrowed = min(StatusLine.rowsWanted(state, width: width) - footer.height, max(0, detailRect.height - 2))
    StatusLine.render(
        state,
        in: Rect(
            x: footer.x, y: footer.y - max(0, borrowed), width: footer.width,
            height: footer.height + max(0, borrowed)), on: &screen)

    let overlayArea = Rect(x: 0, y: 1, width: width, height: height - 2)
    if state.showHelp {
        HelpView.render(in: overlayArea, page: state.helpPage, on: &screen)
    } else if let form = state.form {
        ActivationFormView.render(state, form, in: overlayArea, on: &screen)
    } else if let dialog = state.dialog {
        ApprovalDialogView.render(state, dialog, in: overlayArea, on: &screen)
    } else if let reviewDialog = state.reviewDialog {
        ReviewDialogView.render(state, reviewDialog, in: overlayArea, on: &screen)
    }
    return screen
}
