import Foundation
import PIMDomain

/// `unifiedRoleEligibilityScheduleInstance` and `unifiedRoleAssignmentScheduleInstance` (A1, A3, A4).
///
/// Read straight into the `Eligibility` it becomes (one pointer; its target built from pooled
/// strings, `StringPool`), plus the two fields only an assignment needs. A page list of 10,000
/// instances is then 10,000 small records that `eligibility` hands on without copying, instead of
/// 150 bytes each that the list copies every time it grows.
struct RoleInstanceDTO: Decodable {
    let eligibility: Eligibility
    var assignmentType: String?
    var principal: ExpandedPrincipal?

    enum CodingKeys: String, CodingKey {
        case id, principalId, roleDefinitionId, directoryScopeId, startDateTime, endDateTime
        case memberType, assignmentType, roleDefinition, principal, directoryScope
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(String.self, forKey: .id)
        let principalId = try c.pooled(.principalId) ?? ""
        let roleDefinitionId = StringPool.intern(try c.decode(String.self, forKey: .roleDefinitionId))
        let directoryScopeId = c.lenient(String.self, forKey: .directoryScopeId)
        let start = c.lenient(Date.self, forKey: .startDateTime)
        let end = c.lenient(Date.self, forKey: .endDateTime)
        let memberType = c.lenient(String.self, forKey: .memberType)
        assignmentType = c.shared(.assignmentType)
        let roleDefinition = c.lenient(RoleDefinitionDTO.self, forKey: .roleDefinition)
        principal = c.lenient(PrincipalDTO.self, forKey: .principal).map(ExpandedPrincipal.init)
        let scope = directoryScopeId ?? "/"
        // The tenant reads as "Directory" whatever the service puts there; another scope by its unit's name.
        let scopeName = scope == "/" ? nil : c.lenient(DirectoryScopeDTO.self, forKey: .directoryScope)?.displayName
        let target = ElevationTarget(
            id: .role(roleDefinitionId, scope: scope),
            displayName: roleDefinition?.displayName ?? roleDefinitionId,
            description: roleDefinition?.description, scopeName: scopeName, templateId: roleDefinition?.templateId)
        eligibility = Eligibility(
            id: id, target: target, principalId: principalId, start: start, end: end,
            memberType: MemberType(graphValue: memberType ?? "direct"))
    }

    var target: ElevationTarget { eligibility.target }

    var assignment: ActiveAssignment { eligibility.assignment(type: assignmentType, principal: principal) }
}

extension Eligibility {
    /// The assignment schedule instance read with the same fields (role and group listings share them).
    func assignment(type: String?, principal: ExpandedPrincipal?) -> ActiveAssignment {
        let fields = storage.fields
        let holder = principal?.dto.principal(fallbackId: fields.principalId) ?? Principal(id: fields.principalId)
        return ActiveAssignment(
            id: fields.id, target: fields.target, principal: holder, start: fields.start,
            end: fields.end, assignmentType: AssignmentType(graphValue: type ?? "assigned"),
            memberType: fields.memberType)
    }
}
