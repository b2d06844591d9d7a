import Foundation
import PIMDomain

/// `unifiedRoleEligibilityScheduleInstance` and `unifiedRoleAssignmentScheduleInstance` (A1, A3, A4).
struct RoleInstanceDTO: Decodable {
    var id: String
    var principalId: String
    var roleDefinitionId: String
    var directoryScopeId: String?
    var startDateTime: Date?
    var endDateTime: Date?
    var memberType: String?
    var assignmentType: String?
    var roleDefinition: RoleDefinitionDTO?
    var principal: PrincipalDTO?

    enum CodingKeys: String, CodingKey {
        case id, principalId, roleDefinitionId, directoryScopeId, startDateTime, endDateTime
        case memberType, assignmentType, roleDefinition, principal
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        principalId = try c.decodeIfPresent(String.self, forKey: .principalId) ?? ""
        roleDefinitionId = try c.decode(String.self, forKey: .roleDefinitionId)
        directoryScopeId = c.lenient(String.self, forKey: .directoryScopeId)
        startDateTime = c.lenient(Date.self, forKey: .startDateTime)
        endDateTime = c.lenient(Date.self, forKey: .endDateTime)
        memberType = c.lenient(String.self, forKey: .memberType)
        assignmentType = c.lenient(String.self, forKey: .assignmentType)
        roleDefinition = c.lenient(RoleDefinitionDTO.self, forKey: .roleDefinition)
        principal = c.lenient(PrincipalDTO.self, forKey: .principal)
    }

    var target: ElevationTarget {
        ElevationTarget(id: .role(roleDefinitionId, scope: directoryScopeId ?? "/"),
                        displayName: roleDefinition?.displayName ?? roleDefinitionId,
                        description: roleDefinition?.description, templateId: roleDefinition?.templateId)
    }

    var eligibility: Eligibility {
        Eligibility(id: id, target: target, principalId: principalId, start: startDateTime, end: endDateTime,
                    memberType: MemberType(graphValue: memberType ?? "direct"))
    }

    var assignment: ActiveAssignment {
        ActiveAssignment(id: id, target: target, principal: principal?.principal(fallbackId: principalId) ?? Principal(id: principalId),
                         start: startDateTime, end: endDateTime,
                         assignmentType: AssignmentType(graphValue: assignmentType ?? "assigned"),
                         memberType: MemberType(graphValue: memberType ?? "direct"))
    }
}
