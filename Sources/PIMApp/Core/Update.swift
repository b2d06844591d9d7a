import Foundation
import PIMDomain

/// The interface's one state transition: pure (no I/O, no clock, no globals). Returns the effects
/// to run; `Runtime` runs them and feeds their results back as actions.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .start:
        return state.requestRefresh()
    case .key(let key):
        return state.handle(key)
    case .command(let command):
        return state.perform(command)
    case .click(let target):
        return state.click(target)
    case .wheel(let notches):
        return state.wheel(notches)
    case .tick(let now):
        return state.tick(now)
    case .resize(let width, let height):
        state.width = max(1, width)
        state.height = max(1, height)
        let rows = state.pageRows
        for pane in Pane.allCases { state.lists[pane]?.scrollToSelection(pageRows: rows) }
        return []
    case .dashboardLoaded(let result):
        return state.dashboardLoaded(result)
    case .activationFinished(let target, let result), .extendFinished(let target, let result):
        return state.submissionFinished(target, result)
    case .preflightFinished(let target, let result):
        state.preflightFinished(target, result)
        return []
    case .deactivateFinished(let target, let result):
        return state.deactivateFinished(target, result)
    case .cancelFinished(let target, let requestId, let error):
        return state.cancelFinished(target, requestId: requestId, error)
    case .decisionFinished(let requestId, let decision, let error):
        return state.decisionFinished(requestId, decision, error)
    case .myDecisionsLoaded(let result):
        state.myDecisionsLoaded(result)
        return []
    case .followingAccessReviewsLoaded(let result):
        state.followingAccessReviewsLoaded(result)
        return []
    case .reviewsLoaded(let reviews):
        state.reviewsLoaded(reviews)
        return []
    case .reviewsRecorded(let verdict, let result):
        return state.reviewsRecorded(verdict, result)
    case .recommendationsAccepted(let group, let error):
        return state.recommendationsAccepted(group, error)
    }
}

extension AppState {
    /// Looks `key` up in the key map; printable keys type into the field that has the keyboard.
    mutating func handle(_ key: Key) -> [Effect] {
        switch key {
        case .pasteBegin: pasting = true; return []
        case .pasteEnd: pasting = false; return []
        default: if pasting { return paste(key) }
        }
        if let binding = KeyMap.binding(for: key, in: self) {
            if let reason = binding.disabledReason(self) {
                flash(reason, .warning)
                return []
            }
            return perform(binding.command)
        }
        if KeyMap.contexts(for: self).first?.takesText == true, let character = key.insertable {
            editActiveField { $0.insert(character) }
        }
        return []
    }

    /// Pasted text is text, never commands: a pasted "q", "a" or line break must not quit, approve or
    /// submit. It goes into the field that takes text (line breaks and tabs as spaces); with no such
    /// field it is dropped, and the user is told once per paste.
    mutating func paste(_ key: Key) -> [Effect] {
        let character: Character? =
            switch key {
            case .enter, .tab: " "
            default: key.insertable
            }
        if KeyMap.contexts(for: self).first?.takesText == true {
            if let character { editActiveField { $0.insert(character) } }
        } else if flash?.text != Self.pasteRefused {
            flash(Self.pasteRefused, .warning)
        }
        return []
    }

    static let pasteRefused =
        "Pasted text goes only into a text field: open the form (Enter) or the filter (/), then paste."

    mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .switchPane(let pane): self.pane = pane
        case .nextPane: pane = pane.next
        case .previousPane: pane = pane.previous
        case .moveUp: moveSelection(by: -1)
        case .moveDown: moveSelection(by: 1)
        case .pageUp: moveSelection(by: -pageRows)
        case .pageDown: moveSelection(by: pageRows)
        case .top: moveSelection(to: 0)
        case .bottom: moveSelection(to: currentList.visible.count - 1)
        case .openFilter: currentList.isFiltering = true
        case .acceptFilter: currentList.isFiltering = false
        case .clearFilter:
            currentList.isFiltering = false
            currentList.filter = TextField()
            refilter(pane)
        case .edit(let edit): editActiveField { $0.apply(edit) }
        case .refresh: return requestRefresh() + reloadShownDecisions()
        case .toggleHelp: showHelp.toggle(); helpPage = 0
        case .closeHelp: showHelp = false; helpPage = 0
        case .nextHelpPage: helpPage += 1
        case .previousHelpPage: helpPage -= 1
        case .quit:
            if hasUnsentText { confirmingQuit = true; return [] }
            return [.quit]
        case .confirmYes:
            if confirmingQuit { return [.quit] }
            if confirmation != nil { return confirmPendingStep() }
            if form?.confirmingTier0 == true {
                form?.confirmingTier0 = false
                return sendForm()
            }
        case .confirmNo:
            confirmingQuit = false
            confirmation = nil
            form?.confirmingTier0 = false
        case .activate: openActivationForm()
        case .toggleMark: toggleMark()
        case .markRoleSet: markNextRoleSet()
        case .deactivate: return deactivateSelected()
        case .extend: openExtensionForm()
        case .cancelRequest: return cancelSelected()
        case .openRequest: openRequestDialog(decision: nil)
        case .approve: chooseDecision(.approve)
        case .deny: chooseDecision(.deny)
        case .confirmDecision: return reviewDialog == nil ? confirmDecision() : confirmReviewDialog()
        case .closeDialog: if reviewDialog == nil { closeDialog() } else { closeReviewDialog() }
        case .nextField: moveFocus(by: 1)
        case .previousField: moveFocus(by: -1)
        case .submitField:
            if form?.isDone == true { closeForm(); return [] }
            // Duration was the last field before Start existed; both send, Start being optional.
            if form?.focus == .duration || form?.focus == .start { return submitForm() }
            moveFocus(by: 1)
        case .submit:
            if form?.isDone == true { closeForm(); return [] }
            return submitForm()
        case .closeForm: closeForm()
        case .toggleMyDecisions: return toggleMyDecisions()
        case .preflight: return preflightForm()
        case .reviewVerdict(let verdict): openReviewDialog(verdict)
        case .acceptRecommendations: askToAcceptRecommendations()
        }
        return []
    }

    mutating func click(_ target: ClickTarget) -> [Effect] {
        guard form == nil, dialog == nil, reviewDialog == nil, !showHelp, !confirmingQuit, confirmation == nil else {
            return []
        }
        switch target {
        case .pane(let pane): self.pane = pane
        case .row(let index): moveSelection(to: index)
        }
        return []
    }

    /// Rows the selection moves per notch of the mouse wheel.
    public static let wheelRows = 3

    /// The wheel moves the selection of the pane in view; over a form, dialog or question it does nothing.
    mutating func wheel(_ notches: Int) -> [Effect] {
        guard form == nil, dialog == nil, reviewDialog == nil, !showHelp, !confirmingQuit else { return [] }
        moveSelection(by: max(-100, min(100, notches)) * Self.wheelRows)
        return []
    }

    /// Shows `text` in the status line for a few seconds.
    mutating func flash(_ text: String, _ level: Flash.Level) {
        flash = Flash(text, level: level, expires: now.addingTimeInterval(config.flashSeconds))
    }

    /// Shows a failure in the status line, worded for the interface, and keeps it as the last error.
    mutating func report(_ error: PIMError) {
        let sentence = InterfaceWording.sentence(error)
        failure = sentence
        flash = Flash(sentence, level: .error, expires: now.addingTimeInterval(config.flashSeconds))
    }

    /// Applies an edit to the field that has the keyboard: the filter line, a form field, or the
    /// justification of a decision.
    mutating func editActiveField(_ change: (inout TextField) -> Void) {
        if form != nil, let focus = form?.focus {
            guard form?.isSubmitting == false, form?.isDone == false else { return }
            change(&form![focus])
            form?.error = nil
            // A pre-flight answer is about the text it was asked with.
            form?.preflight = [:]
            form?.preflightChecked = [:]
        } else if dialog != nil {
            guard dialog?.isSubmitting == false else { return }
            change(&dialog!.justification)
            dialog?.error = nil
        } else if reviewDialog != nil {
            guard reviewDialog?.isSubmitting == false else { return }
            change(&reviewDialog!.justification)
            reviewDialog?.error = nil
        } else if currentList.isFiltering {
            change(&currentList.filter)
            refilter(pane)
        }
    }
}
