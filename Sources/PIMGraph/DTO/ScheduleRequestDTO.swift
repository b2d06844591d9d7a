import Foundation
import PIMDomain

/// `unifiedRoleAssignmentScheduleRequest` (A5, A7, A8) and `privilegedAccessGroupAssignmentScheduleRequest`
/// (B3, B5): one shape, told apart by `roleDefinitionId` / `groupId`.
struct ScheduleRequestDTO: Decodable {
    struct Schedule: Decodable {
        struct Expiration: Decodable {
            var type: String?
            var endDateTime: Date?
            var duration: String?

            enum CodingKeys: String, CodingKey { case type, endDateTime, duration }
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                type = c.lenient(String.self, forKey: .type)
                endDateTime = c.lenient(Date.self, forKey: .endDateTime)
                duration = c.lenient(String.self, forKey: .duration)
            }
        }
        var startDateTime: Date?
        var expiration: Expiration?

        enum CodingKeys: String, CodingKey { case startDateTime, expiration }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            startDateTime = c.lenient(Date.self, forKey: .startDateTime)
            expiration = c.lenient(Expiration.self, forKey: .expiration)
        }
    }

    struct Ticket: Decodable {
        var ticketNumber: String?
        var ticketSystem: String?

        enum CodingKeys: String, CodingKey { case ticketNumber, ticketSystem }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            ticketNumber = c.lenient(String.self, forKey: .ticketNumber)
            ticketSystem = c.lenient(String.self, forKey: .ticketSystem)
        }
    }

    struct CreatedBy: Decodable {
        var user: PrincipalDTO?
    }

    var id: String
    var status: String
    var action: String?
    var principalId: String?
    var roleDefinitionId: String?
    var directoryScopeId: String?
    var groupId: String?
    var accessId: String?
    var createdDateTime: Date?
    var completedDateTime: Date?
    var approvalId: String?
    var isValidationOnly: Bool?
    var justification: String?
    var scheduleInfo: Schedule?
    var ticketInfo: Ticket?
    var createdBy: CreatedBy?
    var roleDefinition: RoleDefinitionDTO?
    var group: GroupDTO?
    var principal: PrincipalDTO?

    enum CodingKeys: String, CodingKey {
        case id, status, action, principalId, roleDefinitionId, directoryScopeId, groupId, accessId
        case createdDateTime, completedDateTime, approvalId, isValidationOnly, justification
        case scheduleInfo, ticketInfo, createdBy, roleDefinition, group, principal
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        status = c.lenient(String.self, forKey: .status) ?? "Unknown"
        action = c.lenient(String.self, forKey: .action)
        principalId = c.lenient(String.self, forKey: .principalId)
        roleDefinitionId = c.lenient(String.self, forKey: .roleDefinitionId)
        directoryScopeId = c.lenient(String.self, forKey: .directoryScopeId)
        groupId = c.lenient(String.self, forKey: .groupId)
        accessId = c.lenient(String.self, forKey: .accessId)
        createdDateTime = c.lenient(Date.self, forKey: .createdDateTime)
        completedDateTime = c.lenient(Date.self, forKey: .completedDateTime)
        approvalId = c.lenient(String.self, forKey: .approvalId)
        isValidationOnly = c.lenient(Bool.self, forKey: .isValidationOnly)
        justification = c.lenient(String.self, forKey: .justification)
        scheduleInfo = c.lenient(Schedule.self, forKey: .scheduleInfo)
        ticketInfo = c.lenient(Ticket.self, forKey: .ticketInfo)
        createdBy = c.lenient(CreatedBy.self, forKey: .createdBy)
        roleDefinition = c.lenient(RoleDefinitionDTO.self, forKey: .roleDefinition)
        group = c.lenient(GroupDTO.self, forKey: .group)
        principal = c.lenient(PrincipalDTO.self, forKey: .principal)
    }

    var target: ElevationTarget {
        if let groupId, roleDefinitionId == nil {
            return ElevationTarget(
                id: .group(groupId, owner: accessId?.lowercased() == "owner"),
                displayName: group?.displayName ?? groupId, description: group?.description)
        }
        let roleId = roleDefinitionId ?? ""
        return ElevationTarget(
            id: .role(roleId, scope: directoryScopeId ?? "/"),
            displayName: roleDefinition?.displayName ?? roleId,
            description: roleDefinition?.description, templateId: roleDefinition?.templateId)
    }

    /// The domain request; `names` fills display names the response did not expand.
    func request(names: TargetNames = TargetNames()) -> ElevationRequest {
        var target = self.target
        if let known = names[target.id], target.displayName == target.id.resourceId {
            target = known
        }
        let pid = principalId ?? principal?.id ?? createdBy?.user?.id ?? ""
        let who = Principal(
            id: pid,
            displayName: principal?.displayName ?? (createdBy?.user?.id == pid ? createdBy?.user?.displayName : nil),
            userPrincipalName: principal?.userPrincipalName)
        let ticket = ticketInfo.flatMap { t -> TicketInfo? in
            let info = TicketInfo(number: t.ticketNumber, system: t.ticketSystem)
            return info.isEmpty ? nil : info
        }
        let duration = scheduleInfo?.expiration?.duration.flatMap { try? ActivationDuration(parsing: $0) }
        return ElevationRequest(
            id: id, target: target, action: RequestAction(graphValue: action ?? ""),
            status: RequestStatus(graphValue: status), principal: who,
            createdAt: createdDateTime, completedAt: completedDateTime,
            justification: justification, ticket: ticket,
            start: scheduleInfo?.startDateTime, duration: duration,
            end: scheduleInfo?.expiration?.endDateTime, approvalId: approvalId,
            isValidationOnly: isValidationOnly ?? false)
    }
}
