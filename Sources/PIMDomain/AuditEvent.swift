import Foundation

/// One PIM audit record (`directoryAudit`, `loggedByService eq 'PIM'`).
///
/// A tenant's audit log runs to tens of thousands: each event's fields live once behind `Shared`,
/// so the lists it passes through (pages, sorting, the dashboard) copy pointers, not records.
public struct AuditEvent: Hashable, Sendable, Codable, Identifiable {
    struct Fields: Hashable, Sendable, Codable {
        var id: String
        var date: Date
        var activity: String
        var result: String
        var resultReason: String?
        var category: String?
        var initiatedBy: Principal?
        var targetName: String?
        var targetId: String?
        var requestId: String?
    }

    private var fields: Shared<Fields>

    public var id: String {
        get { fields.value.id }
        set { change { $0.id = newValue } }
    }

    public var date: Date {
        get { fields.value.date }
        set { change { $0.date = newValue } }
    }

    /// `activityDisplayName`, e.g. "Add member to role completed (PIM activation)".
    public var activity: String {
        get { fields.value.activity }
        set { change { $0.activity = newValue } }
    }

    /// `success`, `failure`, `timeout`…
    public var result: String {
        get { fields.value.result }
        set { change { $0.result = newValue } }
    }

    /// `resultReason`: for PIM this is often the justification.
    public var resultReason: String? {
        get { fields.value.resultReason }
        set { change { $0.resultReason = newValue } }
    }

    public var category: String? {
        get { fields.value.category }
        set { change { $0.category = newValue } }
    }

    public var initiatedBy: Principal? {
        get { fields.value.initiatedBy }
        set { change { $0.initiatedBy = newValue } }
    }

    public var targetName: String? {
        get { fields.value.targetName }
        set { change { $0.targetName = newValue } }
    }

    public var targetId: String? {
        get { fields.value.targetId }
        set { change { $0.targetId = newValue } }
    }

    /// The request this event belongs to (`additionalDetails.RoleAssignmentRequestId`).
    public var requestId: String? {
        get { fields.value.requestId }
        set { change { $0.requestId = newValue } }
    }

    public init(id: String, date: Date, activity: String, result: String, resultReason: String? = nil,
                category: String? = nil, initiatedBy: Principal? = nil, targetName: String? = nil,
                targetId: String? = nil, requestId: String? = nil) {
        fields = Shared(Fields(id: id, date: date, activity: activity, result: result, resultReason: resultReason, category: category, initiatedBy: initiatedBy, targetName: targetName, targetId: targetId, requestId: requestId))
    }

    private mutating func change(_ edit: (inout Fields) -> Void) {
        var copy = fields.value
        edit(&copy)
        fields = Shared(copy)
    }

    public static func == (a: AuditEvent, b: AuditEvent) -> Bool {
        a.fields === b.fields || a.fields.value == b.fields.value
    }

    public func hash(into hasher: inout Hasher) { fields.value.hash(into: &hasher) }

    public init(from decoder: any Decoder) throws { fields = Shared(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try fields.value.encode(to: encoder) }
}
