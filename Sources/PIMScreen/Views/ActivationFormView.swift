import Foundation
import PIMApp
import PIMDomain

/// The activation form over the pane: targets, policy, the four fields, every requirement checked
/// live with the domain's sentences, the pre-flight answer, and the result of sending.
enum ActivationFormView {
    static let labelWidth = 15

    static func render(_ state: AppState, _ form: ActivationForm, in area: Rect, on screen: inout Screen) {
        let width = min(area.width - 2, 84)
        let inner = width - 4
        var lines = body(state, form, width: inner)
        let fieldsAt = targetLines(form, width: inner).count + 2
        let fieldCount = form.shownFields.count
        // On a short terminal the blank line under the fields gives way before any sentence does.
        if lines.count + 2 + fieldCount + 2 > area.height, fieldsAt < lines.count, lines[fieldsAt].segments.isEmpty {
            lines.remove(at: fieldsAt)
        }
        let height = min(area.height, lines.count + 2 + fieldCount + 2)
        let rect = area.centered(width: width, height: height)
        let names = form.targets.map(\.interfaceName)
        let verb = form.isExtension ? "Extend" : "Activate"
        let title = names.count == 1 ? "\(verb) \(names[0])" : "\(verb) \(names.count) roles and groups"
        let content = Box.draw(rect, title: DisplayText(untrusted: title), on: &screen)
        var y = content.y
        var index = 0
        func emit(_ line: StyledLine) {
            guard y < content.maxY - 1 else { return }
            line.draw(x: content.x, y: y, width: content.width, on: &screen)
            y += 1
        }
        // The field with the keyboard is always in view: when the box is too short for the lines
        // above the fields and all four fields, the lines above give way first, then the fields
        // furthest from the focus.
        let fields = form.shownFields
        let rows = max(0, content.height - 1)
        let fieldRows = min(fields.count, rows)
        let above = min(fieldsAt, lines.count, rows - fieldRows)
        let focusIndex = fields.firstIndex(of: form.focus) ?? 0
        let firstField = min(max(0, focusIndex - fieldRows + 1), fields.count - fieldRows)
        while index < above {
            // The last line shown above the fields says that lines were left out.
            var line = lines[index]
            if index == above - 1, above < fieldsAt - 1 {
                line.segments.append((" …", .dialog))
            }
            emit(line)
            index += 1
        }
        index = min(fieldsAt, lines.count)
        for field in fields[firstField..<(firstField + fieldRows)] {
            guard y < content.maxY - 1 else { break }
            let focused = form.focus == field && !form.isDone && !form.isSubmitting && !form.confirmingTier0
            screen.put(
                DisplayText(untrusted: field.label), x: content.x, y: y, width: labelWidth - 1,
                style: focused ? .keyName : .dialog)
            var fieldWidth = content.width - labelWidth
            if field == .duration, let max = form.maxDuration {
                let note = DisplayText(untrusted: " max \(max.shortDescription)")
                fieldWidth -= note.width
                screen.put(note, x: content.x + labelWidth + fieldWidth, y: y, style: .dim)
            }
            InputField.draw(
                form[field], focused: focused,
                in: Rect(x: content.x + labelWidth, y: y, width: fieldWidth, height: 1), on: &screen)
            y += 1
        }
        while index < lines.count { emit(lines[index]); index += 1 }
        // The keys of the form on the last inner row.
        KeyHintRow.draw(state, x: content.x, y: content.maxY - 1, maxX: content.maxX, helpStyle: .dialog, on: &screen)
    }

