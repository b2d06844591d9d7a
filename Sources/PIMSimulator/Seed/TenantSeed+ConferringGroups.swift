import Foundation

/// Privileged access groups: role-assignable groups that hold directory roles, eligible or active, so
/// that membership (or ownership) of the group is what gives the role. Ada's Tier 0 and Tier 1 groups
/// gain roles here; new Tier 0 and Tier 1 groups are for the other personas, so Ada's own rows (and
/// every screen and count made from them) stay as they were. The Azure side has its own: Security
/// Analysts holds Monitoring Reader at the Shared-Platform subscription (`ARMSeed`).
extension TenantSeed {
    enum ConferringGroup {
        static let tier0GlobalAdmins = "f49fb0d8-e1a2-43c4-a675-8b9cadbecf99"
        static let tier0RoleAdmins = "0a5ac1e9-f2b3-44d5-b786-9cadbecf0a10"
        static let tier1SecurityOps = "1b6bd2fa-03c4-45e6-c897-adbecf0a1b21"
    }

    static let conferringGroups: [TenantGroup] = [
        TenantGroup(
            id: ConferringGroup.tier0GlobalAdmins, displayName: "pag_Tier0_GlobalAdmins",
            description: "Tier 0: members may activate Global Administrator.",
            mailNickname: "pag_Tier0_GlobalAdmins", isAssignableToRole: true),
        TenantGroup(
            id: ConferringGroup.tier0RoleAdmins, displayName: "pag_Tier0_RoleAdmins",
            description: "Tier 0: members manage role assignments and privileged authentication.",
            mailNickname: "pag_Tier0_RoleAdmins", isAssignableToRole: true),
        TenantGroup(
            id: ConferringGroup.tier1SecurityOps, displayName: "pag_Tier1_SecurityOps",
            description: "Tier 1: security operations and Conditional Access.",
            mailNickname: "pag_Tier1_SecurityOps", isAssignableToRole: true),
    ]

    /// What each group holds: eligible roles (its members activate them) and active ones (assigned to
    /// the group, in force for every member).
    static let conferredRoles: [(group: String, eligible: [String], active: [String])] = [
        (ConferringGroup.tier0GlobalAdmins, [R.globalAdministrator], []),
        (
            ConferringGroup.tier0RoleAdmins, [R.privilegedRoleAdministrator, R.privilegedAuthenticationAdministrator],
            [R.globalReader]
        ),
        (
            ConferringGroup.tier1SecurityOps, [R.securityAdministrator, R.conditionalAccessAdministrator],
            [R.securityReader]
        ),
        (G.tier0SAW, [R.intuneAdministrator], [R.cloudDeviceAdministrator]),
        (G.tier1Exchange, [R.exchangeAdministrator], []),
    ]

    /// Who may join the new groups (eligible members and owners).
    static let conferringGroupEligibilities: [(Persona, String, String)] = [
        (.ben, ConferringGroup.tier0GlobalAdmins, "member"),
        (.carl, ConferringGroup.tier0RoleAdmins, "member"),
        (.ben, ConferringGroup.tier0RoleAdmins, "owner"),
        (.eve, ConferringGroup.tier1SecurityOps, "member"),
        (.hana, ConferringGroup.tier1SecurityOps, "owner"),
    ]

    static func addConferringGroups(to state: inout TenantState, now: Date) {
        let since = now.addingTimeInterval(-120 * 86_400)
        for (persona, group, access) in conferringGroupEligibilities {
            state.eligibilities.append(
                TenantState.eligibility(
                    name: "\(persona.id):\(group):\(access)", kind: .group, principalId: persona.objectId,
                    targetId: group, accessId: access, start: since))
        }
        for (group, eligible, active) in conferredRoles {
            for role in eligible {
                state.eligibilities.append(
                    TenantState.eligibility(
                        name: "confers:\(group):\(role)", kind: .role, principalId: group, targetId: role, start: since)
                )
            }
            for role in active {
                state.assignments.append(
                    TenantState.directAssignment(
                        name: "confers:\(group):\(role)", kind: .role, principalId: group, targetId: role, start: nil,
                        end: nil))
            }
        }
    }
}
