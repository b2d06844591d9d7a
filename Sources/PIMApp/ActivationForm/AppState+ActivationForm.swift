import Foundation
import PIMDomain

extension AppState {
    mutating func moveFocus(by delta: Int) {
        guard let form, let index = form.shownFields.firstIndex(of: form.focus) else { return }
        let fields = form.shownFields
        self.form?.focus = fields[(index + delta + fields.count) % fields.count]
    }

    /// Checks the draft, asks for the Tier 0 confirmation when the configuration wants it, then sends.
    mutating func submitForm() -> [Effect] {
        guard let current = form, !current.isSubmitting else { return [] }
        let problems = current.problems(rules: config.draftRules, now: now, timeZone: config.timeZone)
        if let first = problems.first {
            form?.error = "Not sent: fix what is marked ✗, then send again."
            if let field = ActivationForm.Field.allCases.first(where: { $0.problemField == first.field }) {
                form?.focus = field
            }
            return []
        }
        if config.confirmTier0 && current.hasTier0 && !current.isExtension {
            form?.confirmingTier0 = true
            return []
        }
        return sendForm()
    }

    /// Sends one request per target that has not succeeded yet.
    mutating func sendForm() -> [Effect] {
        guard var current = form else { return [] }
        let open = current.targets.filter { current.outcomes[$0.id]?.succeeded != true }
        var requests: [ActivationRequest] = []
        let draft: ActivationDraft
        switch current.draft.resolvingStart(now: now, timeZone: config.timeZone) {
        case .success(let resolved): draft = resolved
        case .failure(let problem):
            form?.error = problem.message
            return []
        }
        for target in open {
            switch draft.request(
                for: target, policy: current.policies[target.id],
                rules: config.draftRules, now: now)
            {
            case .success(let request): requests.append(request)
            case .failure(let problems):
                form?.error = problems.problems.map(\.message).joined(separator: " ")
                return []
            }
        }
        guard !requests.isEmpty else { return [] }
        current.isSubmitting = true
        current.error = nil
        current.awaiting = Set(requests.map(\.target.id))
        for request in requests { current.outcomes[request.target.id] = nil }
        drafts[current.draftKey] = current.draft
        form = current
        if case .extend(let assignment) = current.mode {
            return [.extend(assignment, requests[0])]
        }
        return [.activate(requests)]
    }

    /// Sends a validation-only request per target and shows each answer in the form. Only a draft
    /// the form itself accepts is sent: the service is asked about exactly what Ctrl-S would send,
    /// never about a stand-in for a field the form marks ✗.
    mutating func preflightForm() -> [Effect] {
        guard var current = form, !current.isSubmitting else { return [] }
        let problems = current.problems(rules: config.draftRules, now: now, timeZone: config.timeZone)
        if let first = problems.first {
            current.error =
                """
                Pre-flight not sent: fix what is marked ✗ first; the service is asked only about a draft the form \
                accepts.
                """
            current.preflight = [:]
            if let field = ActivationForm.Field.allCases.first(where: { $0.problemField == first.field }) {
                current.focus = field
            }
            form = current
            return []
        }
        var effects: [Effect] = []
        let draft = current.resolvedDraft(now: now, timeZone: config.timeZone) ?? current.draft
        for target in current.targets where current.outcomes[target.id]?.succeeded != true {
            guard
                case .success(let request) = draft.request(
                    for: target, policy: current.policies[target.id],
                    rules: config.draftRules, now: now,
                    validationOnly: true)
            else { continue }
            current.preflight[target.id] = .checking
            current.preflightChecked[target.id] = Self.preflightChecks(request, policy: current.policies[target.id])
            effects.append(.preflight(request))
        }
        current.error = nil
        form = current
        return effects
    }

    /// What a validation-only request puts before the service, in words: "your eligibility, the
    /// justification, ticket CHG-42 (ServiceNow), 2h against the maximum of 4h".
    static func preflightChecks(_ request: ActivationRequest, policy: ActivationPolicy?) -> String {
        var parts = ["your eligibility"]
        if request.justification != nil { parts.append("the justification") }
        switch (request.ticket?.number, request.ticket?.system) {
        case (let number?, let system?): parts.append("ticket \(number) (\(system))")
        case (let number?, nil): parts.append("ticket \(number)")
        case (nil, let system?): parts.append("ticket system \(system)")
        case (nil, nil): break
        }
        if request.start != nil { parts.append("the later start") }
        let max = policy?.maxDuration.map { " against the maximum of \($0.shortDescription)" } ?? ""
        parts.append("\(request.duration.shortDescription)\(max)")
        return parts.joined(separator: ", ")
    }

