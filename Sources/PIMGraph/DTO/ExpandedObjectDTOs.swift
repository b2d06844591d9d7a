import Foundation
import PIMDomain

/// `user` / `directoryObject` as expanded (`principal`) or read from `/me`.
struct PrincipalDTO: Decodable {
    var id: String?
    var displayName: String?
    var userPrincipalName: String?

    func principal(fallbackId: String) -> Principal {
        Principal(id: id ?? fallbackId, displayName: displayName, userPrincipalName: userPrincipalName)
    }
}

/// `unifiedRoleDefinition` as expanded (`roleDefinition`).
struct RoleDefinitionDTO: Decodable {
    var id: String?
    var displayName: String?
    var description: String?
    var templateId: String?
}

/// `group` as expanded.
struct GroupDTO: Decodable {
    var id: String?
    var displayName: String?
    var description: String?
}
