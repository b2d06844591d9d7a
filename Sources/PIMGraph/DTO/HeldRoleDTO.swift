import Foundation
import PIMDomain

/// A directory role some principal holds, as C3, C4 and C5 answer (`unifiedRoleAssignment`,
/// `unifiedRoleEligibilitySchedule`, `unifiedRoleAssignmentScheduleInstance`): only who, which role
/// (with its name when `roleDefinition` was expanded) and where.
struct HeldRoleDTO: Decodable {
    var principalId: String
    var roleDefinitionId: String
    var directoryScopeId: String
    var roleName: String?

    enum CodingKeys: String, CodingKey { case principalId, roleDefinitionId, directoryScopeId, roleDefinition }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        principalId = try c.pooled(.principalId) ?? ""
        roleDefinitionId = StringPool.intern(try c.decode(String.self, forKey: .roleDefinitionId))
        directoryScopeId = c.lenient(String.self, forKey: .directoryScopeId) ?? "/"
        roleName = c.lenient(RoleDefinitionDTO.self, forKey: .roleDefinition)?.displayName
    }

    /// The role as a group confers it. The name: the expanded one, else one the dashboard already knows,
    /// else "role" and the id's first eight characters.
    func conferred(
        _ holding: ConferredRole.Holding, roleNames: [String: String], scopeNames: [String: String]
    ) -> ConferredRole {
        let name = roleName.flatMap { $0.isEmpty ? nil : $0 } ?? roleNames[roleDefinitionId]
        return ConferredRole(
            name: name ?? "role \(roleDefinitionId.prefix(8))",
            scopeName: scopeNames[directoryScopeId] ?? ConferredRole.directoryScopeName(directoryScopeId),
            scopeId: directoryScopeId, family: .directoryRole, holding: holding)
    }
}
