import Foundation
import PIMDomain

/// `unifiedRoleEligibilityScheduleInstance` and `unifiedRoleAssignmentScheduleInstance` (A1, A3, A4).
///
/// The target is built once while decoding, from pooled strings (`StringPool`), and shared by the
/// eligibility or assignment made from it: a list of 10,000 instances holds one target each and
/// one copy of each role's names.
struct RoleInstanceDTO: Decodable {
    var id: String
    var principalId: String
    let target: ElevationTarget
    var startDateTime: Date?
    var endDateTime: Date?
    var memberType: String?
    var assignmentType: String?
    var principal: PrincipalDTO?

    enum CodingKeys: String, CodingKey {
        case id, principalId, roleDefinitionId, directoryScopeId, startDateTime, endDateTime
        case memberType, assignmentType, roleDefinition, principal
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        principalId = StringPool.intern(try c.decodeIfPresent(String.self, forKey: .principalId) ?? "")
        let roleDefinitionId = StringPool.intern(try c.decode(String.self, forKey: .roleDefinitionId))
        let directoryScopeId = c.lenient(String.self, forKey: .directoryScopeId)
        startDateTime = c.lenient(Date.self, forKey: .startDateTime)
        endDateTime = c.lenient(Date.self, forKey: .endDateTime)
        memberType = c.shared(.memberType)
        assignmentType = c.shared(.assignmentType)
        let roleDefinition = c.lenient(RoleDefinitionDTO.self, forKey: .roleDefinition)
        principal = c.lenient(PrincipalDTO.self, forKey: .principal)
        target = ElevationTarget(id: .role(roleDefinitionId, scope: directoryScopeId ?? "/"),
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
