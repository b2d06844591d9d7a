import Foundation
import PIMDomain

/// The text typed into forms and decision dialogs and not sent, as kept between starts
/// (`$XDG_STATE_HOME/pim/drafts-….json`): unsent text survives a quit, Ctrl-C or a closed terminal.
public struct SavedDrafts: Codable, Hashable, Sendable {
    /// An activation or extension form's draft, for one set of targets.
    public struct Activation: Codable, Hashable, Sendable {
        public var targets: [TargetID]
        /// The targets' names when the draft was kept, for the message at the next start.
        public var names: [String]
        public var draft: ActivationDraft
    }

    /// A decision's justification, for one set of requests.
    public struct Decision: Codable, Hashable, Sendable {
        public var requestIds: [String]
        public var justification: String
    }

    public var activations: [Activation]
    public var decisions: [Decision]

    public init(activations: [Activation] = [], decisions: [Decision] = []) {
        self.activations = activations
        self.decisions = decisions
    }

    public var isEmpty: Bool { activations.isEmpty && decisions.isEmpty }
}

/// Where drafts are kept between starts; the executable gives a private file, tests a value.
public protocol DraftStore: Sendable {
    /// The drafts kept last time (nil: none). Throws a sentence when the file cannot be used.
    func load() throws -> SavedDrafts?
    /// Keeps `drafts` (an empty value removes what was kept).
    func save(_ drafts: SavedDrafts) throws
}

extension AppState {
    /// Every unsent text right now: kept drafts, the open form's text, the decision being written.
    /// Only text worth keeping counts (a prefilled duration alone is not a draft).
    public var savedDrafts: SavedDrafts {
        var activations: [Set<TargetID>: SavedDrafts.Activation] = [:]
        var names: [TargetID: String] = [:]
        for role in roles { names[role.target.id] = role.target.interfaceName }
        for (key, draft) in drafts where draft.hasUnsentText {
            let ids = key.sorted { $0.description < $1.description }
            activations[key] = .init(
                targets: ids, names: ids.map { names[$0] ?? keptNames[$0] ?? $0.description }, draft: draft)
        }
        if let form, !form.isDone, form.draft.hasUnsentText {
            let ids = form.targets.map(\.id)
            activations[form.draftKey] = .init(
                targets: ids, names: form.targets.map(\.interfaceName), draft: form.draft)
        }
        var decisions = decisionDrafts
        if let dialog, !dialog.justification.text.isEmpty {
            decisions[Set(dialog.items.map(\.id))] = dialog.justification.text
        }
        return SavedDrafts(
            activations: activations.values.sorted { $0.names.joined() < $1.names.joined() },
            decisions: decisions.filter { !$0.value.isEmpty }.map {
                .init(requestIds: $0.key.sorted(), justification: $0.value)
            }
            .sorted { $0.requestIds.joined() < $1.requestIds.joined() })
    }

    /// Puts back what `store` kept; when its file cannot be used, says so (drafts are then not kept).
    public mutating func restoreDrafts(from store: any DraftStore) {
        do {
            if let saved = try store.load() { restore(saved) }
        } catch {
            flash(String(describing: error), .warning)
        }
    }

    /// Puts drafts kept by an earlier start back, and says so once loaded rows can name them.
    public mutating func restore(_ saved: SavedDrafts) {
        for activation in saved.activations {
            let key = Set(activation.targets)
            drafts[key] = activation.draft
            for (id, name) in zip(activation.targets, activation.names) { keptNames[id] = name }
        }
        for decision in saved.decisions { decisionDrafts[Set(decision.requestIds)] = decision.justification }
        guard !saved.isEmpty else { return }
        let names = saved.activations.map { $0.names.joined(separator: ", ") }
        let parts =
            names
            + (saved.decisions.isEmpty
                ? [] : ["\(saved.decisions.count) decision\(saved.decisions.count == 1 ? "" : "s")"])
        flash("Unsent text from last time is kept: \(parts.joined(separator: "; ")). Open its form to send it.", .info)
    }
}
