import PIMDomain

extension KeyMap {
    static let panes: [Binding] = [
        Binding(["1"], .switchPane(.myRoles), .panes, "show My roles"),
        Binding(["2"], .switchPane(.approvals), .panes, "show Approvals"),
        Binding(["3"], .switchPane(.history), .panes, "show History"),
        Binding(["4"], .switchPane(.elevations), .panes, "show Elevations"),
        Binding(["5"], .switchPane(.reviews), .panes, "show Reviews"),
        Binding([.tab], .nextPane, .panes, "next pane"),
        Binding([.backTab], .previousPane, .panes, "previous pane"),
        Binding([.up, "k"], .moveUp, .panes, "move up"),
        Binding([.down, "j"], .moveDown, .panes, "move down"),
        Binding([.pageUp], .pageUp, .panes, "page up"),
        Binding([.pageDown], .pageDown, .panes, "page down"),
        Binding(["g", .home], .top, .panes, "first row"),
        Binding(["G", .end], .bottom, .panes, "last row"),
        Binding(["/"], .openFilter, .panes, "filter", hint: "filter"),
        Binding(
            ["e"], .extend, .panes, "extend the elevation that is about to expire", hint: "extend",
            disabled: { $0.warnedTarget == nil ? "No elevation of yours is about to expire." : nil }),
        Binding(["r"], .refresh, .panes, "refresh now", hint: "refresh"),
        Binding(["?"], .toggleHelp, .panes, "help", hint: "help"),
        Binding(["q"], .quit, .panes, "quit", hint: "quit"),
    ]

    static let myRoles: [Binding] = [
        Binding(
            [.enter, "a"], .activate, .myRoles, "activate (the marked rows, or this one)", hint: "activate",
            disabled: activateDisabled),
        Binding(
            [" "], .toggleMark, .myRoles, "mark for one form", hint: "mark",
            disabled: { $0.selectedRole == nil ? "There is no row to mark." : nil }),
        Binding(
            ["@"], .markRoleSet, .myRoles, "mark a role set's rows (again: the next set)", hint: "role set",
            disabled: { state in
                state.config.roleSets.isEmpty
                    ? "No role sets: define roleSets in the configuration file (see docs/configuration.md)." : nil
            }),
        Binding(
            ["d"], .deactivate, .myRoles, "deactivate", hint: "deactivate",
            disabled: { state in
                guard let role = state.selectedRole else { return "There is no row selected." }
                return role.canDeactivate ? nil : "Only a role you activated can be deactivated."
            }),
        Binding(
            ["e"], .extend, .myRoles, "extend", hint: "extend",
            disabled: { state in
                if state.selectedRole?.canExtend == true || state.warnedTarget != nil { return nil }
                return state.selectedRole?.extensionRefusal
                    ?? "Only an active elevation or a time-bound assignment can be extended."
            }),
        Binding(
            ["c"], .cancelRequest, .myRoles, "cancel the pending request", hint: "cancel",
            disabled: { state in
                state.selectedRole?.pendingRequest == nil ? "This row has no pending request to cancel." : nil
            }),
    ]

    static let approvals: [Binding] = [
        Binding([.enter], .openRequest, .approvals, "open the request", hint: "open", disabled: noApproval),
        Binding(["a"], .approve, .approvals, "approve", hint: "approve", disabled: noApproval),
        Binding(["d"], .deny, .approvals, "deny", hint: "deny", disabled: noApproval),
        Binding([" "], .toggleMark, .approvals, "mark for one decision", hint: "mark", disabled: noApproval),
    ]

    static let reviews: [Binding] = [
        Binding(
            ["a"], .reviewVerdict(.approve), .reviews, "approve: keep the access", hint: "approve", disabled: noReview),
        Binding(["d"], .reviewVerdict(.deny), .reviews, "deny: remove the access", hint: "deny", disabled: noReview),
        Binding(["x"], .reviewVerdict(.dontKnow), .reviews, "don't know", hint: "don't know", disabled: noReview),
        Binding([" "], .toggleMark, .reviews, "mark for one decision", hint: "mark", disabled: noReview),
        Binding(
            ["A"], .acceptRecommendations, .reviews, "accept the review's recommendations", hint: "accept all",
            disabled: { $0.selectedReviewRow == nil ? "No access review waits for you." : nil }),
        Binding([.enter], .confirmDecision, .reviewDecision, "record the decision", hint: "record"),
        Binding([.escape], .closeDialog, .reviewDecision, "close, keeping the text", hint: "close"),
    ]

    static let history: [Binding] = [
        Binding(["m"], .toggleMyDecisions, .history, "my decisions (again: back to the history)", hint: "my decisions"),
        Binding(["/"], .openFilter, .history, "filter; also user:, target:, since:, until:", hint: "filter"),
    ]

