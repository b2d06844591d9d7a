import Foundation

/// The demo tenant as it stands when first opened: directory, policies, eligibilities, elevations
/// running (some about to end), requests waiting for approval, and 30 days of history. Every time
/// is relative to `now`, so a fresh tenant always looks lived-in.
enum TenantSeed {
    static let tenantId = "0a1b2c3d-0000-4000-8000-000000000001"
    static let domain = "contoso.com"
    /// The PIM service itself as an initiator (expiry, system actions).
    static let pimServiceId = "9dfd627f-bdc5-4b1c-af9d-c85097fdeff8"

    enum Group {
        static let securityAnalysts = "6c1f9a2e-31b4-4d3a-9f7e-5a0c2b8d4e11"
        static let tier0SAW = "2b5ed229-4072-478d-9504-a047ebd4b07d"
        static let tier3Default = "8d2e4f61-7a3b-4c5d-9e0f-1a2b3c4d5e22"
        static let itopsNoApproval = "9e3f5a72-8b4c-4d6e-a01f-2b3c4d5e6f33"
        static let itopsRequireApproval = "af4a6b83-9c5d-4e7f-b120-3c4d5e6f7a44"
        static let tier1Exchange = "b05b7c94-ad6e-4f80-c231-4d5e6f7a8b55"
        static let breakglassReview = "c16c8da5-be7f-4091-d342-5e6f7a8b9c66"
        static let financeERP = "d27d9eb6-cf80-41a2-e453-6f7a8b9cad77"
        static let tier2Patch = "e38eafc7-d091-42b3-f564-7a8b9cadbe88"
    }

    static func make(now: Date, scale: Int) -> TenantState {
        var state = TenantState(
            tenantId: tenantId, tenantDomain: domain, seededAt: now, scale: scale,
            users: users, roles: RoleCatalog.all, groups: groups + conferringGroups, policies: policies,
            eligibilities: [], assignments: [], requests: [], audit: [])
        addEligibilities(to: &state, now: now)
        addConferringGroups(to: &state, now: now)
        AdministrativeUnitSeed.addEligibilities(to: &state, now: now)
        addScaleEligibilities(to: &state, now: now, count: scale)
        addCurrentElevations(to: &state, now: now)
        addPendingRequests(to: &state, now: now)
        TenantHistory.add(to: &state, now: now, extraEvents: scale)
        state.azure = ARMSeed.make(now: now)
        state.reviews = ReviewSeed.make(now: now, state: state)
        return state
    }

    static let users: [TenantUser] = [
        user(.ada, "Ada", "Admin", "Cloud Platform Administrator", "Building 4"),
        user(.ben, "Ben", "Approver", "Identity and Access Lead", "Building 4"),
        user(.hana, "Hana", "Helpdesk", "Service Desk Analyst", "Building 2"),
        user(.carl, "Carl", "Contractor", "Infrastructure Contractor", "Remote"),
        user(.dana, "Dana", "Developer", "Senior Developer", "Building 7"),
        user(.eve, "Eve", "Engineer", "Endpoint Engineer", "Building 7"),
        user(.sam, "Sam", "Analyst", "SOC Analyst", "Building 2"),
    ]

    private static func user(
        _ p: Persona, _ given: String, _ surname: String, _ title: String, _ office: String
    ) -> TenantUser {
        TenantUser(
            id: p.objectId, shortName: p.id, displayName: p.displayName, givenName: given, surname: surname,
            userPrincipalName: p.userPrincipalName, jobTitle: title, officeLocation: office)
    }

    static let groups: [TenantGroup] = [
        TenantGroup(
            id: Group.securityAnalysts, displayName: "Security Analysts",
            description: "SOC analysts; the group is eligible for Security Reader and Security Operator.",
            mailNickname: "security-analysts", isAssignableToRole: true),
        TenantGroup(
            id: Group.tier0SAW, displayName: "pag_Tier0.Intune.SAWClientAdmin",
            description: "Tier 0: administers privileged access workstations in Intune.",
            mailNickname: "pag_Tier0.Intune.SAWClientAdmin", isAssignableToRole: true),
        TenantGroup(
            id: Group.tier3Default, displayName: "pag_Tier3.Intune.DefaultClientAdmin",
            description: "Tier 3: administers standard client devices in Intune.",
            mailNickname: "pag_Tier3.Intune.DefaultClientAdmin", isAssignableToRole: false),
        TenantGroup(
            id: Group.itopsNoApproval, displayName: "itops-sysadmin-prod-noapproval",
            description: "Production server administrators (no approval needed).",
            mailNickname: "itops-sysadmin-prod-noapproval", isAssignableToRole: false),
        TenantGroup(
            id: Group.itopsRequireApproval, displayName: "itops-sysadmin-prod-requireapproval",
            description: "Production server administrators (approval required).",
            mailNickname: "itops-sysadmin-prod-requireapproval", isAssignableToRole: false),
        TenantGroup(
            id: Group.tier1Exchange, displayName: "pag_Tier1.Exchange.MailboxAdmin",
            description: "Tier 1: Exchange mailbox administration.",
            mailNickname: "pag_Tier1.Exchange.MailboxAdmin", isAssignableToRole: false),
        TenantGroup(
            id: Group.breakglassReview, displayName: "sec-breakglass-review",
            description: "Reviewers of break-glass account use.",
            mailNickname: "sec-breakglass-review", isAssignableToRole: true),
        TenantGroup(
            id: Group.financeERP, displayName: "finance-erp-prod-admins",
            description: "Administrators of the production ERP system.",
            mailNickname: "finance-erp-prod-admins", isAssignableToRole: false),
        TenantGroup(
            id: Group.tier2Patch, displayName: "pag_Tier2.Servers.PatchOperators",
            description: "Tier 2: server patch operators.",
            mailNickname: "pag_Tier2.Servers.PatchOperators", isAssignableToRole: false),
    ]

