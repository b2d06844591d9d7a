import PIMDomain

/// What a key means once looked up in `KeyMap`. Tests and mouse clicks can send commands directly.
public enum Command: Hashable, Sendable {
    // Everywhere in the panes.
    case switchPane(Pane), nextPane, previousPane
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case openFilter, refresh, toggleHelp, quit
    // My roles.
    case activate, toggleMark, markRoleSet, deactivate, extend, cancelRequest
    // Approvals.
    case openRequest, approve, deny
    // Reviews.
    case reviewVerdict(AccessReviewVerdict), acceptRecommendations
    // History.
    case toggleMyDecisions
    // Text entry (filter line, form fields, justification of a decision).
    case edit(TextEdit)
    case acceptFilter, clearFilter
    // Activation form.
    case nextField, previousField, submitField, submit, closeForm, preflight
    // Approval dialog.
    case confirmDecision, closeDialog
    // Confirmations (quit with unsent text, Tier 0 activation).
    case confirmYes, confirmNo
    case closeHelp, nextHelpPage, previousHelpPage
}

/// The readline keys every text field understands.
public enum TextEdit: Hashable, Sendable {
    case left, right, home, end, backspace, delete, clearLine, deleteWord
}

/// Where a mouse click landed, as the rendered screen reports it.
public enum ClickTarget: Hashable, Sendable {
    case pane(Pane)
    /// A row of the current pane's table, as an index into its visible (filtered) rows.
    case row(Int)
}
