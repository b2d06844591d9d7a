import Foundation
import PIMDomain

/// `directoryAudit` (C1).
struct DirectoryAuditDTO: Decodable {
    struct Initiator: Decodable {
        var user: PrincipalDTO?
        var app: App?
        struct App: Decodable { var appId: String?; var displayName: String? }
    }
    struct Resource: Decodable { var id: String?; var displayName: String?; var type: String? }
    struct Detail: Decodable { var key: String?; var value: String? }

    var id: String
    var category: String?
    var result: String?
    var resultReason: String?
    var activityDisplayName: String?
    var activityDateTime: Date?
    var initiatedBy: Initiator?
    var targetResources: [Resource]?
    var additionalDetails: [Detail]?

    enum CodingKeys: String, CodingKey {
        case id, category, result, resultReason, activityDisplayName, activityDateTime
        case initiatedBy, targetResources, additionalDetails
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        category = c.lenient(String.self, forKey: .category)
        result = c.lenient(String.self, forKey: .result)
        resultReason = c.lenient(String.self, forKey: .resultReason)
        activityDisplayName = c.lenient(String.self, forKey: .activityDisplayName)
        activityDateTime = c.lenient(Date.self, forKey: .activityDateTime)
        initiatedBy = c.lenient(Initiator.self, forKey: .initiatedBy)
        targetResources = c.lenient([Resource].self, forKey: .targetResources)
        additionalDetails = c.lenient([Detail].self, forKey: .additionalDetails)
    }

    var event: AuditEvent {
        // PIM names the role or group first among the targets; users come after.
        let target = targetResources?.first { ($0.type ?? "").lowercased() != "user" } ?? targetResources?.first
        let initiator: Principal? = initiatedBy?.user.flatMap { $0.id == nil ? nil : $0.principal(fallbackId: "") }
            ?? initiatedBy?.app.flatMap { app in app.appId.map { Principal(id: $0, displayName: app.displayName) } }
        let requestId = additionalDetails?.first { $0.key?.caseInsensitiveCompare("RoleAssignmentRequestId") == .orderedSame }?.value
        return AuditEvent(id: id, date: activityDateTime ?? Date(timeIntervalSince1970: 0),
                          activity: activityDisplayName ?? "", result: result ?? "", resultReason: resultReason,
                          category: category, initiatedBy: initiator, targetName: target?.displayName,
                          targetId: target?.id, requestId: requestId)
    }
}

extension ElevationRequest {
    /// My own request as an audit event ("my history" without audit permissions).
    var auditEvent: AuditEvent {
        AuditEvent(id: id, date: createdAt ?? completedAt ?? Date(timeIntervalSince1970: 0),
                   activity: "\(action.verb) \(target.kind.label) (\(status.graphValue))",
                   result: wasRefused ? "failure" : "success",
                   resultReason: justification, category: target.kind == .directoryRole ? "RoleManagement" : "GroupManagement",
                   initiatedBy: principal, targetName: target.displayName, targetId: target.id.resourceId,
                   requestId: id)
    }
}
