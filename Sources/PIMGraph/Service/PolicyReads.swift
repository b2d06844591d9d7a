import PIMDomain

/// The policy reads a set of targets needs, one per distinct policy. A directory role has one
/// policy whatever the scope it is eligible at (`Endpoints.policy(for:)` asks with `scopeId eq '/'`),
/// so 10,000 eligibilities of 30 roles scoped to administrative units need 30 reads, not 10,000.
struct PolicyReads {
    /// One per read, in the order they were added (their index names the batch item).
    private(set) var keys: [TargetID] = []
    /// The targets each read answers for.
    private(set) var targets: [TargetID: [TargetID]] = [:]

    /// The target whose policy read answers for `target`.
    static func key(_ target: TargetID) -> TargetID {
        target.kind == .directoryRole ? .role(target.resourceId) : target
    }

    /// Adds targets; a target whose policy is already being read joins that read.
    mutating func add(_ list: [TargetID]) {
        for target in list {
            let key = Self.key(target)
            if targets[key] == nil { keys.append(key) }
            targets[key, default: []].append(target)
        }
    }

    /// Batch items for the reads from `start` on, with ids `policy<n>`.
    func items(from start: Int, id: (Int) -> String) -> [BatchItem] {
        keys[start...].enumerated().map { .init(id: id(start + $0.offset), request: Endpoints.policy(for: $0.element)) }
    }
}
