/// Sizes of the decoded Graph records, for the benchmark's memory figures (`pim-bench --layout`):
/// a list of 10,000 items holds this many bytes per item inline, before any of its strings.
public enum DTOLayout {
    public static var strides: [(name: String, bytes: Int)] {
        [
            ("RoleInstanceDTO", MemoryLayout<RoleInstanceDTO>.stride),
            ("GroupInstanceDTO", MemoryLayout<GroupInstanceDTO>.stride),
            ("ScheduleRequestDTO", MemoryLayout<ScheduleRequestDTO>.stride),
            ("DirectoryAuditDTO", MemoryLayout<DirectoryAuditDTO>.stride),
            ("PolicyAssignmentDTO", MemoryLayout<PolicyAssignmentDTO>.stride),
        ]
    }
}
