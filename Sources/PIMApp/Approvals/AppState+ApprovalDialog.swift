import Foundation
import PIMDomain

extension AppState {
    /// Opens the request dialog on the marked requests, or on the selected one.
    mutating func openRequestDialog(decision: ApprovalDecision?) {
        let items = markedApprovals.isEmpty ? [selectedApproval].compactMap { $0 } : markedApprovals
        guard !items.isEmpty else {
            flash("No request waits for your decision.", .warning)
            return
        }
        var opened = ApprovalDialog(items: items, decision: decision)
        // A reason typed before the dialog was closed comes back with it.
        if let kept = decisionDrafts.removeValue(forKey: Set(items.map(\.id))) {
            opened.justification = TextField(kept)
        }
        dialog = opened
    }

    /// Closes the dialog; a typed reason is kept for the next time these requests are opened.
    mutating func dropDialogKeepingText() {
        guard let current = dialog else { return }
        if !current.justification.text.isEmpty {
            decisionDrafts[Set(current.items.map(\.id))] = current.justification.text
        }
        dialog = nil
    }

    /// `a` or `d`: in the dialog, asks for the justification; in the list, opens the dialog doing so.
    mutating func chooseDecision(_ decision: ApprovalDecision) {
        if dialog == nil {
            openRequestDialog(decision: decision)
        } else if dialog?.isSubmitting == false {
            dialog?.decision = decision
            dialog?.error = nil
        }
    }

    /// `Esc`: from the justification back to the details; from the details, closes.
    mutating func closeDialog() {
        guard let current = dialog, !current.isSubmitting else { return }
        if current.decision != nil {
            dialog?.decision = nil
            dialog?.error = nil
        } else {
            dropDialogKeepingText()
        }
    }

    mutating func confirmDecision() -> [Effect] {
        guard var current = dialog, let decision = current.decision, !current.isSubmitting else { return [] }
        let text = current.justification.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            current.error =
                decision == .approve
                ? "A justification is required: say why you approve."
                : "A justification is required: say why you deny, so the requester knows what to change."
            dialog = current
            return []
        }
        let open = current.items.filter { current.outcomes[$0.id] == nil }
        current.isSubmitting = true
        current.error = nil
        current.awaiting = Set(open.map(\.id))
        dialog = current
        return [.decide(open, decision, justification: text)]
    }

    /// A request that stopped waiting: what became of it, when the service could tell.
    static func alreadyText(_ what: String?) -> String {
        "Already \(what ?? "decided or cancelled"): the list is refreshed."
    }

    mutating func decisionFinished(_ requestId: String, _ decision: ApprovalDecision, _ error: PIMError?) -> [Effect] {
        let outcome: ApprovalDialog.Outcome
        if let error {
            outcome =
                error.kind == .alreadyDecided
                ? .alreadyDecided(error.outcome)
                : .failed(InterfaceWording.sentence(error).text)
        } else {
            outcome = .decided
        }
        guard var current = dialog, current.awaiting.contains(requestId) else {
            if case .alreadyDecided(let what) = outcome { flash(Self.alreadyText(what), .warning) }
            return requestRefresh()
        }
        current.awaiting.remove(requestId)
        current.outcomes[requestId] = outcome
        guard current.awaiting.isEmpty else {
            dialog = current
            return []
        }
        current.isSubmitting = false
        let failures = current.items.compactMap { item -> String? in
            if case .failed(let reason) = current.outcomes[item.id] { return reason }
            return nil
        }
        if failures.isEmpty {
            let decided = current.outcomes.values.filter { $0 == .decided }.count
            let already = current.items.compactMap { item -> (String, String?)? in
                if case .alreadyDecided(let what) = current.outcomes[item.id] {
                    return (item.request.target.interfaceName, what)
                }
                return nil
            }
            let verb = decision == .approve ? "Approved" : "Denied"
            var text = decided > 0 ? "\(verb) \(decided) request\(decided == 1 ? "" : "s")." : ""
            if !already.isEmpty {
                text +=
                    (text.isEmpty ? "" : " ")
                    + (already.count == 1 && decided == 0
                        ? Self.alreadyText(already[0].1)
                        : already.map { "\($0.0) was already \($0.1 ?? "decided or cancelled")." }.joined(
                            separator: " "))
            }
            flash(text, decided > 0 ? .success : .warning)
            lists[.approvals]?.marked = []
            decisionDrafts[Set(current.items.map(\.id))] = nil
            dialog = nil
        } else {
            current.error = failures.joined(separator: " ")
            dialog = current
        }
        return requestRefresh()
    }
}
