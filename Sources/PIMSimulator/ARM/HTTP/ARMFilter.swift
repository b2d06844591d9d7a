import Foundation

/// An ARM `$filter` as PIM reads it: terms joined by `and` — the functions `asTarget()`,
/// `asRequestor()`, `asApprover()`, `asCreatedBy()`, `atScope()`, `assignedTo('{id}')` and the
/// comparisons `{property} eq '{value}'` (values joined by `or` for `resourceType`).
struct ARMFilter: Equatable {
    enum Term: Equatable {
        case function(String)
        case assignedTo(String)
        case equals(String, [String])
    }

    var terms: [Term]

    init(_ text: String) throws(ARMFailure) {
        var result: [Term] = []
        for raw in Self.split(text, on: "and") {
            let part = raw.trimmingCharacters(in: .whitespaces)
            let lower = part.lowercased()
            if lower.hasPrefix("assignedto(") {
                guard let value = Self.quoted(part) else { throw Self.invalid(text) }
                result.append(.assignedTo(value))
            } else if lower.hasSuffix("()"), !lower.contains(" ") {
                result.append(.function(String(lower.dropLast(2))))
            } else {
                var property: String?
                var values: [String] = []
                for alternative in Self.split(part, on: "or") {
                    let words = alternative.trimmingCharacters(in: .whitespaces).split(
                        separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
                    guard words.count == 3, words[1].lowercased() == "eq", let value = Self.quoted(String(words[2]))
                    else { throw Self.invalid(text) }
                    if let property, property != words[0].lowercased() { throw Self.invalid(text) }
                    property = words[0].lowercased()
                    values.append(value)
                }
                guard let property else { throw Self.invalid(text) }
                result.append(.equals(property, values))
            }
        }
        terms = result
    }

    func has(_ function: String) -> Bool { terms.contains(.function(function.lowercased())) }

    var assignedTo: String? {
        for case .assignedTo(let id) in terms { return id }
        return nil
    }

    func values(_ property: String) -> [String]? {
        for case .equals(let name, let values) in terms where name == property.lowercased() { return values }
        return nil
    }

    /// Refuses any term the endpoint does not support, naming it.
    func allow(functions: Set<String>, properties: Set<String>, assignedTo allowAssignedTo: Bool) throws(ARMFailure) {
        for term in terms {
            switch term {
            case .function(let name) where functions.contains(name): continue
            case .assignedTo where allowAssignedTo: continue
            case .equals(let name, _) where properties.contains(name): continue
            default:
                throw ARMFailure.badRequest(
                    "InvalidFilter", "The filter term '\(Self.describe(term))' is not supported for this request.")
            }
        }
    }

    private static func describe(_ term: Term) -> String {
        switch term {
        case .function(let name): "\(name)()"
        case .assignedTo(let id): "assignedTo('\(id)')"
        case .equals(let name, let values): values.map { "\(name) eq '\($0)'" }.joined(separator: " or ")
        }
    }

    private static func invalid(_ text: String) -> ARMFailure {
        ARMFailure.badRequest("InvalidFilter", "The $filter '\(text)' could not be parsed.")
    }

    private static func quoted(_ text: String) -> String? {
        guard let open = text.firstIndex(of: "'"), let close = text.lastIndex(of: "'"), open < close else {
            return nil
        }
        return String(text[text.index(after: open)..<close])
    }

    /// Splits on a keyword surrounded by spaces, outside quotes.
    private static func split(_ text: String, on word: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        let tokens = text.split(separator: " ", omittingEmptySubsequences: false)
        for token in tokens {
            let quotes = token.filter { $0 == "'" }.count
            if !quoted, token.lowercased() == word {
                parts.append(current)
                current = ""
                continue
            }
            current += current.isEmpty ? String(token) : " " + token
            if quotes % 2 == 1 { quoted.toggle() }
        }
        parts.append(current)
        return parts
    }
}
