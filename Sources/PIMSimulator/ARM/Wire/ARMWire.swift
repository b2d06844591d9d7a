import Foundation

/// ARM's JSON shapes, built from the tenant's own values: `{id, name, type, properties}` with
/// `expandedProperties`; `properties.scope` always in the `/subscriptions/{id}` form.
struct ARMWire {
    let state: TenantState
    var estate: ARMEstate { state.azure }

    static let authorization = "/providers/Microsoft.Authorization"

    func scopeObject(_ scopeId: String) -> SimJSON {
        let scope = ARMScope(id: scopeId) ?? .root
        return [
            "id": .string(scope.id), "displayName": .string(estate.displayName(of: scope)),
            "type": .string(scope.typeName),
        ]
    }

    func roleDefinitionId(_ roleId: String, at scopeId: String) -> String {
        (ARMScope(id: scopeId) ?? .root).roleDefinitionId(roleId)
    }

    func roleObject(_ roleId: String, at scopeId: String) -> SimJSON {
        [
            "id": .string(roleDefinitionId(roleId, at: scopeId)),
            "displayName": .string(ARMRoleCatalog.role(roleId)?.name ?? roleId), "type": "BuiltInRole",
        ]
    }

    func principalObject(_ id: String) -> SimJSON {
        if let user = state.user(id) {
            return [
                "id": .string(user.id), "displayName": .string(user.displayName),
                "email": .string(user.userPrincipalName), "type": "User",
            ]
        }
        let group = state.group(id)
        return ["id": .string(id), "displayName": .string(group?.displayName ?? id), "email": nil, "type": "Group"]
    }

    func expanded(scope: String, roleId: String, principalId: String) -> SimJSON {
        [
            "scope": scopeObject(scope), "roleDefinition": roleObject(roleId, at: scope),
            "principal": principalObject(principalId),
        ]
    }

    func prefix(_ scopeId: String) -> String { scopeId == "/" ? "" : scopeId }

    func eligibilityScheduleId(_ e: ARMEligibility) -> String {
        "\(prefix(e.scope))\(Self.authorization)/RoleEligibilitySchedules/\(e.scheduleId)"
    }

    func eligibilityInstance(_ e: ARMEligibility) -> SimJSON {
        [
            "properties": [
                "roleEligibilityScheduleId": .string(eligibilityScheduleId(e)),
                "scope": .string(e.scope), "roleDefinitionId": .string(roleDefinitionId(e.roleId, at: e.scope)),
                "principalId": .string(e.principalId), "principalType": .string(e.principalType),
                "status": "Provisioned", "startDateTime": .date(e.start), "endDateTime": .date(e.end),
                "memberType": .string(e.memberType), "condition": nil, "conditionVersion": nil,
                "createdOn": .date(e.start),
                "expandedProperties": expanded(scope: e.scope, roleId: e.roleId, principalId: e.principalId),
            ],
            "name": .string(e.instanceId),
            "id": .string("\(prefix(e.scope))\(Self.authorization)/roleEligibilityScheduleInstances/\(e.instanceId)"),
            "type": "Microsoft.Authorization/roleEligibilityScheduleInstances",
        ]
    }

    func eligibilitySchedule(_ e: ARMEligibility) -> SimJSON {
        [
            "properties": [
                "scope": .string(e.scope), "roleDefinitionId": .string(roleDefinitionId(e.roleId, at: e.scope)),
                "principalId": .string(e.principalId), "principalType": .string(e.principalType),
                "roleEligibilityScheduleRequestId": .string(
                    "\(prefix(e.scope))\(Self.authorization)/roleEligibilityScheduleRequests/\(e.scheduleId)"),
                "status": "Provisioned", "startDateTime": .date(e.start), "endDateTime": .date(e.end),
                "memberType": .string(e.memberType), "condition": nil, "conditionVersion": nil,
                "createdOn": .date(e.start), "updatedOn": .date(e.start),
                "expandedProperties": expanded(scope: e.scope, roleId: e.roleId, principalId: e.principalId),
            ],
            "name": .string(e.scheduleId), "id": .string(eligibilityScheduleId(e)),
            "type": "Microsoft.Authorization/roleEligibilitySchedules",
        ]
    }

    func assignmentInstance(_ a: ARMAssignment) -> SimJSON {
        let p = prefix(a.scope)
        return [
            "properties": [
                "roleAssignmentScheduleId": .string(
                    "\(p)\(Self.authorization)/RoleAssignmentSchedules/\(a.scheduleId)"),
                "originRoleAssignmentId": .string(
                    "\(p)\(Self.authorization)/roleAssignments/\(StableID.make("azure:origin:\(a.scheduleId)"))"),
                "linkedRoleEligibilityScheduleId": .string(a.linkedEligibilityScheduleId),
                "linkedRoleEligibilityScheduleInstanceId": .string(
                    a.linkedEligibilityScheduleId.flatMap { id in
                        estate.eligibilities.first { $0.scheduleId == id }?.instanceId
                    }),
                "assignmentType": .string(a.assignmentType),
                "scope": .string(a.scope), "roleDefinitionId": .string(roleDefinitionId(a.roleId, at: a.scope)),
                "principalId": .string(a.principalId), "principalType": .string(a.principalType),
                "status": "Provisioned", "startDateTime": .date(a.start), "endDateTime": .date(a.end),
                "memberType": .string(a.memberType), "condition": nil, "conditionVersion": nil,
                "createdOn": .date(a.start),
                "expandedProperties": expanded(scope: a.scope, roleId: a.roleId, principalId: a.principalId),
            ],
            "name": .string(a.instanceId),
            "id": .string("\(p)\(Self.authorization)/roleAssignmentScheduleInstances/\(a.instanceId)"),
            "type": "Microsoft.Authorization/roleAssignmentScheduleInstances",
        ]
    }

