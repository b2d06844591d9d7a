import PIMDomain

/// The policy reads a set of targets needs, one per distinct policy. A directory role has one
/// policy whatever the scope it is eligible at (`Endpoints.policy(for:)` asks with `scopeId eq '/'`),
/// so 10,000 eligibilities of 30 roles scoped to administrative units need 30 reads, not 10,000.
struct PolicyReads {
    /// One per read, in the order they were added (their index names the batch item).
    private(set) var keys: [TargetID] = []
    /// The keys already read (the cache stores each policy under its key, so the targets behind a
    /// read need not be kept).
    private var seen: Set<TargetID> = []

    /// The target whose policy read answers for `target`.
    static func key(_ target: TargetID) -> TargetID {
        target.kind == .directoryRole ? .role(target.resourceId) : target
    }

    /// Adds targets; a target whose policy is already being read joins that read. Azure targets are
    /// left out: their policies are ARM's to read.
    mutating func add(_ list: [TargetID]) {
        for target in list where !target.kind.family.isAzureResourceManager {
            let key = Self.key(target)
            if seen.insert(key).inserted { keys.append(key) }
        }
    }

    /// Batch items for the reads from `start` on, with ids `policy<n>`.
    func items(from start: Int, id: (Int) -> String) -> [BatchItem] {
        keys[start...].enumerated().compactMap { read in
            (try? Endpoints.policy(for: read.element)).map { .init(id: id(start + read.offset), request: $0) }
        }
    }
}
