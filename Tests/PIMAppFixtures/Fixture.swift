import Foundation
import PIMApp
import PIMDomain

/// Shared by the interface's update, runtime and screen tests.
/// A small tenant as the dashboard reports it, at a fixed `now` (2026-11-23 12:00 UTC).
public enum Fixture {
    public static let now = Date(timeIntervalSince1970: 1_795_435_200)  // 2026-11-23T12:00:00Z
    public static func at(_ hours: Double) -> Date { now.addingTimeInterval(hours * 3600) }

    public static let ada = Principal(
        id: "u-ada", displayName: "Ada Lovelace", userPrincipalName: "ada@contoso.example")
    public static let ben = Principal(id: "u-ben", displayName: "Ben Okafor", userPrincipalName: "ben@contoso.example")
    public static let chloe = Principal(
        id: "u-chloe", displayName: "Chloé Dubois", userPrincipalName: "chloe@contoso.example")
    public static let hana = Principal(
        id: "u-hana", displayName: "Hana Sato", userPrincipalName: "hana@contoso.example")

    public static let globalAdmin = ElevationTarget(
        id: .role("62e90394-69f5-4237-9190-012177145e10"), displayName: "Global Administrator",
        templateId: "62e90394-69f5-4237-9190-012177145e10")
    public static let globalReader = ElevationTarget(
        id: .role("f2ef992c-3afb-46b9-b7cf-a126ee74c451"), displayName: "Global Reader")
    public static let securityReader = ElevationTarget(
        id: .role("5d6b6bb7-de71-4623-b4af-96380a352509"), displayName: "Security Reader")
    public static let userAdmin = ElevationTarget(
        id: .role("fe930be7-5e62-47db-91af-98c3a49a38b1"), displayName: "User Administrator")
    public static let exchangeAdmin = ElevationTarget(
        id: .role("29232cdf-9323-42fd-ade2-1d097af3e4de", scope: "/administrativeUnits/au-eu"),
        displayName: "Exchange Administrator", scopeName: "AU Europe")
    public static let sysadmin = ElevationTarget(
        id: .group("g-sysadmin"), displayName: "itops-sysadmin-prod-noapproval")
    public static let breakglass = ElevationTarget(id: .group("g-bg", owner: true), displayName: "pag_Tier0.breakglass")
    public static let securityAdmin = ElevationTarget(
        id: .role("194ae4cb-b126-40b2-bd5b-6091b380977d"), displayName: "Security Administrator")

    public static let strict = ActivationPolicy(
        maxDuration: .hours(2), requiresJustification: true, requiresTicket: true,
        requiresMfa: true, requiresApproval: true)
    public static let plain = ActivationPolicy(maxDuration: .hours(8), requiresJustification: true)
    public static let approval = ActivationPolicy(
        maxDuration: .hours(4), requiresJustification: true, requiresApproval: true)
    public static let ticketed = ActivationPolicy(
        maxDuration: .hours(4), requiresJustification: true, requiresTicket: true)

    public static func eligibility(_ target: ElevationTarget) -> Eligibility {
        Eligibility(id: "e-\(target.id.resourceId)", target: target, principalId: ada.id)
    }

    /// An Azure eligibility: its id is the eligibility schedule's, one per role and scope.
    public static func azureEligibility(_ target: ElevationTarget, memberType: MemberType = .direct) -> Eligibility {
        let schedule = "/providers/Microsoft.Authorization/roleEligibilitySchedules/"
        return Eligibility(
            id: (target.id.scope ?? "") + schedule + "es-" + target.displayName.lowercased(), target: target,
            principalId: ada.id, memberType: memberType)
    }

    public static let readerActive = ActiveAssignment(
        id: "a-reader", target: globalReader, principal: ada, start: at(-1), end: at(1))
    public static let userAdminActive = ActiveAssignment(
        id: "a-useradmin", target: userAdmin, principal: ada,
        start: at(-1.5), end: now.addingTimeInterval(8 * 60 + 20))
    public static let securityReaderRequest = ElevationRequest(
        id: "req-ada-1", target: securityReader, action: .selfActivate, status: .pendingApproval, principal: ada,
        createdAt: at(-0.25), justification: "Review sign-in alerts", duration: .hours(2), approvalId: "req-ada-1")

    public static let approvalItems = [
        ApprovalItem(
            request: ElevationRequest(
                id: "req-201", target: securityAdmin, action: .selfActivate, status: .pendingApproval, principal: ben,
                createdAt: at(-3), justification: "Rotate the compromised app secret",
                ticket: TicketInfo(number: "INC-4711", system: "ServiceNow"),
                duration: .hours(2), approvalId: "req-201")),
        ApprovalItem(
            request: ElevationRequest(
                id: "req-202", target: sysadmin, action: .selfActivate, status: .pendingApproval, principal: chloe,
                createdAt: at(-23.5), justification: "Patch night", duration: .hours(1), approvalId: "req-202")),
    ]

    public static var dashboard: Dashboard {
        Dashboard(
            me: ada,
            eligibilities: [globalAdmin, globalReader, securityReader, userAdmin, exchangeAdmin, sysadmin, breakglass]
                .map(eligibility) + azureEligibilities,
            active: [readerActive, userAdminActive, vmContributorActive],
            myRequests: [
                securityReaderRequest, vmContributorRequest,
                ElevationRequest(
                    id: "req-ada-0", target: globalReader, action: .selfActivate, status: .provisioned, principal: ada,
                    createdAt: at(-1), justification: "Quarterly access review", duration: .hours(2)),
            ],
            approvals: approvalItems + [azureApprovalItem],
            elevations: [
                readerActive, userAdminActive,
                ActiveAssignment(id: "a-ben-ex", target: exchangeAdmin, principal: ben, start: at(-1), end: at(0.5)),
                ActiveAssignment(
                    id: "a-hana-hd",
                    target: ElevationTarget(
                        id: .role("729827e3-9c14-49f7-bb1b-9608f156bbb8"), displayName: "Helpdesk Administrator"),
                    principal: hana, start: at(-2), end: at(4)),
                ActiveAssignment(id: "a-ben-grp", target: sysadmin, principal: ben, start: at(-0.5), end: at(2.5)),
                hanaContributorData,
            ],
            history: [
                AuditEvent(
                    id: "ev-1", date: at(-1), activity: "Add member to role completed (PIM activation)",
                    result: "success",
                    resultReason: "Quarterly access review", initiatedBy: ada, targetName: "Global Reader",
                    requestId: "req-ada-0")
            ],
            policies: [
                globalAdmin.id: strict, globalReader.id: plain, securityReader.id: approval, userAdmin.id: plain,
                exchangeAdmin.id: ticketed,
                sysadmin.id: ActivationPolicy(maxDuration: .hours(4), requiresJustification: true),
                breakglass.id: strict,
            ].merging(azurePolicies) { first, _ in first })
    }

    /// A state with the fixture loaded, at `width` × `height`.
    public static func loaded(
        width: Int = 80, height: Int = 24, config: AppConfig = AppConfig(tenantLabel: "contoso.example (demo)")
    ) -> AppState {
        var state = AppState(config: config, now: now, width: width, height: height)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        return state
    }
}
