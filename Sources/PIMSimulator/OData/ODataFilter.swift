import Foundation

/// The `$filter` subset the PIM, policy and audit endpoints accept: comparisons (`eq`, `ne`, `ge`,
/// `le`, `gt`, `lt`) of a property path with a literal, membership (`path in ('a','b')`),
/// `startswith(path,'text')`, joined by `and`/`or` with parentheses. `and` binds tighter than `or`, as in OData.
indirect enum ODataFilter: Equatable, Sendable {
    case compare(path: [String], op: String, literal: Literal)
    case startsWith(path: [String], prefix: String)
    /// `path in (l1, l2, …)`: equal to one of the literals.
    case isIn(path: [String], literals: [Literal])
    case and(ODataFilter, ODataFilter)
    case or(ODataFilter, ODataFilter)
    case not(ODataFilter)

    enum Literal: Equatable, Sendable {
        case string(String)
        case null
        case bool(Bool)
        case number(Double)
        case date(Date)
        /// An unquoted word such as an enum value; compared like a string.
        case bare(String)
    }

    /// Every property path the filter names (to check them against the entity's properties).
    var paths: [[String]] {
        switch self {
        case let .compare(path, _, _), let .startsWith(path, _), let .isIn(path, _): return [path]
        case let .and(a, b), let .or(a, b): return a.paths + b.paths
        case let .not(a): return a.paths
        }
    }

    /// Property paths compared with `eq` on every branch that must hold (used for "filter on X is required").
    var requiredEqualities: [String: String] {
        switch self {
        case let .compare(path, "eq", literal):
            switch literal {
            case let .string(s), let .bare(s): return [path.joined(separator: "/").lowercased(): s]
            default: return [:]
            }
        case let .and(a, b): return a.requiredEqualities.merging(b.requiredEqualities) { x, _ in x }
        default: return [:]
        }
    }

    /// The values a property must take on every branch that must hold: `path eq 'x'` gives one,
    /// `path in ('x','y')` several; nil when the filter does not pin the property.
    func requiredValues(of property: String) -> [String]? {
        switch self {
        case let .compare(path, "eq", .string(s)), let .compare(path, "eq", .bare(s)):
            return path.joined(separator: "/").caseInsensitiveCompare(property) == .orderedSame ? [s] : nil
        case let .isIn(path, literals):
            guard path.joined(separator: "/").caseInsensitiveCompare(property) == .orderedSame else { return nil }
            return literals.compactMap {
                switch $0 {
                case let .string(s), let .bare(s): s
                default: nil
                }
            }
        case let .and(a, b): return a.requiredValues(of: property) ?? b.requiredValues(of: property)
        default: return nil
        }
    }
}

struct ODataFilterError: Error, Equatable {
    var message: String
}

extension ODataFilter {
    static func parse(_ text: String) throws(ODataFilterError) -> ODataFilter {
        var parser = FilterParser(tokens: try FilterLexer.tokens(text))
        let filter = try parser.parseOr()
        guard parser.atEnd else {
            throw ODataFilterError(message: "Syntax error at position \(parser.position) in '\(text)'.")
        }
        return filter
    }
}

enum FilterToken: Equatable {
    case word(String)
    case string(String)
    case open, close, comma
}

enum FilterLexer {
    static func tokens(_ text: String) throws(ODataFilterError) -> [FilterToken] {
        var result: [FilterToken] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" { i += 1; continue }
            if c == "(" { result.append(.open); i += 1; continue }
            if c == ")" { result.append(.close); i += 1; continue }
            if c == "," { result.append(.comma); i += 1; continue }
            if c == "'" {
                var value = ""
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "'" {
                        if i + 1 < chars.count, chars[i + 1] == "'" { value.append("'"); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    value.append(chars[i])
                    i += 1
                }
                guard closed else { throw ODataFilterError(message: "Unterminated string literal in '\(text)'.") }
                result.append(.string(value))
                continue
            }
            var word = ""
            while i < chars.count, !" \t(),'".contains(chars[i]) {
                word.append(chars[i])
                i += 1
            }
            result.append(.word(word))
        }
        return result
    }
}

struct FilterParser {
    var tokens: [FilterToken]
    var position = 0

    var atEnd: Bool { position >= tokens.count }

    func peekWord() -> String? {
        guard position < tokens.count, case let .word(w) = tokens[position] else { return nil }
        return w.lowercased()
    }

    mutating func parseOr() throws(ODataFilterError) -> ODataFilter {
        var left = try parseAnd()
        while peekWord() == "or" {
            position += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    mutating func parseAnd() throws(ODataFilterError) -> ODataFilter {
        var left = try parseUnary()
        while peekWord() == "and" {
            position += 1
            left = .and(left, try parseUnary())
        }
        return left
    }

    mutating func parseUnary() throws(ODataFilterError) -> ODataFilter {
        if peekWord() == "not" {
            position += 1
            return .not(try parseUnary())
        }
        guard position < tokens.count else { throw ODataFilterError(message: "The filter ends too early.") }
        if tokens[position] == .open {
            position += 1
            let inner = try parseOr()
            try expect(.close)
            return inner
        }
        guard case let .word(word) = tokens[position] else {
            throw ODataFilterError(message: "Expected a property name at position \(position).")
        }
        position += 1
        if word.lowercased() == "startswith" {
            try expect(.open)
            guard position < tokens.count, case let .word(path) = tokens[position] else {
                throw ODataFilterError(message: "startswith needs a property name.")
            }
            position += 1
            try expect(.comma)
            guard position < tokens.count, case let .string(prefix) = tokens[position] else {
                throw ODataFilterError(message: "startswith needs a quoted text.")
            }
            position += 1
            try expect(.close)
            return .startsWith(path: path.split(separator: "/").map(String.init), prefix: prefix)
        }
        guard let op = peekWord(), ["eq", "ne", "ge", "le", "gt", "lt", "in"].contains(op) else {
            throw ODataFilterError(message: "Expected an operator (eq, ne, ge, le, gt, lt, in) after '\(word)'.")
        }
        position += 1
        let path = word.split(separator: "/").map(String.init)
        if op == "in" {
            try expect(.open)
            var literals = [try parseLiteral(after: op)]
            while position < tokens.count, tokens[position] == .comma {
                position += 1
                literals.append(try parseLiteral(after: op))
            }
            try expect(.close)
            return .isIn(path: path, literals: literals)
        }
        return .compare(path: path, op: op, literal: try parseLiteral(after: op))
    }

    mutating func parseLiteral(after op: String) throws(ODataFilterError) -> ODataFilter.Literal {
        guard position < tokens.count else { throw ODataFilterError(message: "Expected a value after '\(op)'.") }
        let literal: ODataFilter.Literal
        switch tokens[position] {
        case let .string(s): literal = .string(s)
        case let .word(w):
            switch w.lowercased() {
            case "null": literal = .null
            case "true": literal = .bool(true)
            case "false": literal = .bool(false)
            default:
                if let d = GraphDate.parse(w), w.contains("T") {
                    literal = .date(d)
                } else if let n = Double(w) {
                    literal = .number(n)
                } else {
                    literal = .bare(w)
                }
            }
        default: throw ODataFilterError(message: "Expected a value after '\(op)'.")
        }
        position += 1
        return literal
    }

    mutating func expect(_ token: FilterToken) throws(ODataFilterError) {
        guard position < tokens.count, tokens[position] == token else {
            throw ODataFilterError(message: "Syntax error at position \(position): expected \(token).")
        }
        position += 1
    }
}
