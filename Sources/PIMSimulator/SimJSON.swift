import Foundation

/// A JSON value as the simulated tenant reads and writes it on the wire.
///
/// The tenant deliberately has its own JSON model instead of sharing the Graph client's Codable
/// types: a bug in a shared encoder would then pass both sides unnoticed. Objects keep their key
/// order so responses read like the service's (`@odata.context` first).
public enum SimJSON: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([SimJSON])
    case object([(String, SimJSON)])

    public static func == (lhs: SimJSON, rhs: SimJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            let right = Dictionary(b, uniquingKeysWith: { first, _ in first })
            return a.allSatisfy { key, value in right[key] == value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case let .bool(b): hasher.combine(b)
        case let .number(n): hasher.combine(n)
        case let .string(s): hasher.combine(s)
        case let .array(a): hasher.combine(a)
        case let .object(o): hasher.combine(o.count); for (k, _) in o { hasher.combine(k) }
        }
    }

    /// The member `key` of an object (first match), or nil.
    public subscript(key: String) -> SimJSON? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The member whose name matches `key` without regard to case (the service binds bodies that way).
    public func member(ignoringCase key: String) -> SimJSON? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
            ?? members.first { $0.0.caseInsensitiveCompare(key) == .orderedSame }?.1
    }

    public subscript(index: Int) -> SimJSON? {
        guard case let .array(items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var stringValue: String? { if case let .string(s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case let .bool(b) = self { return b } else { return nil } }
    public var doubleValue: Double? { if case let .number(n) = self { return n } else { return nil } }
    public var intValue: Int? {
        if case let .number(n) = self, n.rounded() == n, abs(n) < 9e15 { return Int(n) }
        return nil
    }
    public var arrayValue: [SimJSON]? { if case let .array(a) = self { return a } else { return nil } }
    public var objectMembers: [(String, SimJSON)]? { if case let .object(o) = self { return o } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Keys of an object in order.
    public var keys: [String] { objectMembers?.map(\.0) ?? [] }

    /// A copy of this object with `key` set (replacing an existing member in place).
    public func setting(_ key: String, _ value: SimJSON) -> SimJSON {
        guard case var .object(members) = self else { return self }
        if let index = members.firstIndex(where: { $0.0 == key }) {
            members[index].1 = value
        } else {
            members.append((key, value))
        }
        return .object(members)
    }

    /// A copy of this object without `key`.
    public func removing(_ key: String) -> SimJSON {
        guard case let .object(members) = self else { return self }
        return .object(members.filter { $0.0 != key })
    }
}

extension SimJSON {
    /// Convenience for optional strings: `nil` becomes JSON null.
    static func string(_ value: String?) -> SimJSON { value.map(SimJSON.string) ?? .null }
    static func int(_ value: Int) -> SimJSON { .number(Double(value)) }
    static func date(_ value: Date?) -> SimJSON { value.map { .string(GraphDate.format($0)) } ?? .null }
}

extension SimJSON: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: SimJSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, SimJSON)...) { self = .object(elements) }
}
