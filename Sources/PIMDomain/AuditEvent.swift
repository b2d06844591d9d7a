import Foundation

/// One PIM audit record (`directoryAudit`, `loggedByService eq 'PIM'`).
///
/// A tenant's audit log runs to tens of thousands: each event's fields live once behind `Compact`,
/// so the lists it passes through (pages, sorting, the dashboard) copy pointers, not records.
public struct AuditEvent: CompactRecord, Codable, Identifiable {
    public struct Fields: Hashable, Sendable, Codable {
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
        /// The request id, packed (a GUID in 16 bytes instead of a heap string).
        var packedRequestID: CompactID?
        /// Who decided the request and why, when the event is a decided request of mine. Rarely set:
        /// behind a pointer, so an empty one costs eight bytes.
        @Indirect public var review: Review?

        /// The request this event belongs to (`additionalDetails.RoleAssignmentRequestId`).
        public var requestId: String? {
            get { packedRequestID?.text }
            set { packedRequestID = newValue.map(CompactID.init) }
        }

        enum CodingKeys: String, CodingKey {
            case id, date, activity, result, resultReason, category, initiatedBy, targetName, targetId
            case packedRequestID = "requestId"
            case review
        }

        init(
            id: String, date: Date, activity: String, result: String, resultReason: String?, category: String?,
            initiatedBy: Principal?, targetName: String?, targetId: String?, requestId: String?, review: Review?
        ) {
            self.id = id
            self.date = date
            self.activity = activity
            self.result = result
            self.resultReason = resultReason
            self.category = category
            self.initiatedBy = initiatedBy
            self.targetName = targetName
            self.targetId = targetId
            packedRequestID = requestId.map(CompactID.init)
            self.review = review
        }
    }

    public var storage: Compact<Fields>

    public init(storage: Compact<Fields>) { self.storage = storage }

    public init(
        id: String, date: Date, activity: String, result: String, resultReason: String? = nil,
        category: String? = nil, initiatedBy: Principal? = nil, targetName: String? = nil,
        targetId: String? = nil, requestId: String? = nil, review: Review? = nil
    ) {
        storage = Compact(
            Fields(
                id: id, date: date, activity: activity, result: result, resultReason: resultReason,
                category: category, initiatedBy: initiatedBy, targetName: targetName,
                targetId: targetId, requestId: requestId, review: review))
    }

    /// Declared for `Identifiable`, which a dynamic member cannot satisfy.
    public var id: String {
        get { storage.fields.id }
        set { storage.fields.id = newValue }
    }
}
