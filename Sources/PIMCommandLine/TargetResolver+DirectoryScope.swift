import Foundation
import PIMDomain

/// What `--scope` names among the scopes of my directory roles: one scope id, several (an ambiguous
/// name), or none that I hold a role at (then it is compared as written, and refused with the scopes I have).
enum DirectoryScopeChoice: Equatable {
    case one(String)
    /// Each candidate's name and id, for the usage error.
    case several([(name: String, id: String)])
    case none

    static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case (.one(let x), .one(let y)): x == y
        case (.several(let x), .several(let y)): x.map(\.id) == y.map(\.id)
        case (.none, .none): true
        default: false
        }
    }
}

extension TargetResolver {
    /// The directory scope `--scope` names: an id (`/`, `/administrativeUnits/ID`) as written, else the
    /// administrative unit (or "Directory") by exact name, case-insensitive, then by unique prefix.
    func directoryScope() -> DirectoryScopeChoice {
        guard let text = scope?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return .none }
        var names: [String: String] = [:]  // scope id → its name
        for entry in entries where entry.target.kind == .directoryRole {
            let id = entry.target.id.scope ?? "/"
            names[id] = entry.target.scopeLabel
        }
        if let id = names.keys.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) { return .one(id) }
        if text.hasPrefix("/") { return .none }
        let lower = text.lowercased()
        let exact = names.filter { $0.value.lowercased() == lower }
        let found = exact.isEmpty ? names.filter { $0.value.lowercased().hasPrefix(lower) } : exact
        switch found.count {
        case 0: return .none
        case 1: return .one(found.first!.key)
        default:
            return .several(found.map { (name: $0.value, id: $0.key) }.sorted { ($0.name, $0.id) < ($1.name, $1.id) })
        }
    }

    /// `--scope TEXT` names several scopes: a usage error that lists them with their ids.
    func scopeAmbiguity(_ text: String, _ candidates: [(name: String, id: String)]) -> UsageError {
        var lines = ["--scope \"\(Sanitizer.sanitize(text))\" matches \(candidates.count) scopes of your roles:"]
        for candidate in candidates.prefix(10) {
            lines.append("  \(Sanitizer.sanitize(candidate.name)) (\(Sanitizer.sanitize(candidate.id)))")
        }
        if candidates.count > 10 { lines.append("  … and \(candidates.count - 10) more") }
        lines.append("Type more of the name, or give the scope's id.")
        return UsageError(lines.joined(separator: "\n"))
    }
}
