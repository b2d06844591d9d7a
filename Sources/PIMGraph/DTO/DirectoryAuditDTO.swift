import Foundation
import PIMDomain

/// `directoryAudit` (C1), read straight into the `AuditEvent` it becomes.
///
/// The tenant's audit log runs to tens of thousands of records, each with arrays of target
/// resources and additional details of which the event keeps two or three strings. Those arrays
/// are read and dropped while decoding, so a page of records never holds them, and the strings
/// that repeat (activities, reasons, people, role names) come from `StringPool`.
struct DirectoryAuditDTO: Decodable {
    struct Initiator: Decodable {
        var user: PrincipalDTO?
        var app: App?
        struct App: Decodable {
            var appId: String?
            var displayName: String?

            enum CodingKeys: String, CodingKey { case appId, displayName }

            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                appId = try c.pooled(.appId)
                displayName = try c.pooled(.displayName)
            }
        }
    }
    struct Resource: Decodable {
        var id: String?
        var displayName: String?
        var type: String?

        enum CodingKeys: String, CodingKey { case id, displayName, type }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.pooled(.id)
            displayName = try c.pooled(.displayName)
            type = try c.decodeIfPresent(String.self, forKey: .type)
        }
    }
    struct Detail: Decodable {
        var key: String?
        var value: String?

        enum CodingKeys: String, CodingKey { case key, value }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = c.lenient(String.self, forKey: .key)
            value = c.lenient(String.self, forKey: .value)
        }
    }

    let event: AuditEvent

    enum CodingKeys: String, CodingKey {
        case id, category, result, resultReason, activityDisplayName, activityDateTime
        case initiatedBy, targetResources, additionalDetails
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(String.self, forKey: .id)
        let initiatedBy = c.lenient(Initiator.self, forKey: .initiatedBy)
        let targetResources = c.lenient([Resource].self, forKey: .targetResources)
        let additionalDetails = c.lenient([Detail].self, forKey: .additionalDetails)
        // PIM names the role or group first among the targets; users come after.
        let target = targetResources?.first { ($0.type ?? "").lowercased() != "user" } ?? targetResources?.first
        let initiator: Principal? =
            initiatedBy?.user.flatMap { $0.id == nil ? nil : $0.principal(fallbackId: "") }
            ?? initiatedBy?.app.flatMap { app in app.appId.map { Principal(id: $0, displayName: app.displayName) } }
        let requestId = additionalDetails?.first {
            $0.key?.caseInsensitiveCompare("RoleAssignmentRequestId") == .orderedSame
        }?.value
        event = AuditEvent(
            id: id, date: c.lenient(Date.self, forKey: .activityDateTime) ?? Date(timeIntervalSince1970: 0),
            activity: c.shared(.activityDisplayName) ?? "", result: c.shared(.result) ?? "",
            resultReason: c.shared(.resultReason), category: c.shared(.category), initiatedBy: initiator,
            targetName: target?.displayName, targetId: target?.id, requestId: requestId)
    }
}

extension ElevationRequest {
    /// My own request as an audit event ("my history" without audit permissions).
    var auditEvent: AuditEvent {
        AuditEvent(
            id: id, date: createdAt ?? completedAt ?? Date(timeIntervalSince1970: 0),
            activity: "\(action.verb) \(target.kind.label) (\(status.graphValue))",
            result: wasRefused ? "failure" : "success",
            resultReason: justification, category: Self.auditCategory(target.kind.family),
            initiatedBy: principal, targetName: target.displayName, targetId: target.id.resourceId,
            requestId: id, review: review)
    }

    /// The audit log's category for a family: Entra files PIM for Azure resources under ResourceManagement.
    static func auditCategory(_ family: TargetFamily) -> String {
        switch family {
        case .directoryRole: "RoleManagement"
        case .group: "GroupManagement"
        case .azure: "ResourceManagement"
        }
    }
}
