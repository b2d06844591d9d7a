import Foundation

extension ODataFilter {
    /// Whether `item` (an entity as the service prints it) passes the filter.
    func matches(_ item: SimJSON) -> Bool {
        switch self {
        case let .and(a, b): return a.matches(item) && b.matches(item)
        case let .or(a, b): return a.matches(item) || b.matches(item)
        case let .not(a): return !a.matches(item)
        case let .startsWith(path, prefix):
            guard let s = Self.resolve(path, in: item)?.stringValue else { return false }
            return s.lowercased().hasPrefix(prefix.lowercased())
        case let .isIn(path, literals):
            let value = Self.resolve(path, in: item) ?? .null
            return literals.contains { Self.compare(value, $0) == .orderedSame }
        case let .compare(path, op, literal):
            let value = Self.resolve(path, in: item) ?? .null
            guard let order = Self.compare(value, literal) else { return op == "ne" }
            switch op {
            case "eq": return order == .orderedSame
            case "ne": return order != .orderedSame
            case "ge": return order != .orderedAscending
            case "le": return order != .orderedDescending
            case "gt": return order == .orderedDescending
            case "lt": return order == .orderedAscending
            default: return false
            }
        }
    }

    /// Follows `a/b/c` through nested objects; names compare without case, as Graph binds them.
    static func resolve(_ path: [String], in item: SimJSON) -> SimJSON? {
        var current: SimJSON? = item
        for name in path {
            current = current?.member(ignoringCase: name)
        }
        return current
    }

    /// Orders a property value against a literal; nil when they cannot be compared (type mismatch).
    static func compare(_ value: SimJSON, _ literal: Literal) -> ComparisonResult? {
        switch (value, literal) {
        case (.null, .null): return .orderedSame
        case (_, .null), (.null, _): return nil
        case let (.bool(a), .bool(b)): return a == b ? .orderedSame : (a ? .orderedDescending : .orderedAscending)
        case let (.number(a), .number(b)):
            return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
        case let (.string(s), .date(d)):
            guard let v = GraphDate.parse(s) else { return nil }
            return dateOrder(v, d)
        case let (.string(s), .string(t)), let (.string(s), .bare(t)):
            if looksLikeDate(s), looksLikeDate(t), let a = GraphDate.parse(s), let b = GraphDate.parse(t) {
                return dateOrder(a, b)
            }
            return UTCFields.caseInsensitiveOrder(s, t) ?? s.caseInsensitiveCompare(t)
        default: return nil
        }
    }

    /// `2026-01-06T…`: cheap test before the (costly) date parse.
    static func looksLikeDate(_ s: String) -> Bool {
        let u = Array(s.utf8.prefix(11))
        guard u.count == 11 else { return false }
        let digit = { (b: UInt8) in b >= 48 && b <= 57 }
        return digit(u[0]) && digit(u[1]) && digit(u[2]) && digit(u[3]) && u[4] == 45 && u[7] == 45
            && (u[10] == 84 || u[10] == 116)
    }

    private static func dateOrder(_ a: Date, _ b: Date) -> ComparisonResult {
        abs(a.timeIntervalSince(b)) < 0.0005 ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
    }
}