    /// Lines above the fields (targets, policy, blank) and below them (checks, pre-flight, results).
    static func body(_ state: AppState, _ form: ActivationForm, width: Int) -> [StyledLine] {
        var lines = targetLines(form, width: width)
        let policies = form.targets.compactMap { form.policies[$0.id] }
        let labels = Array(Set(policies.flatMap(\.requirementLabels))).sorted()
        let max = form.maxDuration.map { "max \($0.shortDescription)" } ?? "maximum unknown"
        lines.append(
            StyledLine(
                DisplayText(
                    untrusted:
                        """
                        Policy: \(max) · requires \(labels.isEmpty ? "nothing else" : labels.joined(separator: ", "))
                        """),
                .dialog))
        lines.append(.blank)

        lines.append(.blank)
        let problems = form.problems(rules: state.config.draftRules, now: state.now, timeZone: state.config.timeZone)
        func check(_ field: ActivationForm.Field, required: Bool, okText: String) {
            let mine = problems.filter { $0.field == field.problemField }
            if mine.isEmpty {
                if required { lines.append(StyledLine(DisplayText(untrusted: "✓ " + okText), .success)) }
            } else {
                for problem in mine {
                    lines += StyledLine.wrapped(problem.message, width: width, prefix: "✗ ", style: .error)
                }
            }
        }
        check(.justification, required: policies.contains { $0.requiresJustification }, okText: "Justification given")
        check(.ticketNumber, required: policies.contains { $0.requiresTicket }, okText: "Ticket number given")
        check(
            .ticketSystem, required: policies.contains { $0.requiresTicket } && !form[.ticketNumber].text.isEmpty,
            okText: "Ticket system given")
        check(
            .duration, required: true,
            okText: "Duration \(form.draft.durationText.trimmingCharacters(in: .whitespaces)) is within the policy")
        if !form.isExtension {
            // "Starts when sent" goes without saying: only a typed start is confirmed.
            let typed = !form[.start].text.trimmingCharacters(in: .whitespaces).isEmpty
            check(.start, required: typed, okText: startText(form, state))
        }
        if policies.contains(where: { $0.requiresStepUp }) {
            lines += StyledLine.wrapped(
                "This role asks for MFA or an authentication context: pim signs you in again when the service asks.",
                width: width, prefix: "• ", style: .dialog)
        }
        if policies.contains(where: { $0.requiresApproval }) {
            lines += StyledLine.wrapped(
                "An approver must agree: the request waits for approval.", width: width, prefix: "• ", style: .dialog)
        }
        for target in form.targets {
            let name = form.targets.count > 1 ? "\(target.interfaceName): " : ""
            switch form.preflight[target.id] {
            case .checking:
                lines.append(StyledLine(DisplayText(untrusted: "Pre-flight: \(name)asking the service…"), .info))
            case .passed(let checked):
                lines += StyledLine.wrapped(
                    """
                    Pre-flight: \(name)the service accepts this request. It checked \(checked); nothing was activated.
                    """,
                    width: width, prefix: "✓ ", style: .success)
            case .failed(let fixes):
                for fix in fixes {
                    lines += StyledLine.wrapped(fix, width: width, prefix: "Pre-flight ✗ \(name)", style: .error)
                }
            case nil: break
            }
        }
        for target in form.targets {
            switch form.outcomes[target.id] {
            case .active(let until):
                lines += StyledLine.wrapped(
                    "\(target.interfaceName) is active until \(TextLayout.dateTime(until)).",
                    width: width, prefix: "✓ ", style: .success)
            case .scheduled(let start, let until):
                lines += StyledLine.wrapped(
                    """
                    \(target.interfaceName) is scheduled from \(TextLayout.dateTime(start)) until \
                    \(TextLayout.dateTime(until)).
                    """,
                    width: width, prefix: "✓ ", style: .success)
            case .pendingApproval(let id):
                lines += StyledLine.wrapped(
                    "\(target.interfaceName) waits for approval (request \(id)).", width: width, prefix: "⧗ ",
                    style: .pending)
            case .refused(let reason):
                lines += StyledLine.wrapped(
                    "\(target.interfaceName) refused: \(reason)", width: width, prefix: "✗ ", style: .error)
            case nil: break
            }
        }
        let refused = form.targets.contains { if case .refused = form.outcomes[$0.id] { true } else { false } }
        if let error = form.error, !refused {
            lines += StyledLine.wrapped(error, width: width, prefix: "✗ ", style: .error)
        }
        if form.extensionInterruptsAccess, !form.isSubmitting, !form.isDone, form.outcomes.isEmpty {
            lines += StyledLine.wrapped(
                """
                This needs approval: sending ends the running activation, and access returns only when an approver \
                approves the new one.
                """,
                width: width, prefix: "! ", style: .warning)
        }
        if form.confirmingTier0 {
            let names = form.targets.filter { $0.tier == .tier0 }.map(\.interfaceName).joined(separator: ", ")
            let verb = tier0NeedApproval(form).isEmpty ? "activate" : "send"
            lines += StyledLine.wrapped(
                "\(names) is Tier 0: it can take over the tenant. Press y to \(verb), n to go back.",
                width: width, prefix: "! ", style: .warning)
        } else if form.hasTier0 && !form.isExtension && !form.isSubmitting && !form.isDone {
            lines += StyledLine.wrapped(
                tier0Warning(form, startsAt: scheduledStart(form, state)), width: width, prefix: "! ", style: .warning)
        } else if form.isSubmitting {
            lines.append(StyledLine("Sending…", .info))
        } else if form.isDone {
            lines.append(StyledLine("Sent. Press Enter or Esc to close.", .success))
        }
        return lines
    }
}

