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
