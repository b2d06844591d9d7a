import Foundation

/// `$expand` of the relationships the PIM resources document (roleDefinition, principal, group,
/// activatedUsing, targetSchedule, directoryScope, appScope).
enum Expansion {
    static let roleInstance: Set<String> = ["roleDefinition", "principal", "directoryScope", "appScope"]
    static let roleAssignment: Set<String> = roleInstance.union(["activatedUsing"])
    static let roleRequest: Set<String> = roleAssignment.union(["targetSchedule"])
    static let groupEligibility: Set<String> = ["group", "principal"]
    static let groupAssignment: Set<String> = ["group", "principal", "activatedUsing"]
    static let groupRequest: Set<String> = ["group", "principal", "activatedUsing", "targetSchedule"]

    static func expander(_ state: TenantState, kind: TargetKind) -> RequestContext.Expander {
        { item, json in
            let value = expand(item.name, json, state, kind: kind)
            return RequestContext.nested(value, item)
        }
    }

    private static func expand(_ name: String, _ json: SimJSON, _ state: TenantState, kind: TargetKind) -> SimJSON {
        switch name {
        case "roleDefinition":
            return json["roleDefinitionId"]?.stringValue.flatMap { state.role($0) }.map(Wire.roleDefinition) ?? .null
        case "group":
            return json["groupId"]?.stringValue.flatMap { state.group($0) }.map(Wire.group) ?? .null
        case "principal":
            guard let id = json["principalId"]?.stringValue else { return .null }
            if let user = state.user(id) { return Wire.user(user) }
            if let group = state.group(id) { return Wire.group(group) }
            return .null
        case "directoryScope":
            // The tenant itself ("/") resolves to no directory object: null, which clients read as "Directory".
            guard let scope = json["directoryScopeId"]?.stringValue, let unit = state.administrativeUnit(scope: scope)
            else { return .null }
            return [
                "@odata.type": "#microsoft.graph.administrativeUnit", "id": .string(unit.id),
                "displayName": .string(unit.displayName), "description": .string(unit.description),
            ]
        case "activatedUsing":
            return activatedUsing(json, state, kind: kind)
        case "targetSchedule":
            guard let sid = json["targetScheduleId"]?.stringValue,
                let a = state.assignments.first(where: { $0.scheduleId == sid })
            else { return .null }
            return kind == .role ? Wire.roleAssignmentSchedule(a) : Wire.groupAssignmentSchedule(a)
        default:
            return .null
        }
    }

    private static func activatedUsing(_ json: SimJSON, _ state: TenantState, kind: TargetKind) -> SimJSON {
        let eligibilityScheduleId: String?
        if let id = json["id"]?.stringValue, let a = state.assignments.first(where: { $0.id == id }) {
            eligibilityScheduleId = a.eligibilityScheduleId
        } else if let id = json["id"]?.stringValue, let r = state.requests.first(where: { $0.id == id }) {
            eligibilityScheduleId =
                state.eligibilities.first {
                    $0.sameTarget(
                        kind: r.kind, principalId: r.principalId, targetId: r.targetId, accessId: r.accessId,
                        scope: r.directoryScopeId)
                }?.scheduleId
        } else {
            eligibilityScheduleId = nil
        }
        guard let sid = eligibilityScheduleId, let e = state.eligibilities.first(where: { $0.scheduleId == sid }) else {
            return .null
        }
        return kind == .role ? Wire.roleEligibilitySchedule(e) : Wire.groupEligibilitySchedule(e)
    }
}
