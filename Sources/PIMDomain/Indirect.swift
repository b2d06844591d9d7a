/// An optional value kept behind a pointer: present, it is one `Compact` allocation; absent, it
/// costs eight bytes and no allocation. For fields that most values leave empty but that are
/// large when set (a row's active assignment or pending request).
@propertyWrapper
public struct Indirect<Value: Hashable & Sendable>: Hashable, Sendable {
    @usableFromInline var storage: Compact<Value>?

    @inlinable public init(wrappedValue: Value?) { storage = wrappedValue.map(Compact.init) }

    @inlinable public var wrappedValue: Value? {
        get { storage?.fields }
        set { storage = newValue.map(Compact.init) }
    }

    /// Whether a value is present, without copying it out.
    var isPresent: Bool { storage != nil }
}

/// Encoded as the value itself (or nothing), so a field kept behind a pointer reads and writes like a
/// plain optional one.
extension Indirect: Codable where Value: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(wrappedValue: container.decodeNil() ? nil : try container.decode(Value.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// A missing key is an absent value, as for a plain optional.
    public func decode<Value: Codable & Hashable & Sendable>(
        _ type: Indirect<Value>.Type, forKey key: Key
    ) throws -> Indirect<Value> {
        Indirect(wrappedValue: try decodeIfPresent(Value.self, forKey: key))
    }
}
