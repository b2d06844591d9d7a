import Foundation

/// Who is eligible for what, what is active now, and what waits for approval.
extension TenantSeed {
    typealias R = RoleCatalog
    typealias G = Group

    static let roleEligibilities: [(Persona, [String])] = [
        (
            .ada,
            [
                R.globalAdministrator, R.privilegedRoleAdministrator, R.securityAdministrator, R.exchangeAdministrator,
                R.intuneAdministrator, R.userAdministrator, R.globalReader, R.sharePointAdministrator,
                R.conditionalAccessAdministrator, R.applicationAdministrator, R.helpdeskAdministrator,
                R.teamsAdministrator, R.groupsAdministrator,
            ]
        ),
        (.ben, [R.globalAdministrator, R.exchangeAdministrator, R.securityAdministrator]),
        (.hana, [R.helpdeskAdministrator, R.passwordAdministrator, R.authenticationAdministrator]),
        (.carl, [R.globalAdministrator, R.cloudDeviceAdministrator]),
        (.dana, [R.applicationAdministrator, R.cloudApplicationAdministrator, R.privilegedRoleAdministrator]),
        (.eve, [R.intuneAdministrator, R.cloudDeviceAdministrator]),
    ]

    static let groupEligibilities: [(Persona, [(String, String)])] = [
        (
            .ada,
            [
                (G.tier0SAW, "member"), (G.tier3Default, "member"), (G.itopsNoApproval, "member"),
                (G.itopsRequireApproval, "member"), (G.tier1Exchange, "owner"), (G.financeERP, "member"),
            ]
        ),
        (.ben, [(G.breakglassReview, "member")]),
        (.hana, [(G.tier3Default, "member")]),
        (.carl, [(G.itopsRequireApproval, "member"), (G.itopsNoApproval, "member")]),
        (.dana, [(G.tier3Default, "member"), (G.tier2Patch, "member")]),
        (.eve, [(G.tier0SAW, "member"), (G.tier3Default, "owner")]),
        (.sam, [(G.securityAnalysts, "member")]),
    ]

    static func addEligibilities(to state: inout TenantState, now: Date) {
        let since = now.addingTimeInterval(-90 * 86_400)
        for (persona, roles) in roleEligibilities {
            for role in roles {
                state.eligibilities.append(
                    TenantState.eligibility(
                        name: "\(persona.id):\(role)", kind: .role, principalId: persona.objectId, targetId: role,
                        start: since,
                        end: role == R.teamsAdministrator ? now.addingTimeInterval(180 * 86_400) : nil))
            }
        }
        for (persona, groups) in groupEligibilities {
            for (group, access) in groups {
                state.eligibilities.append(
                    TenantState.eligibility(
                        name: "\(persona.id):\(group):\(access)", kind: .group, principalId: persona.objectId,
                        targetId: group, accessId: access, start: since))
            }
        }
        // The role-assignable group is itself eligible: its members activate through the group.
        for role in [R.securityReader, R.securityOperator] {
            state.eligibilities.append(
                TenantState.eligibility(
                    name: "securityAnalysts:\(role)", kind: .role, principalId: G.securityAnalysts, targetId: role,
                    start: since, memberType: "Direct"))
        }
    }

    /// `PIM_SIM_SCALE`: extra eligibilities for the main persona, scoped to administrative units so
    /// each is a distinct target without inventing roles.
    static func addScaleEligibilities(to state: inout TenantState, now: Date, count: Int) {
        guard count > 0 else { return }
        let roles = RoleCatalog.all
        let since = now.addingTimeInterval(-30 * 86_400)
        state.eligibilities.reserveCapacity(state.eligibilities.count + count)
        for i in 0..<count {
            let role = roles[i % roles.count]
            let unit = StableID.make("administrative-unit:\(i)")
            state.eligibilities.append(
                TenantState.eligibility(
                    name: "scale:\(i)", kind: .role, principalId: Persona.ada.objectId, targetId: role.id,
                    scope: "/administrativeUnits/\(unit)", start: since))
        }
    }