    static let elevations: [Binding] = [
        Binding(
            ["e"], .extend, .elevations, "extend the selected elevation (your own)", hint: "extend",
            disabled: { $0.elevationExtensionRefusal })
    ]

    static let filter: [Binding] =
        [
            Binding([.enter], .acceptFilter, .filter, "keep the filter", hint: "keep"),
            Binding([.escape], .clearFilter, .filter, "clear the filter", hint: "clear"),
        ] + editing(.filter)

    static let form: [Binding] =
        [
            Binding([.tab], .nextField, .form, "next field", hint: "next field"),
            Binding([.backTab], .previousField, .form, "previous field"),
            Binding([.enter], .submitField, .form, "next field; send on Duration or Start"),
            Binding([.control("s")], .submit, .form, "send", hint: "send"),
            Binding([.control("p")], .preflight, .form, "check with the service (pre-flight)", hint: "pre-flight"),
            Binding([.escape], .closeForm, .form, "close, keeping the draft", hint: "close"),
        ] + editing(.form) + [
            Binding([.enter, .escape], .closeForm, .formDone, "close the form", hint: "close"),
            Binding(["y"], .confirmYes, .tier0Confirm, "send the Tier 0 request", hint: "send"),
            Binding(["n", .escape], .confirmNo, .tier0Confirm, "back to the form", hint: "back"),
        ]

    static let dialogs: [Binding] =
        [
            Binding(["a"], .approve, .dialog, "approve", hint: "approve"),
            Binding(["d"], .deny, .dialog, "deny", hint: "deny"),
            Binding([.escape, "q"], .closeDialog, .dialog, "close", hint: "close"),
            Binding([.enter], .confirmDecision, .decision, "confirm the decision", hint: "confirm"),
            Binding([.escape], .closeDialog, .decision, "back to the request", hint: "back"),
        ] + editing(.decision) + editing(.reviewDecision)

    static let help: [Binding] = [
        Binding(["?", .escape, "q"], .closeHelp, .help, "close the help", hint: "close"),
        Binding([.pageDown, .right, " "], .nextHelpPage, .help, "next page of keys", hint: "next page"),
        Binding([.pageUp, .left], .previousHelpPage, .help, "previous page of keys", hint: "previous page"),
        Binding(["y"], .confirmYes, .quitConfirm, "quit, keeping the unsent text as a draft", hint: "quit"),
        Binding(["n", .escape], .confirmNo, .quitConfirm, "stay", hint: "stay"),
        Binding(
            ["y"], .confirmYes, .stepConfirm, "deactivate, cancel or accept recommendations, as asked", hint: "yes"),
        Binding(["n", .escape], .confirmNo, .stepConfirm, "keep it", hint: "no"),
        Binding([.enter], .confirmNo, .stepConfirm, "no"),
    ]

    static func editing(_ context: KeyContext) -> [Binding] {
        [
            Binding([.left], .edit(.left), context, "cursor left"),
            Binding([.right], .edit(.right), context, "cursor right"),
            Binding([.home, .control("a")], .edit(.home), context, "start of the field"),
            Binding([.end, .control("e")], .edit(.end), context, "end of the field"),
            Binding([.backspace, .control("h")], .edit(.backspace), context, "delete before the cursor"),
            Binding([.delete, .control("d")], .edit(.delete), context, "delete at the cursor"),
            Binding([.control("u")], .edit(.clearLine), context, "clear the field"),
            Binding([.control("w")], .edit(.deleteWord), context, "delete the word before the cursor"),
        ]
    }

    @Sendable static func activateDisabled(_ state: AppState) -> String? {
        if !state.markedRoles.isEmpty {
            let stuck = state.markedRoles.filter { !$0.canActivate }
            guard !stuck.isEmpty else { return nil }
            let names = stuck.map { role -> String in
                let why: String =
                    switch role.state {
                    case .active: "already active"
                    case .pending: "waits for approval"
                    case .scheduled: "scheduled"
                    case .eligible: "not eligible"
                    }
                return "\(role.target.interfaceName) (\(why))"
            }
            return
                """
                Marked but not activatable: \(names.joined(separator: ", ")). Unmark \
                \(stuck.count == 1 ? "it" : "them") with Space, then press Enter.
                """
        }
        guard let role = state.selectedRole else { return "There is no role to activate." }
        switch role.state {
        case .active: return "\(role.target.interfaceName) is already active: press e to extend it."
        case .pending: return "A request for \(role.target.interfaceName) waits for approval: press c to cancel it."
        case .scheduled: return "\(role.target.interfaceName) is scheduled to start later."
        case .eligible: return role.canActivate ? nil : "You are not eligible for this role."
        }
    }

    @Sendable static func noReview(_ state: AppState) -> String? {
        state.selectedReviewRow == nil ? "No access review decision waits for you." : nil
    }

    @Sendable static func noApproval(_ state: AppState) -> String? {
        state.selectedApproval == nil ? "No request waits for your decision." : nil
    }
}
