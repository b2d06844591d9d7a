import Foundation

/// One request the tenant received, for tests to assert the contract from the client's side.
public struct RecordedRequest: Hashable, Sendable {
    public var method: String
    /// Version and path, decoded: `/v1.0/roleManagement/directory/roleAssignmentScheduleRequests`.
    public var path: String
    /// Query options, decoded (`$filter` → `status eq 'PendingApproval'`).
    public var query: [String: String]
    /// The JSON body, if one was sent and parsed.
    public var body: SimJSON?
    public var status: Int
    /// The `id` of the `$batch` item this came from, nil for a plain request.
    public var batchItemId: String?

}
