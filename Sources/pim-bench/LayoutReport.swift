import PIMApp
import PIMDomain
import PIMGraph

/// `pim-bench --layout`: the inline size (stride) of the values a 10,000-row state holds, the
/// starting point of the memory figures (what a row costs before its strings).
enum LayoutReport {
    static func run() {
        let rows: [(String, Int)] =
            [
                ("RoleEntry", MemoryLayout<RoleEntry>.stride),
                ("ElevationTarget", MemoryLayout<ElevationTarget>.stride),
                ("TargetID", MemoryLayout<TargetID>.stride),
                ("Eligibility", MemoryLayout<Eligibility>.stride),
                ("ActiveAssignment", MemoryLayout<ActiveAssignment>.stride),
                ("ElevationRequest", MemoryLayout<ElevationRequest>.stride),
                ("ActivationPolicy", MemoryLayout<ActivationPolicy>.stride),
                ("AuditEvent", MemoryLayout<AuditEvent>.stride),
                ("Principal", MemoryLayout<Principal>.stride),
                ("HistoryRow", MemoryLayout<HistoryRow>.stride),
            ] + DTOLayout.strides.map { ($0.name, $0.bytes) }
        print("| type | stride (bytes) |")
        print("|---|---|")
        for (name, bytes) in rows { print("| \(name) | \(bytes) |") }
    }
}
