import Foundation
import PIMDomain

extension AppState {
    /// Opens the activation form on the marked rows, or on the selected one.
    mutating func openActivationForm() {
        if let reason = KeyMap.activateDisabled(self) {
            flash(reason, .warning)
            return
        }
        let entries = markedRoles.isEmpty ? [selectedRole].compactMap { $0 } : markedRoles
        openForm(mode: .activate, entries: entries)
    }

    /// Opens the form in extension mode on the selected row (an activation, or an assignment with an
    /// end), or on the elevation the last expiry warning was about.
    mutating func openExtensionForm() {
        if pane == .elevations {
            openElevationExtensionForm()
            return
        }
        let role: RoleEntry?
        if pane == .myRoles, let selected = selectedRole, selected.canExtend {
            role = selected
        } else {
            role = roles.first { $0.target.id == warnedTarget && $0.canExtend }
        }
        guard let role, let assignment = role.active else {
            let reason = pane == .myRoles ? selectedRole?.extensionRefusal : nil
            flash(reason ?? "Only an active elevation or a time-bound assignment can be extended.", .warning)
            return
        }
        openForm(mode: .extend(assignment), entries: [role])
    }

    mutating func openForm(mode: ActivationForm.Mode, entries: [RoleEntry]) {
        // An activation is extended by ending it and activating again, and the service refuses to end
        // one in its first 5 minutes: say when it can be, rather than open a form that cannot be sent.
        if case .extend(let assignment) = mode, let wait = deactivationWait(assignment) {
            flash(
                """
                \(assignment.target.interfaceName) started under 5 minutes ago: extending ends it and activates it \
                again, which the service allows in \(Countdown.text(remaining: wait)).
                """,
                .warning)
            return
        }
        var policies: [TargetID: ActivationPolicy] = [:]
        for entry in entries { policies[entry.target.id] = entry.policy }
        let key = Set(entries.map(\.target.id))
        let maximum = entries.compactMap { $0.policy?.maxDuration }.min()
        let duration = maximum.map { min(config.defaultDuration, $0) } ?? config.defaultDuration
        let draft =
            drafts[key]
            ?? ActivationDraft(
                ticketSystem: config.ticketSystem,
                durationText: duration.shortDescription)
        var opened = ActivationForm(mode: mode, targets: entries.map(\.target), policies: policies, draft: draft)
        for entry in entries { opened.eligibilityEnds[entry.target.id] = entry.eligibility?.end }
        let reasons = entries.compactMap { entry in
            refusalsWhileClosed.removeValue(forKey: entry.target.id).map {
                entries.count > 1 ? "\(entry.target.interfaceName): \($0)" : $0
            }
        }
        if !reasons.isEmpty { opened.error = "The last send was refused: " + reasons.joined(separator: " ") }
        form = opened
    }

    mutating func deactivateSelected() -> [Effect] {
        guard let role = selectedRole, role.canDeactivate, let assignment = role.active else {
            flash("Only a role you activated can be deactivated.", .warning)
            return []
        }
        if let wait = deactivationWait(assignment) {
            flash(
                """
                \(role.target.interfaceName) started under 5 minutes ago: the service allows deactivating it in \
                \(Countdown.text(remaining: wait)).
                """,
                .warning)
            return []
        }
        // One key from losing an elevation (and, under approval, the wait for it): ask first.
        confirmation = .deactivate(assignment)
        return []
    }

    /// Seconds until the service lets `assignment` be ended (it refuses within 5 minutes of the start of
    /// an activation); nil when it can be ended now, or is an administrator's assignment.
    func deactivationWait(_ assignment: ActiveAssignment) -> Double? {
        guard assignment.assignmentType == .activated, let start = assignment.start else { return nil }
        let wait = ServiceLimits.minimumActiveBeforeDeactivation - now.timeIntervalSince(start)
        return wait > 0 ? wait : nil
    }

    mutating func cancelSelected() -> [Effect] {
        guard let role = selectedRole, let request = role.pendingRequest else {
            flash("This row has no pending request to cancel.", .warning)
            return []
        }
        confirmation = .cancel(request)
        return []
    }

    /// `y` to the question of `d` or `c`: sends what was asked about.
    mutating func confirmPendingStep() -> [Effect] {
        guard let asked = confirmation else { return [] }
        confirmation = nil
        switch asked {
        case .deactivate(let assignment):
            busy[assignment.target.id] = "deactivating"
            flash("Deactivating \(assignment.target.interfaceName)…", .info)
            return [.deactivate(assignment)]
        case .cancel(let request):
            busy[request.target.id] = "cancelling"
            flash("Cancelling the request for \(request.target.interfaceName)…", .info)
            return [.cancel(request)]
        case .acceptRecommendations(let group):
            return acceptRecommendations(group)
        }
    }

    /// The y/N question of `d` or `c`, naming what would be lost.
    public var confirmationQuestion: String? {
        switch confirmation {
        case nil:
            return nil
        case .deactivate(let assignment):
            let name = assignment.target.interfaceName
            let left =
                assignment.remaining(at: now).map { "Its remaining \(Countdown.text(remaining: $0)) ends now" }
                ?? "Access ends now"
            let needsApproval = roles.first { $0.target.id == assignment.target.id }?.policy?.requiresApproval == true
            let again =
                needsApproval
                ? "using it again takes a new request and an approver's yes" : "using it again takes a new activation"
            return "Deactivate \(name)? \(left); \(again). y deactivates, n keeps it."
        case .cancel(let request):
            let name = request.target.interfaceName
            let waited =
                request.createdAt.map {
                    "It has waited \(Countdown.elapsed(now.timeIntervalSince($0))) for an approver"
                }
                ?? "It waits for an approver"
            return
                "Cancel the request for \(name)? \(waited); a new request starts the wait again. y cancels, n keeps it."
        case .acceptRecommendations(let group):
            return Self.acceptQuestion(group)
        }
    }

    mutating func deactivateFinished(_ target: TargetID, _ result: Result<ElevationRequest, PIMError>) -> [Effect] {
        busy[target] = nil
        let name = roles.first { $0.target.id == target }?.target.interfaceName ?? "The role"
        switch result {
        case .success: flash("\(name) is deactivated.", .success)
        case .failure(let error):
            report(error)
        }
        return requestRefresh()
    }

    mutating func cancelFinished(_ target: TargetID, requestId: String, _ error: PIMError?) -> [Effect] {
        busy[target] = nil
        let name = roles.first { $0.target.id == target }?.target.interfaceName ?? "the role"
        if let error {
            report(error)
        } else {
            flash("The request for \(name) is cancelled.", .success)
        }
        return requestRefresh()
    }
}
