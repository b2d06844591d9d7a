/// A Graph enumeration as the client keeps it: the documented members, and `other` for a value the
/// service adds later (Graph's evolvable enumerations). Read without regard to case, because the
/// service's own answers and examples mix spellings (`SelfActivate`, `PendingApproval`); written,
/// printed and encoded in the documented spelling.
public protocol GraphEnumeration: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Every documented member (not `other`), in the documentation's order.
    static var documented: [Self] { get }
    /// The member's documented spelling.
    var graphValue: String { get }
    /// A value the documentation does not name, kept as it was written.
    static func other(_ value: String) -> Self
}

extension GraphEnumeration {
    public init(graphValue: String) {
        self =
            Self.documented.first { $0.graphValue.caseInsensitiveCompare(graphValue) == .orderedSame }
            ?? .other(graphValue)
    }

    public var description: String { graphValue }

    public init(from decoder: any Decoder) throws {
        self.init(graphValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(graphValue)
    }
}