    /// PIM offers MFA *or* an authentication context on activation, never both.
    private struct Settings {
        var max: Int
        var justification = true
        var ticket = false
        var mfa = false
        var approval = false
        var context: String? = nil
    }

    private static let hour = 3600

    /// Role settings that differ from the tenant default (justification, 8 hours).
    private static let roleSettings: [String: Settings] = [
        RoleCatalog.globalAdministrator: Settings(max: 1 * hour, ticket: true, approval: true, context: "c1"),
        RoleCatalog.privilegedRoleAdministrator: Settings(max: 2 * hour, ticket: true, mfa: true, approval: true),
        RoleCatalog.securityAdministrator: Settings(max: 4 * hour, mfa: true, approval: true),
        RoleCatalog.conditionalAccessAdministrator: Settings(max: 2 * hour, mfa: true, approval: true),
        RoleCatalog.privilegedAuthenticationAdministrator: Settings(
            max: 2 * hour, ticket: true, mfa: true, approval: true),
        RoleCatalog.exchangeAdministrator: Settings(max: 8 * hour, ticket: true),
        RoleCatalog.sharePointAdministrator: Settings(max: 4 * hour, ticket: true),
        RoleCatalog.intuneAdministrator: Settings(max: 4 * hour, context: "c1"),
        RoleCatalog.applicationAdministrator: Settings(max: 4 * hour, mfa: true),
        RoleCatalog.securityOperator: Settings(max: 8 * hour, mfa: true),
        RoleCatalog.userAdministrator: Settings(max: 8 * hour),
        RoleCatalog.helpdeskAdministrator: Settings(max: 8 * hour),
        RoleCatalog.globalReader: Settings(max: 24 * hour, justification: false),
        RoleCatalog.reportsReader: Settings(max: 24 * hour, justification: false),
        RoleCatalog.securityReader: Settings(max: 24 * hour),
        RoleCatalog.messageCenterReader: Settings(max: 24 * hour, justification: false),
        RoleCatalog.teamsAdministrator: Settings(max: 30 * 60),
    ]

    private static let groupSettings: [String: Settings] = [
        Group.securityAnalysts: Settings(max: 8 * hour),
        Group.tier0SAW: Settings(max: 1 * hour, ticket: true, approval: true, context: "c1"),
        Group.tier3Default: Settings(max: 8 * hour),
        Group.itopsNoApproval: Settings(max: 4 * hour, ticket: true),
        Group.itopsRequireApproval: Settings(max: 2 * hour, approval: true),
        Group.tier1Exchange: Settings(max: 4 * hour, mfa: true),
        Group.breakglassReview: Settings(max: 30 * 60, ticket: true, mfa: true, approval: true),
        Group.financeERP: Settings(max: 24 * hour, ticket: true),
        Group.tier2Patch: Settings(max: 12 * hour),
    ]

    static let approvers = [Persona.ben.objectId]

    static var policies: [TenantPolicy] {
        var result: [TenantPolicy] = []
        for role in RoleCatalog.all {
            let s = roleSettings[role.id] ?? Settings(max: 8 * hour)
            result.append(policy(kind: .role, target: role.id, access: nil, s))
        }
        for group in groups + conferringGroups {
            let s = groupSettings[group.id] ?? Settings(max: 8 * hour)
            result.append(policy(kind: .group, target: group.id, access: "member", s))
            result.append(
                policy(
                    kind: .group, target: group.id, access: "owner",
                    Settings(
                        max: 2 * hour, ticket: s.ticket, mfa: s.mfa && s.context == nil, approval: true,
                        context: s.context)))
        }
        return result
    }

    private static func policy(kind: TargetKind, target: String, access: String?, _ s: Settings) -> TenantPolicy {
        TenantPolicy(
            policyId: StableID.make("policy:\(target):\(access ?? "role")"), kind: kind, targetId: target,
            accessId: access,
            maximumDurationSeconds: s.max, requiresJustification: s.justification, requiresTicket: s.ticket,
            requiresMfa: s.mfa, requiresApproval: s.approval, approverIds: s.approval ? approvers : [],
            authenticationContext: s.context)
    }
}