    static func approvalId(_ approval: ARMApproval) -> String {
        "\(authorization)/roleAssignmentApprovals/\(approval.id)"
    }

    func request(_ r: ARMRequest) -> SimJSON {
        let p = prefix(r.scope)
        var expiration: SimJSON = .null
        if let type = r.expirationType {
            expiration = [
                "type": .string(type), "endDateTime": .date(r.endDateTime), "duration": .string(r.durationText),
            ]
        }
        let schedule: SimJSON =
            r.scheduleStart == nil && r.expirationType == nil
            ? .null : ["startDateTime": .date(r.scheduleStart), "expiration": expiration]
        return [
            "properties": [
                "targetRoleAssignmentScheduleId": .string(r.targetScheduleId),
                "targetRoleAssignmentScheduleInstanceId": .string(r.targetInstanceId),
                "linkedRoleEligibilityScheduleId": .string(r.linkedEligibilityScheduleId),
                "scope": .string(r.scope), "roleDefinitionId": .string(roleDefinitionId(r.roleId, at: r.scope)),
                "principalId": .string(r.principalId), "principalType": .string(r.principalType),
                "requestType": .string(r.requestType), "status": .string(r.status),
                "approvalId": .string(r.approval.map(Self.approvalId)),
                "scheduleInfo": schedule,
                "ticketInfo": ["ticketNumber": .string(r.ticketNumber), "ticketSystem": .string(r.ticketSystem)],
                "justification": .string(r.justification), "requestorId": .string(r.requestorId),
                "createdOn": .date(r.createdOn), "condition": nil, "conditionVersion": nil,
                "expandedProperties": expanded(scope: r.scope, roleId: r.roleId, principalId: r.principalId),
            ],
            "name": .string(r.name),
            "id": .string("\(p)\(Self.authorization)/RoleAssignmentScheduleRequests/\(r.name)"),
            "type": "Microsoft.Authorization/RoleAssignmentScheduleRequests",
        ]
    }

    func stage(_ approval: ARMApproval, for callerId: String) -> SimJSON {
        var reviewedBy: SimJSON = .null
        if let id = approval.reviewedById {
            let user = state.user(id)
            reviewedBy = [
                "principalType": "user", "principalId": .string(id),
                "principalName": .string(user?.displayName ?? id),
                "userPrincipalName": .string(user?.userPrincipalName),
            ]
        }
        return [
            "id": .string("\(Self.approvalId(approval))/stages/\(approval.stageId)"),
            "type": "Microsoft.Authorization/roleAssignmentApprovals/stages", "name": .string(approval.stageId),
            "properties": [
                "displayName": "Approval stage", "status": .string(approval.status),
                "assignedToMe": .bool(approval.approverIds.contains { sameID($0, callerId) }),
                "reviewedBy": reviewedBy, "reviewedDateTime": .date(approval.reviewedDateTime),
                "reviewResult": .string(approval.reviewResult), "justification": .string(approval.justification),
            ],
        ]
    }

    func approval(_ approval: ARMApproval, for callerId: String) -> SimJSON {
        [
            "id": .string(Self.approvalId(approval)), "type": "Microsoft.Authorization/roleAssignmentApprovals",
            "name": .string(approval.id),
            "properties": ["stages": [stage(approval, for: callerId)]],
        ]
    }

    func subscription(_ s: ARMSubscription) -> SimJSON {
        [
            "id": .string("/subscriptions/\(s.id)"), "authorizationSource": "RoleBased", "managedByTenants": [],
            "subscriptionId": .string(s.id), "tenantId": .string(state.tenantId), "displayName": .string(s.displayName),
            "state": "Enabled",
            "subscriptionPolicies": [
                "locationPlacementId": "Public_2014-09-01", "quotaId": "EnterpriseAgreement_2014-09-01",
                "spendingLimit": "Off",
            ],
            "tags": [:],
        ]
    }

    func managementGroup(_ g: ARMManagementGroup) -> SimJSON {
        [
            "id": .string(ARMScope.managementGroup(g.name).id), "type": "Microsoft.Management/managementGroups",
            "name": .string(g.name),
            "properties": ["tenantId": .string(state.tenantId), "displayName": .string(g.displayName)],
        ]
    }

    func roleDefinition(_ role: ARMRoleCatalog.Role, at scope: ARMScope) -> SimJSON {
        [
            "id": .string(scope.roleDefinitionId(role.id)), "type": "Microsoft.Authorization/roleDefinitions",
            "name": .string(role.id),
            "properties": [
                "roleName": .string(role.name), "type": "BuiltInRole", "description": .string(role.description),
                "assignableScopes": ["/"], "permissions": [], "createdOn": nil, "updatedOn": nil,
            ],
        ]
    }

    /// An `eligibleChildResources` item: ids in the `providers/Microsoft.Subscription` alias form, as ARM prints them.
    func childResource(_ scope: ARMScope) -> SimJSON {
        var id = scope.id
        if scope.subscriptionId != nil { id = "/providers/Microsoft.Subscription" + id }
        return ["name": .string(estate.displayName(of: scope)), "id": .string(id), "type": .string(scope.typeName)]
    }
}
