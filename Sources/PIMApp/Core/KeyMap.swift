/// Where a binding applies. The update function asks `KeyMap.contexts(for:)` which ones are live.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case panes, myRoles, approvals, history, elevations, reviews, filter, form, formDone, tier0Confirm, dialog,
        decision, help, quitConfirm, stepConfirm, reviewDecision

    /// Heading in the `?` help.
    public var title: String {
        switch self {
        case .panes: "Every pane"
        case .myRoles: "My roles"
        case .approvals: "Approvals"
        case .history: "History"
        case .elevations: "Elevations"
        case .reviews: "Reviews"
        case .reviewDecision: "Review decision justification"
        case .filter: "Filter line"
        case .form: "Activation form"
        case .formDone: "Activation form, once sent"
        case .tier0Confirm: "Tier 0 confirmation"
        case .dialog: "Request dialog"
        case .decision: "Decision justification"
        case .help: "Help"
        case .quitConfirm: "Quit confirmation"
        case .stepConfirm: "Deactivate, cancel or accept"
        }
    }

    /// Printable keys type text here instead of being commands.
    public var takesText: Bool { self == .filter || self == .form || self == .decision || self == .reviewDecision }
}

/// One key binding: its keys, what it does, its help text, whether the status line shows it,
/// and why it cannot be used right now (lazygit's disabled reason, shown instead of acting).
public struct Binding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var context: KeyContext
    public var help: String
    /// The short word shown in the status line; nil: only in the help.
    public var hint: String?
    public var disabledReason: @Sendable (AppState) -> String?

    public init(
        _ keys: [Key], _ command: Command, _ context: KeyContext, _ help: String, hint: String? = nil,
        disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }
    ) {
        self.keys = keys
        self.command = command
        self.context = context
        self.help = help
        self.hint = hint
        self.disabledReason = disabled
    }

    /// The keys as the user types them: "↑/k", "Enter/a".
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}

/// The one table of keys. Dispatch, the status-line hints and the `?` help all read it.
public enum KeyMap {
    public static let bindings: [Binding] =
        panes + myRoles + approvals + history + elevations + reviews + filter + form + dialogs + help

    /// The contexts whose bindings apply now, most specific first.
    public static func contexts(for state: AppState) -> [KeyContext] {
        if state.confirmingQuit { return [.quitConfirm] }
        if state.confirmation != nil { return [.stepConfirm] }
        if state.showHelp { return [.help] }
        if let form = state.form {
            return form.confirmingTier0 ? [.tier0Confirm] : (form.isDone ? [.formDone] : [.form])
        }
        if let dialog = state.dialog { return dialog.decision == nil ? [.dialog] : [.decision] }
        if state.reviewDialog != nil { return [.reviewDecision] }
        if state.currentList.isFiltering { return [.filter] }
        switch state.pane {
        case .myRoles: return [.myRoles, .panes]
        case .approvals: return [.approvals, .panes]
        case .elevations: return [.elevations, .panes]
        case .history: return [.history, .panes]
        case .reviews: return [.reviews, .panes]
        }
    }

    /// The binding `key` triggers now, if any.
    public static func binding(for key: Key, in state: AppState) -> Binding? {
        for context in contexts(for: state) {
            if let found = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return found }
        }
        return nil
    }

    /// Hints for the status line: live bindings marked `hint` that are usable now.
    public static func hints(for state: AppState) -> [Binding] {
        var shown: [Binding] = []
        var taken: Set<Key> = []
        for context in contexts(for: state) {
            for binding in bindings where binding.context == context {
                // A key bound in a more specific context hides the general binding, in hints as in dispatch.
                defer { taken.formUnion(binding.keys) }
                guard binding.hint != nil, !binding.keys.contains(where: taken.contains),
                    binding.disabledReason(state) == nil
                else { continue }
                shown.append(binding)
            }
        }
        return shown
    }

    /// Bindings of one context, for the help.
    public static func bindings(in context: KeyContext) -> [Binding] { bindings.filter { $0.context == context } }
}
