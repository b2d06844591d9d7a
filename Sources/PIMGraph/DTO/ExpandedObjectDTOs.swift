import Foundation
import PIMDomain

/// `user` / `directoryObject` as expanded (`principal`) or read from `/me`. Its strings repeat on
/// every item a user appears in, so they come from `StringPool`.
struct PrincipalDTO: Decodable {
    var id: String?
    var displayName: String?
    var userPrincipalName: String?

    enum CodingKeys: String, CodingKey { case id, displayName, userPrincipalName }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.pooled(.id)
        displayName = try c.pooled(.displayName)
        userPrincipalName = try c.pooled(.userPrincipalName)
    }

    func principal(fallbackId: String) -> Principal {
        Principal(id: id ?? fallbackId, displayName: displayName, userPrincipalName: userPrincipalName)
    }
}

/// An expanded principal kept behind a pointer: only assignment listings carry one, so the
/// eligibility listings (the long ones) pay eight bytes per item for it, not forty-eight.
final class ExpandedPrincipal: Sendable {
    let dto: PrincipalDTO
    init(_ dto: PrincipalDTO) { self.dto = dto }
}

/// `unifiedRoleDefinition` as expanded (`roleDefinition`): the same few dozen on thousands of items.
struct RoleDefinitionDTO: Decodable {
    var id: String?
    var displayName: String?
    var description: String?
    var templateId: String?

    enum CodingKeys: String, CodingKey { case id, displayName, description, templateId }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.pooled(.id)
        displayName = try c.pooled(.displayName)
        description = try c.pooled(.description)
        templateId = try c.pooled(.templateId)
    }
}

/// `directoryScope` as expanded on a role instance: an `administrativeUnit` (or another directory
/// object) whose name is what a person reads for the scope. Empty names count as none.
struct DirectoryScopeDTO: Decodable {
    var displayName: String?

    enum CodingKeys: String, CodingKey { case displayName }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.pooled(.displayName)
        displayName = name?.isEmpty == false ? name : nil
    }
}

/// `group` as expanded.
struct GroupDTO: Decodable {
    var id: String?
    var displayName: String?
    var description: String?

    enum CodingKeys: String, CodingKey { case id, displayName, description }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.pooled(.id)
        displayName = try c.pooled(.displayName)
        description = try c.pooled(.description)
    }
}
