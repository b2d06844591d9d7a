import Foundation
import PIMApp
import PIMDomain
import PIMTables

/// Pane 5: the access review decisions I review, one row each under its review's header (name, due
/// date, time left), soonest due first.
enum ReviewsView: PaneView {
    static let columns = PaneColumns(Tables.accessReviews)

    static func table(_ state: AppState) -> TableWidget {
        let list = state.list(.reviews)
        let visible = list.visible
        let marked = list.marked
        let rows = state.reviews
        let context = ColumnContext(
            now: state.now, time: { TextLayout.time($0) }, dateTime: { TextLayout.dateTime($0) }, busy: state.busy)
        let definitions = columns.columns
        return TableWidget(
            columns: columns.layout, rowCount: visible.count, offset: list.offset,
            selection: visible.isEmpty ? nil : list.selection,
            isMarked: { !marked.isEmpty && marked.contains(rows[visible[$0]].id) },
            cell: { row, column in
                guard case .decision(let decision) = rows[visible[row]] else { return TableCell(DisplayText("")) }
                return TableCell(definitions[column].cell(decision, context))
            },
            emptyText: emptyText(state, filtered: !list.filterText.isEmpty),
            spanning: { row in
                guard case .review(let group) = rows[visible[row]] else { return nil }
                return header(group, now: state.now, width: state.width - TableWidget.markWidth)
            })
    }

    /// Why the pane is empty, in one sentence with what to do.
    static func emptyText(_ state: AppState, filtered: Bool) -> DisplayText {
        if state.accessReviewsLoading {
            return "Your access reviews are still being read and appear here when they arrive."
        }
        if filtered { return "No row matches the filter: press / then Esc to clear it." }
        return DisplayText(untrusted: state.reviewsUnavailable ?? "No access review waits for you.")
    }

    /// "▾ Global Administrator eligibilities · 3 of 4 waiting · due in 2d 4h (2026-11-25 16:00Z)"; the
    /// date gives way first on a narrow terminal (the detail strip has it), the countdown stays.
    static func header(_ group: AccessReviewQueue.Group, now: Date, width: Int) -> TableCell {
        var text = "▾ \(group.reviewName) · \(group.waiting) of \(group.decisions.count) waiting"
        var style = StyleRole.info
        if let due = group.dueDateTime {
            let left = due.timeIntervalSince(now)
            text += left > 0 ? " · due in \(Countdown.text(remaining: left))" : " · overdue"
            let dated = text + " (\(TextLayout.dateTime(due)))"
            if DisplayWidth.of(Sanitizer.sanitize(dated)) <= width { text = dated }
            if left < 24 * 3600 { style = TextLayout.urgencyStyle(left) }
        }
        return TableCell(untrusted: text, style: style)
    }

    static func details(_ state: AppState, width: Int) -> [StyledLine] {
        switch state.selectedReviewRow {
        case nil: return []
        case .review(let group):
            return [
                detail("Review", group.reviewName),
                detail("Due", dueText(group.dueDateTime, now: state.now)),
                detail(
                    "Waiting", "\(group.waiting) of \(group.decisions.count) decisions; A accepts the recommendations"),
                detail(
                    "Instance", group.scope.instanceId + (group.scope.stageId.map { " · stage \($0)" } ?? ""),
                    style: .dim),
            ]
        case .decision(let decision):
            return lines(for: decision, now: state.now)
        }
    }

    /// Every detail of a decision, shared with the decision dialog.
    static func lines(for decision: AccessReviewDecision, now: Date) -> [StyledLine] {
        let who = [decision.principal.label, decision.principal.userPrincipalName.map { "<\($0)>" }]
            .compactMap { $0 }.joined(separator: " ")
        let signIn = decision.principalLastSignIn.map { TextLayout.dateTime($0) } ?? "never, or not known"
        var advice = decision.recommendation == .noInfoAvailable ? "none" : decision.recommendation.rawValue
        if let reason = decision.recommendationReason { advice += " — \(reason)" }
        var lines = [
            detail("Who", "\(who) · last sign-in \(signIn)"),
            detail(
                "What", "\(decision.resourceName) (\(kindLabel(decision.resourceKind)), \(decision.tier.label))",
                style: decision.tier == .tier0 ? .tier0 : .normal),
            detail("Recommended", advice),
        ]
        if decision.verdict != .notReviewed {
            let by = decision.reviewedBy.map { " by \($0.label)" } ?? ""
            let why = decision.justification.map { ": \($0)" } ?? ""
            lines.append(detail("Decided", "\(decision.verdict.label)\(by)\(why)"))
        }
        let stage = decision.stageId.map { " · stage \($0.prefix(8))" } ?? ""
        lines.append(
            detail(
                "Review", "\(decision.reviewName)\(stage) · due \(dueText(decision.dueDateTime, now: now))"))
        lines.append(detail("Decision id", decision.decisionId, style: .dim))
        return lines
    }

    /// "recommended: Approve", or "no recommendation".
    static func advice(_ recommendation: AccessReviewRecommendation) -> String {
        recommendation == .noInfoAvailable ? "no recommendation" : "recommended: \(recommendation.rawValue)"
    }

    static func dueText(_ due: Date?, now: Date) -> String {
        guard let due else { return "—" }
        let left = due.timeIntervalSince(now)
        return "\(TextLayout.dateTime(due)) (" + (left > 0 ? "due in \(Countdown.text(remaining: left))" : "overdue")
            + ")"
    }

    static func kindLabel(_ kind: AccessReviewResourceKind) -> String {
        switch kind {
        case .directoryRole: "directory role"
        case .group: "group membership"
        case .azureRole: "Azure role"
        case .servicePrincipal: "application"
        case .other: "access"
        }
    }
}
