import Foundation

// The directory objects of the demo tenant: users, built-in roles, PIM-enabled groups.

struct TenantUser: Codable, Sendable, Equatable {
    var id: String
    var shortName: String
    var displayName: String
    var givenName: String
    var surname: String
    var userPrincipalName: String
    var jobTitle: String
    var officeLocation: String
}

struct TenantRole: Codable, Sendable, Equatable {
    var id: String
    var displayName: String
    var description: String
}

struct TenantGroup: Codable, Sendable, Equatable {
    var id: String
    var displayName: String
    var description: String
    var mailNickname: String
    var isAssignableToRole: Bool
}
