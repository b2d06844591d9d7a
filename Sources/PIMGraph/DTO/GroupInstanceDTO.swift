import Foundation
import PIMDomain

/// `privilegedAccessGroupEligibilityScheduleInstance` and `…AssignmentScheduleInstance` (B1, B2, B8a).
/// As `RoleInstanceDTO`: read straight into the `Eligibility` it becomes, from pooled strings.
struct GroupInstanceDTO: Decodable {
    let eligibility: Eligibility
    var assignmentType: String?
    var principal: ExpandedPrincipal?

    enum CodingKeys: String, CodingKey {
        case id, principalId, groupId, accessId, startDateTime, endDateTime, memberType, assignmentType, group,
            principal
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(String.self, forKey: .id)
        let principalId = try c.pooled(.principalId) ?? ""
        let groupId = StringPool.intern(try c.decode(String.self, forKey: .groupId))
        let accessId = c.lenient(String.self, forKey: .accessId)
        let start = c.lenient(Date.self, forKey: .startDateTime)
        let end = c.lenient(Date.self, forKey: .endDateTime)
        let memberType = c.lenient(String.self, forKey: .memberType)
        assignmentType = c.shared(.assignmentType)
        let group = c.lenient(GroupDTO.self, forKey: .group)
        principal = c.lenient(PrincipalDTO.self, forKey: .principal).map(ExpandedPrincipal.init)
        let target = ElevationTarget(
            id: .group(groupId, owner: accessId?.lowercased() == "owner"),
            displayName: group?.displayName ?? groupId, description: group?.description)
        eligibility = Eligibility(
            id: id, target: target, principalId: principalId, start: start, end: end,
            memberType: MemberType(graphValue: memberType ?? "direct"))
    }

    var target: ElevationTarget { eligibility.target }

    var assignment: ActiveAssignment { eligibility.assignment(type: assignmentType, principal: principal) }
}
