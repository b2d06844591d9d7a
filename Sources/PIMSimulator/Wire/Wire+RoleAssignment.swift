import Foundation

extension Wire {
    /// `unifiedRoleAssignment` (C3): a directory role in force for a principal, whether assigned outright
    /// or activated through PIM, without schedule fields (rbacapplication-list-roleassignments, example 2).
    static func roleAssignment(_ a: TenantAssignment) -> SimJSON {
        [
            "id": .string(a.id), "principalId": .string(a.principalId), "resourceScope": .string(a.directoryScopeId),
            "directoryScopeId": .string(a.directoryScopeId), "roleDefinitionId": .string(a.targetId),
        ]
    }
}
