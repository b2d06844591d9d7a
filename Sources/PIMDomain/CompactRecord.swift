/// A domain value whose fields live in one `Compact` allocation and are read and written by name:
/// `target.displayName` is `storage.fields.displayName`, through dynamic member lookup, so a type
/// declares its `Fields` once and writes no accessor per field. `==`, hashing and (for `Codable`
/// types) the JSON are those of the fields.
///
/// `Identifiable` cannot be met by a dynamic member, so a conforming type that is identifiable
/// declares `id` itself. Member syntax (`target.displayName`) compiles to a plain field read; a key
/// path literal used as a function (`targets.map(\.displayName)`) is applied at run time, which is
/// fine for a handful of values but not for 10,000 rows: write a closure there.
@dynamicMemberLookup
public protocol CompactRecord: Hashable, Sendable {
    associatedtype Fields: Hashable & Sendable

    var storage: Compact<Fields> { get set }

    init(storage: Compact<Fields>)
}

extension CompactRecord {
    @inlinable public subscript<T>(dynamicMember keyPath: WritableKeyPath<Fields, T>) -> T {
        get { storage.fields[keyPath: keyPath] }
        set { storage.fields[keyPath: keyPath] = newValue }
    }

    @inlinable public static func == (a: Self, b: Self) -> Bool { a.storage == b.storage }

    @inlinable public func hash(into hasher: inout Hasher) { storage.hash(into: &hasher) }
}

extension CompactRecord where Self: Codable, Fields: Codable {
    public init(from decoder: any Decoder) throws { self.init(storage: try Compact(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try storage.encode(to: encoder) }
}
