import Foundation

/// One PIM audit record (a `directoryAudit` on the wire).
struct TenantAuditRecord: Codable, Sendable, Equatable {
    var id: String
    var category: String
    var correlationId: String
    var result: String
    var resultReason: String
    var activity: String
    var date: Date
    var operationType: String
    /// The acting user (nil for the PIM service itself, e.g. expiry).
    var initiatorId: String?
    var initiatorName: String
    var initiatorUPN: String?
    var targetId: String
    var targetName: String
    /// `Role` or `Group`.
    var targetType: String
    var subjectId: String?
    var subjectName: String?
    var requestId: String?
    var auditType: String
}
