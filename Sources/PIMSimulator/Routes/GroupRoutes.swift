import Foundation

/// `/identityGovernance/privilegedAccess/group/…`: PIM for Groups (B1–B8a of the contract).
enum GroupRoutes {
    static let groupFilter = ["groupId", "principalId"]

    static func route(_ ctx: RequestContext, _ s: [String], _ session: inout TenantSession) throws -> TenantResponse {
        let state = session.state
        let me = ctx.caller.id
        switch s[0] {
        case "eligibilityScheduleInstances", "eligibilitySchedules":
            let schedules = s[0] == "eligibilitySchedules"
            let type =
                schedules
                ? "privilegedAccessGroupEligibilitySchedule" : "privilegedAccessGroupEligibilityScheduleInstance"
            let items = state.eligibilities.filter { $0.kind == .group && $0.start <= ctx.now }
            return try RoleRoutes.list(
                ctx, s, state, items: items, mine: { $0.principalId == me },
                shape: schedules ? Wire.groupEligibilitySchedule : Wire.groupEligibilityInstance, type: type,
                context: "identityGovernance/privilegedAccess/group/\(s[0])", expandable: Expansion.groupEligibility,
                kind: .group, requiresFilterOn: groupFilter)
        case "assignmentScheduleInstances", "assignmentSchedules":
            let schedules = s[0] == "assignmentSchedules"
            let type =
                schedules
                ? "privilegedAccessGroupAssignmentSchedule" : "privilegedAccessGroupAssignmentScheduleInstance"
            let items = state.assignments.filter { $0.kind == .group && ($0.start.map { $0 <= ctx.now } ?? true) }
            return try RoleRoutes.list(
                ctx, s, state, items: items, mine: { $0.principalId == me },
                shape: schedules ? Wire.groupAssignmentSchedule : Wire.groupAssignmentInstance, type: type,
                context: "identityGovernance/privilegedAccess/group/\(s[0])", expandable: Expansion.groupAssignment,
                kind: .group, requiresFilterOn: groupFilter)
        case "assignmentScheduleRequests":
            return try RequestRoutes.route(
                ctx, s, &session, kind: .group, type: "privilegedAccessGroupAssignmentScheduleRequest",
                context: "identityGovernance/privilegedAccess/group/assignmentScheduleRequests",
                expandable: Expansion.groupRequest, requiresFilterOn: groupFilter)
        case "assignmentApprovals":
            return try ApprovalRoutes.route(ctx, kind: .group, Array(s.dropFirst()), &session)
        default:
            throw GraphFailure.segmentNotFound(s[0])
        }
    }
}
