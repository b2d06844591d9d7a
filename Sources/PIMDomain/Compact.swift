/// A value kept once on the heap and referenced wherever it is copied, with value semantics.
///
/// Rows of a 10,000-row table copy the same target, eligibility, policy and event into many
/// places (the dashboard, the service's caches, the rows, the activation form). Behind `Compact`,
/// each copy is one pointer and all of them use one allocation. A change edits the allocation in
/// place only while no other copy refers to it, and copies it first otherwise, so no copy ever
/// sees another's edit. Equality and hashing are those of the value; copies that share the
/// allocation are equal without comparing it.
public struct Compact<Fields: Hashable & Sendable>: Hashable, Sendable {
    /// Unchecked because `fields` is mutable, but it is written only through `Compact.fields`'s
    /// setter after `isKnownUniquelyReferenced`: a box another copy (or thread) can see is never written.
    @usableFromInline final class Box: @unchecked Sendable {
        @usableFromInline var fields: Fields

        @inlinable init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var box: Box

    @inlinable public init(_ fields: Fields) { box = Box(fields) }

    @inlinable public var fields: Fields {
        get { box.fields }
        set {
            if isKnownUniquelyReferenced(&box) {
                box.fields = newValue
            } else {
                box = Box(newValue)
            }
        }
    }

    /// Whether two copies share one allocation (what a 10,000-row table relies on; tests check it).
    func sharesStorage(with other: Self) -> Bool { box === other.box }

    @inlinable public static func == (a: Self, b: Self) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    @inlinable public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }
}

/// Encoded as the fields themselves, so JSON written before the fields were boxed reads the same.
extension Compact: Codable where Fields: Codable {
    public init(from decoder: any Decoder) throws { self.init(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
}