extension ActivationFormView {
    /// When the activation begins, as the form reads the Start field: "Starts when sent", or the
    /// instant and the time until it ("Starts 2026-12-07 15:30Z, in 2h").
    static func startText(_ form: ActivationForm, _ state: AppState) -> String {
        guard let start = scheduledStart(form, state) else { return "Starts when sent" }
        let wait = Countdown.text(remaining: start.timeIntervalSince(state.now))
        return "Starts \(TextLayout.dateTime(start)), in \(wait): a scheduled activation"
    }

    /// The Tier 0 targets of `form` whose policy needs an approver (unknown policy: not counted).
    static func tier0NeedApproval(_ form: ActivationForm) -> [ElevationTarget] {
        form.targets.filter { $0.tier == .tier0 && form.policies[$0.id]?.requiresApproval == true }
    }

    /// The start the form would send when it lies ahead (more than a minute from now), else nil.
    static func scheduledStart(_ form: ActivationForm, _ state: AppState) -> Date? {
        guard let start = form.resolvedDraft(now: state.now, timeZone: state.config.timeZone)?.start,
            start.timeIntervalSince(state.now) > 60
        else { return nil }
        return start
    }

    /// "X is Tier 0: it can take over the tenant." and what sending does to each: activates at once (or
    /// schedules it, `startsAt`), or asks an approver (access starts only on approval). Never "at once"
    /// for a role that waits or starts later.
    static func tier0Warning(_ form: ActivationForm, startsAt: Date? = nil) -> String {
        let activates = startsAt == nil ? "activates" : "schedules"
        let atOnce = startsAt.map { "to start \(TextLayout.dateTime($0))" } ?? "at once"
        let tier0 = form.targets.filter { $0.tier == .tier0 }
        let waiting = Set(tier0NeedApproval(form).map(\.id))
        let (are, they) = tier0.count == 1 ? ("is", "it") : ("are", "they")
        let names = tier0.map(\.interfaceName).joined(separator: ", ")
        var text = "\(names) \(are) Tier 0: \(they) can take over the tenant."
        let now = tier0.filter { !waiting.contains($0.id) }, later = tier0.filter { waiting.contains($0.id) }
        if later.isEmpty {
            text += " Sending \(activates) \(tier0.count == 1 ? "it" : "them") \(atOnce)."
        } else if now.isEmpty {
            text +=
                tier0.count == 1
                ? " Sending asks an approver; access starts only once one approves."
                : " Sending asks an approver for each; access starts only once one approves."
        } else {
            let waits = later.count == 1 ? "waits" : "wait"
            text +=
                " Sending \(activates) \(now.map(\.interfaceName).joined(separator: ", ")) \(atOnce); "
                + "\(later.map(\.interfaceName).joined(separator: ", ")) \(waits) for an approver."
        }
        return text
    }

    /// One target with its kind, scope and tier: "Global Administrator (role, Directory, Tier 0)"; an
    /// Azure role names its scope and the scope's kind first: "Contributor — Prod-Payments
    /// (subscription), azure, Tier 2".
    static func single(_ target: ElevationTarget) -> String {
        switch target.kind.family {
        case .directoryRole, .group:
            "\(target.displayName) (\(target.kind.label), \(target.scopeLabel), \(target.tier.label))"
        case .azure: "\(target.interfaceName), \(target.kind.label), \(target.tier.label)"
        }
    }

    /// A target in a list of several: a directory role held at an administrative unit says at which
    /// ("Password Administrator at Paris Office"), as one role may be marked at two units.
    static func scopedName(_ target: ElevationTarget) -> String {
        guard target.kind.family == .directoryRole, let scope = target.id.scope, scope != "/" else {
            return target.interfaceName
        }
        return "\(target.interfaceName) at \(target.scopeLabel)"
    }

    /// What the form is for: one target with its kind, scope and tier on up to two lines, or
    /// "For 3 targets: A, B, C" on up to three, the last cut with "…" when even that does not fit.
    static func targetLines(_ form: ActivationForm, width: Int) -> [StyledLine] {
        let prefix: String, text: String, most: Int
        if form.targets.count == 1, let target = form.targets.first {
            (prefix, text, most) = ("For: ", single(target), 2)
        } else {
            (prefix, text, most) = (
                "For \(form.targets.count) targets: ", form.targets.map(scopedName).joined(separator: ", "), 3
            )
        }
        let room = max(1, width - DisplayWidth.of(prefix))
        var rows = TextLayout.wrap(Sanitizer.sanitize(text), width: room)
        if rows.count > most {
            rows = Array(rows.prefix(most))
            let last = rows[most - 1]
            rows[most - 1] =
                DisplayWidth.of(last) + 2 <= room ? last + " …" : DisplayWidth.pad(last + " …", to: room)
        }
        let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
        return rows.enumerated().map { index, row in
            StyledLine(DisplayText(untrusted: (index == 0 ? prefix : indent) + row), .dialog)
        }
    }
}
