import PIMDomain

/// The targets the service has seen (in eligibilities and assignments), found by id: the names it
/// fills in for requests and elevations whose listing did not expand them, and the targets whose
/// policies a load asks for.
///
/// One pointer per target. A dictionary from `TargetID` to the target kept each id twice (once as
/// the key, 40 bytes, once inside the target it points at): at 50,000 administrative-unit scoped
/// eligibilities its table was 6.3 MB that lived as long as the process; this one is 1 MB.
struct TargetNames: Sendable, ExpressibleByDictionaryLiteral {
    /// A target that hashes and compares by its id only.
    struct Entry: Hashable, Sendable {
        let target: ElevationTarget

        static func == (a: Entry, b: Entry) -> Bool { a.target.id == b.target.id }
        func hash(into hasher: inout Hasher) { hasher.combine(target.id) }
    }

    private var entries: Set<Entry> = []

    init() {}

    /// `[id: target]`, as the one target a write's answer is named from; each target is kept under its own id.
    init(dictionaryLiteral elements: (TargetID, ElevationTarget)...) {
        for (_, target) in elements { remember(target) }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// The ids of the targets known.
    var keys: LazyMapSequence<Set<Entry>, TargetID> { entries.lazy.map { $0.target.id } }

    /// The targets known.
    var values: LazyMapSequence<Set<Entry>, ElevationTarget> { entries.lazy.map { $0.target } }

    /// The target with this id, when it has been seen.
    subscript(_ id: TargetID) -> ElevationTarget? {
        let probe = Entry(target: ElevationTarget(id: id, displayName: ""))
        return entries.firstIndex(of: probe).map { entries[$0].target }
    }

    /// Keeps `target`, in place of what was known under its id.
    mutating func remember(_ target: ElevationTarget) {
        entries.update(with: Entry(target: target))
    }
}
