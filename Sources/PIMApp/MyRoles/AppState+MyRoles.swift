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
            if let reason = elevationExtensionRefusal {
                flash(reason, .warning)
                return
            }
            if let role = selectedElevationRole, let assignment = role.active {
                openForm(mode: .extend(assignment), entries: [role])
            }
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

    /// My row in My roles for the elevation selected in Elevations, when that elevation is mine.
    var selectedElevationRole: RoleEntry? {
        guard let elevation = selectedElevation, let me, elevation.principal.id == me.id else { return nil }
        return roles.first { $0.target.id == elevation.target.id }
    }

    /// Why `e` in Elevations cannot extend the selected row; nil when it can. The pane lists the
    /// whole tenant: only my own elevations are mine to extend.
    public var elevationExtensionRefusal: String? {
        guard let elevation = selectedElevation else { return "There is no elevation selected." }
        guard let me, elevation.principal.id == me.id else {
            return "\(elevation.target.displayName) is \(elevation.principal.label)'s elevation: you can extend only your own."
        }
        guard let role = selectedElevationRole else {
            return "\(elevation.target.displayName) is not among your roles yet: refresh (r), then try again."
        }
        return role.extensionRefusal
    }

    private mutating func openForm(mode: ActivationForm.Mode, entries: [RoleEntry]) {
        var policies: [TargetID: ActivationPolicy] = [:]
        for entry in entries { policies[entry.target.id] = entry.policy }
        let key = Set(entries.map(\.target.id))
        let maximum = entries.compactMap { $0.policy?.maxDuration }.min()
        let duration = maximum.map { min(config.defaultDuration, $0) } ?? config.defaultDuration
        let draft = drafts[key] ?? ActivationDraft(ticketSystem: config.ticketSystem,
                                                   durationText: duration.shortDescription)
        var opened = ActivationForm(mode: mode, targets: entries.map(\.target), policies: policies, draft: draft)
        let reasons = entries.compactMap { entry in
            refusalsWhileClosed.removeValue(forKey: entry.target.id).map { entries.count > 1 ? "\(entry.target.displayName): \($0)" : $0 }
        }
        if !reasons.isEmpty { opened.error = "The last send was refused: " + reasons.joined(separator: " ") }
        form = opened
    }

    mutating func deactivateSelected() -> [Effect] {
        guard let role = selectedRole, role.canDeactivate, let assignment = role.active else {
            flash("Only a role you activated can be deactivated.", .warning)
            return []
        }
        if let start = assignment.start,
           now.timeIntervalSince(start) < ServiceLimits.minimumActiveBeforeDeactivation {
            let wait = ServiceLimits.minimumActiveBeforeDeactivation - now.timeIntervalSince(start)
            flash("\(role.target.displayName) started under 5 minutes ago: the service allows deactivating it in \(Countdown.text(remaining: wait)).", .warning)
            return []
        }
        busy[role.target.id] = "deactivating"
        flash("Deactivating \(role.target.displayName)…", .info)
        return [.deactivate(assignment)]
    }

    mutating func cancelSelected() -> [Effect] {
        guard let role = selectedRole, let request = role.pendingRequest else {
            flash("This row has no pending request to cancel.", .warning)
            return []
        }
        busy[role.target.id] = "cancelling"
        flash("Cancelling the request for \(role.target.displayName)…", .info)
        return [.cancel(request)]
    }

    mutating func deactivateFinished(_ target: TargetID, _ result: Result<ElevationRequest, PIMError>) -> [Effect] {
        busy[target] = nil
        let name = roles.first { $0.target.id == target }?.target.displayName ?? "The role"
        switch result {
        case .success: flash("\(name) is deactivated.", .success)
        case .failure(let error):
            lastError = InterfaceWording.adapt(error.message)
            flash(error.message, .error)
        }
        return requestRefresh()
    }

    mutating func cancelFinished(_ target: TargetID, requestId: String, _ error: PIMError?) -> [Effect] {
        busy[target] = nil
        let name = roles.first { $0.target.id == target }?.target.displayName ?? "the role"
        if let error {
            lastError = InterfaceWording.adapt(error.message)
            flash(error.message, .error)
        } else {
            flash("The request for \(name) is cancelled.", .success)
        }
        return requestRefresh()
    }
}