    /// Elevations in force when the tenant opens: some for hours, some ending within minutes.
    static func addCurrentElevations(to state: inout TenantState, now: Date) {
        func ago(_ minutes: Double) -> Date { now.addingTimeInterval(-minutes * 60) }
        func days(_ d: Double) -> Date { now.addingTimeInterval(d * 86_400) }
        state.assignments += [
            TenantState.directAssignment(
                name: "ada:securityReader", kind: .role, principalId: Persona.ada.objectId,
                targetId: R.securityReader, start: nil, end: nil),
            TenantState.directAssignment(
                name: "ada:reportsReader", kind: .role, principalId: Persona.ada.objectId,
                targetId: R.reportsReader, start: days(-80), end: days(9)),
            TenantState.directAssignment(
                name: "ben:pra", kind: .role, principalId: Persona.ben.objectId,
                targetId: R.privilegedRoleAdministrator, start: nil, end: nil),
            TenantState.directAssignment(
                name: "hana:globalReader", kind: .role, principalId: Persona.hana.objectId,
                targetId: R.globalReader, start: nil, end: nil),
            TenantState.directAssignment(
                name: "eve:sharePoint", kind: .role, principalId: Persona.eve.objectId,
                targetId: R.sharePointAdministrator, start: days(-170), end: days(10)),
            TenantState.directAssignment(
                name: "ben:analystsOwner", kind: .group, principalId: Persona.ben.objectId,
                targetId: G.securityAnalysts, accessId: "owner", start: nil, end: nil),
        ]
        let running: [(Persona, TargetKind, String, String?, Double, Int, String, String?)] = [
            (.ada, .role, R.userAdministrator, nil, 90, 4 * 3600, "CHG-2287: onboard the Lisbon office accounts", nil),
            (
                .ada, .group, G.itopsNoApproval, "member", 228, 4 * 3600, "INC-5120: patch the prod database cluster",
                "INC-5120"
            ),
            (.ben, .role, R.exchangeAdministrator, nil, 40, 2 * 3600, "Mailbox migration wave 3", "CHG-2290"),
            (.hana, .role, R.helpdeskAdministrator, nil, 477, 8 * 3600, "Service desk shift", nil),
            (
                .dana, .role, R.applicationAdministrator, nil, 236, 4 * 3600, "Rotate the CI app registration secret",
                nil
            ),
            (.dana, .group, G.tier3Default, "member", 360, 8 * 3600, "Laptop enrolment backlog", nil),
            (.eve, .role, R.intuneAdministrator, nil, 120, 4 * 3600, "Compliance policy roll-out", nil),
            (.sam, .group, G.securityAnalysts, "member", 60, 8 * 3600, "SOC shift: triage phishing reports", nil),
        ]
        for (persona, kind, target, access, minutesAgo, duration, justification, ticket) in running {
            let start = ago(minutesAgo)
            var request = TenantState.makeRequest(
                id: StableID.make("running:\(persona.id):\(target)"), kind: kind, action: "selfActivate",
                status: "Provisioned", principalId: persona.objectId, targetId: target, accessId: access,
                justification: justification, ticket: ticket, start: start, durationSeconds: duration,
                created: start.addingTimeInterval(-2))
            request.completed = start
            state.requests.append(request)
            state.assignments.append(
                state.activation(for: request, start: start, end: start.addingTimeInterval(Double(duration))))
            state.recordAudit(
                TenantState.Activity.activationRequested, operationType: "Add", auditType: "ActivateRequest",
                request: request, initiatorId: persona.objectId, at: request.created)
            state.recordAudit(
                TenantState.Activity.activationCompleted, operationType: "Add", auditType: "ActivatedRole",
                request: request, initiatorId: persona.objectId, at: start)
        }
    }

    /// Requests waiting for Ben's decision.
    static func addPendingRequests(to state: inout TenantState, now: Date) {
        let pending: [(Persona, TargetKind, String, String?, Double, Int, String, String?)] = [
            (
                .ada, .role, R.privilegedRoleAdministrator, nil, 10, 2 * 3600, "CHG-2291: rotate the PIM approvers",
                "CHG-2291"
            ),
            (
                .carl, .role, R.globalAdministrator, nil, 25, 3600, "Renew the tenant's federation certificate",
                "CHG-2288"
            ),
            (.carl, .group, G.itopsRequireApproval, "member", 50, 2 * 3600, "Reboot prod web tier after patching", nil),
            (.dana, .role, R.privilegedRoleAdministrator, nil, 180, 3600, "Grant the build agent its role", "CHG-2275"),
            (.eve, .group, G.tier0SAW, "member", 15, 3600, "Re-image the SAW fleet", "CHG-2292"),
        ]
        for (persona, kind, target, access, minutesAgo, duration, justification, ticket) in pending {
            let created = now.addingTimeInterval(-minutesAgo * 60)
            var request = TenantState.makeRequest(
                id: StableID.make("pending:\(persona.id):\(target)"), kind: kind, action: "selfActivate",
                status: "PendingApproval", principalId: persona.objectId, targetId: target, accessId: access,
                justification: justification, ticket: ticket, start: created, durationSeconds: duration,
                created: created)
            request.approvalId = request.id
            request.approval = TenantApprovalStep(
                id: StableID.make("step:\(request.id)"), status: "InProgress", reviewResult: "NotReviewed",
                reviewedById: nil, reviewedDateTime: nil, justification: "",
                approverIds: state.policy(kind: kind, targetId: target, accessId: access)?.approverIds ?? approvers)
            state.requests.append(request)
            state.recordAudit(
                TenantState.Activity.activationRequested, operationType: "Add", auditType: "ActivateRequest",
                request: request, initiatorId: persona.objectId, at: created)
            state.recordAudit(
                TenantState.Activity.approvalRequested, operationType: "Add", auditType: "ApprovalRequested",
                request: request, initiatorId: persona.objectId, at: created)
        }
    }
}
