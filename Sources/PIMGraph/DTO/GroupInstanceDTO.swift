import Foundation
import PIMDomain

/// `privilegedAccessGroupEligibilityScheduleInstance` and `…AssignmentScheduleInstance` (B1, B2, B8a).
/// As `RoleInstanceDTO`: the target is built once while decoding, from pooled strings.
struct GroupInstanceDTO: Decodable {
    var id: String
    var principalId: String
    let target: ElevationTarget
    var startDateTime: Date?
    var endDateTime: Date?
    var memberType: String?
    var assignmentType: String?
    var principal: PrincipalDTO?

    enum CodingKeys: String, CodingKey {
        case id, principalId, groupId, accessId, startDateTime, endDateTime, memberType, assignmentType, group, principal
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        principalId = StringPool.intern(try c.decodeIfPresent(String.self, forKey: .principalId) ?? "")
        let groupId = StringPool.intern(try c.decode(String.self, forKey: .groupId))
        let accessId = c.lenient(String.self, forKey: .accessId)
        startDateTime = c.lenient(Date.self, forKey: .startDateTime)
        endDateTime = c.lenient(Date.self, forKey: .endDateTime)
        memberType = c.shared(.memberType)
        assignmentType = c.shared(.assignmentType)
        let group = c.lenient(GroupDTO.self, forKey: .group)
        principal = c.lenient(PrincipalDTO.self, forKey: .principal)
        target = ElevationTarget(id: .group(groupId, owner: accessId?.lowercased() == "owner"),
                                 displayName: group?.displayName ?? groupId, description: group?.description)
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
