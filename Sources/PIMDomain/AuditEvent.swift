import Foundation

/// One PIM audit record (`directoryAudit`, `loggedByService eq 'PIM'`).
public struct AuditEvent: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var date: Date
    /// `activityDisplayName`, e.g. "Add member to role completed (PIM activation)".
    public var activity: String
    /// `success`, `failure`, `timeout`…
    public var result: String
    /// `resultReason`: for PIM this is often the justification.
    public var resultReason: String?
    public var category: String?
    public var initiatedBy: Principal?
    public var targetName: String?
    public var targetId: String?
    /// The request this event belongs to (`additionalDetails.RoleAssignmentRequestId`).
    public var requestId: String?

    public init(id: String, date: Date, activity: String, result: String, resultReason: String? = nil,
                category: String? = nil, initiatedBy: Principal? = nil, targetName: String? = nil,
                targetId: String? = nil, requestId: String? = nil) {
        self.id = id
        self.date = date
        self.activity = activity
        self.result = result
        self.resultReason = resultReason
        self.category = category
        self.initiatedBy = initiatedBy
        self.targetName = targetName
        self.targetId = targetId
        self.requestId = requestId
    }
}