    mutating func preflightFinished(_ target: TargetID, _ result: Result<PreflightReport, PIMError>) {
        guard form?.targets.contains(where: { $0.id == target }) == true else { return }
        switch result {
        case .success(let report) where report.passed:
            let checked = form?.preflightChecked[target] ?? ""
            form?.preflight[target] = .passed(checked: checked)
        case .success(let report):
            let other = report.otherProblem.map { [InterfaceWording.sentence($0).text] } ?? []
            form?.preflight[target] = .failed(report.failedRules.map(InterfaceWording.fix) + other)
        case .failure(let error):
            form?.preflight[target] = .failed(
                error.failedRules.isEmpty
                    ? [InterfaceWording.sentence(error).text]
                    : error.failedRules.map(InterfaceWording.fix))
        }
    }

    /// One target's answer came back; when all are in, the form shows the results or the refusal.
    mutating func submissionFinished(_ target: TargetID, _ result: Result<ActivationResult, PIMError>) -> [Effect] {
        let outcome: ActivationForm.Outcome
        var notices: [String] = []
        switch result {
        case .success(let answer):
            notices = answer.notices
            if answer.request.status.isPending && answer.request.status != .pendingProvisioning {
                outcome = .pendingApproval(requestId: answer.request.id)
            } else if answer.request.status.isRefusal {
                outcome = .refused("The service answered \(answer.request.status.graphValue).")
            } else if let start = answer.request.start, start.timeIntervalSince(now) > 60 {
                outcome = .scheduled(start: start, until: answer.request.expectedEnd(now: now))
            } else {
                outcome = .active(until: answer.request.expectedEnd(now: now))
            }
        case .failure(let error):
            // The rules the step does not already word, as what to change in the form.
            let worded: Bool = if case .satisfyRules = error.step { true } else { false }
            let fixes = worded ? [] : error.failedRules.map(InterfaceWording.fix)
            outcome = .refused(([InterfaceWording.sentence(error).text] + fixes).joined(separator: " "))
        }
        guard var current = form, current.awaiting.contains(target) else {
            // The form was closed while waiting: report in the status line.
            let name = roles.first { $0.target.id == target }?.target.interfaceName ?? "The activation"
            switch outcome {
            case .refused(let reason):
                flash("\(name): \(reason)", .error)
                refusalsWhileClosed[target] = reason
            case .pendingApproval:
                flash("\(name) waits for approval.", .success)
                refusalsWhileClosed[target] = nil
            case .active:
                flash("\(name) is active.", .success)
                refusalsWhileClosed[target] = nil
            case .scheduled(let start, _):
                flash(
                    "\(name) is scheduled: starts in \(Countdown.text(remaining: start.timeIntervalSince(now))).",
                    .success)
                refusalsWhileClosed[target] = nil
            }
            return requestRefresh()
        }
        current.awaiting.remove(target)
        current.outcomes[target] = outcome
        if !current.awaiting.isEmpty {
            form = current
            return []
        }
        current.isSubmitting = false
        let refusals = current.targets.compactMap { target -> String? in
            if case .refused(let reason) = current.outcomes[target.id] {
                return current.targets.count > 1 ? "\(target.interfaceName): \(reason)" : reason
            }
            return nil
        }
        if refusals.isEmpty {
            drafts[current.draftKey] = nil
            lists[.myRoles]?.marked = []
            let pending = current.outcomes.values.filter { if case .pendingApproval = $0 { true } else { false } }.count
            let scheduled = current.outcomes.values.filter { if case .scheduled = $0 { true } else { false } }.count
            let summary: String
            if scheduled == current.targets.count {
                summary = "Scheduled."
            } else if pending == 0 {
                summary = current.isExtension ? "Extended." : "Activated."
            } else if current.targets.count == 1 {
                summary = "Sent: \(current.targets[0].interfaceName) waits for approval."
            } else {
                summary = "Sent: \(pending) of \(current.targets.count) wait for approval, the others are active."
            }
            flash(([summary] + notices).joined(separator: " "), .success)
        } else {
            current.error = refusals.joined(separator: " ")
            drafts[current.draftKey] = current.draft
        }
        form = current
        return requestRefresh()
    }

    /// Closes the form; its text stays as the draft for the next time unless it was sent.
    mutating func closeForm() {
        guard let current = form else { return }
        if current.isDone {
            drafts[current.draftKey] = nil
        } else {
            drafts[current.draftKey] = current.draft
        }
        form = nil
    }
}
