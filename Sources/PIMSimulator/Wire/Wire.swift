import Foundation

/// The service's JSON shapes for the tenant's entities (Graph v1.0 names and spellings).
enum Wire {
    static func user(_ u: TenantUser) -> SimJSON {
        [
            "@odata.type": "#microsoft.graph.user",
            "id": .string(u.id), "businessPhones": [], "displayName": .string(u.displayName),
            "givenName": .string(u.givenName), "jobTitle": .string(u.jobTitle), "mail": .string(u.userPrincipalName),
            "mobilePhone": .null, "officeLocation": .string(u.officeLocation), "preferredLanguage": "en-US",
            "surname": .string(u.surname), "userPrincipalName": .string(u.userPrincipalName),
        ]
    }

    static func group(_ g: TenantGroup) -> SimJSON {
        [
            "@odata.type": "#microsoft.graph.group",
            "id": .string(g.id), "displayName": .string(g.displayName), "description": .string(g.description),
            "mail": .null, "mailEnabled": false, "mailNickname": .string(g.mailNickname), "securityEnabled": true,
            "isAssignableToRole": .bool(g.isAssignableToRole), "groupTypes": [],
        ]
    }

    static func roleDefinition(_ r: TenantRole) -> SimJSON {
        [
            "@odata.type": "#microsoft.graph.unifiedRoleDefinition",
            "id": .string(r.id), "description": .string(r.description), "displayName": .string(r.displayName),
            "isBuiltIn": true, "isEnabled": true, "resourceScopes": ["/"], "templateId": .string(r.id), "version": "1",
            "rolePermissions": [["allowedResourceActions": [], "condition": .null]],
        ]
    }

    static func roleEligibilityInstance(_ e: TenantEligibility) -> SimJSON {
        [
            "@odata.type": "#microsoft.graph.unifiedRoleEligibilityScheduleInstance",
            "id": .string(e.id), "principalId": .string(e.principalId), "roleDefinitionId": .string(e.targetId),
            "directoryScopeId": .string(e.directoryScopeId), "appScopeId": .null,
            "startDateTime": .date(e.start), "endDateTime": .date(e.end), "memberType": .string(e.memberType),
            "roleEligibilityScheduleId": .string(e.scheduleId),
        ]
    }

    static func roleEligibilitySchedule(_ e: TenantEligibility) -> SimJSON {
        [
            "@odata.type": "#microsoft.graph.unifiedRoleEligibilitySchedule",
            "id": .string(e.scheduleId), "principalId": .string(e.principalId), "roleDefinitionId": .string(e.targetId),
            "directoryScopeId": .string(e.directoryScopeId), "appScopeId": .null, "createdUsing": .string(e.scheduleId),
            "createdDateTime": .date(e.start), "modifiedDateTime": .null, "status": "Provisioned",
            "memberType": .string(e.memberType), "scheduleInfo": schedule(start: e.start, end: e.end),
        ]
    }

    static func schedule(start: Date?, end: Date?) -> SimJSON {
        [
            "startDateTime": .date(start), "recurrence": .null,
            "expiration": end == nil
                ? ["type": "noExpiration", "endDateTime": .null, "duration": .null]
                : ["type": "afterDateTime", "endDateTime": .date(end), "duration": .null],
        ]
    }

    static func roleAssignmentInstance(_ a: TenantAssignment) -> SimJSON {
        [
            "@odata.type": "#microsoft.graph.unifiedRoleAssignmentScheduleInstance",
            "id": .string(a.id), "principalId": .string(a.principalId), "roleDefinitionId": .string(a.targetId),
            "directoryScopeId": .string(a.directoryScopeId), "appScopeId": .null,
            "startDateTime": .date(a.start), "endDateTime": .date(a.end), "assignmentType": .string(a.assignmentType),
            "memberType": .string(a.memberType), "roleAssignmentOriginId": .string(a.id),
            "roleAssignmentScheduleId": .string(a.scheduleId),
        ]
    }

    static func roleAssignmentSchedule(_ a: TenantAssignment) -> SimJSON {
        [
            "@odata.type": "#microsoft.graph.unifiedRoleAssignmentSchedule",
            "id": .string(a.scheduleId), "principalId": .string(a.principalId), "roleDefinitionId": .string(a.targetId),
            "directoryScopeId": .string(a.directoryScopeId), "appScopeId": .null,
            "createdUsing": .string(a.requestId ?? a.scheduleId), "createdDateTime": .date(a.start),
            "modifiedDateTime": .null,
            "status": "Provisioned", "assignmentType": .string(a.assignmentType), "memberType": .string(a.memberType),
            "scheduleInfo": schedule(start: a.start, end: a.end),
        ]
    }

    static func groupEligibilityInstance(_ e: TenantEligibility) -> SimJSON {
        [
            "@odata.type": "#microsoft.graph.privilegedAccessGroupEligibilityScheduleInstance",
            "id": .string(e.id), "startDateTime": .date(e.start), "endDateTime": .date(e.end),
            "accessId": .string(e.accessId ?? "member"), "principalId": .string(e.principalId),
            "memberType": .string(e.memberType.lowercased()), "groupId": .string(e.targetId),
            "eligibilityScheduleId": .string(e.scheduleId),
        ]
    }

    static func groupAssignmentInstance(_ a: TenantAssignment) -> SimJSON {
        [
            "@odata.type": "#microsoft.graph.privilegedAccessGroupAssignmentScheduleInstance",
            "id": .string(a.id), "startDateTime": .date(a.start), "endDateTime": .date(a.end),
            "accessId": .string(a.accessId ?? "member"), "principalId": .string(a.principalId),
            "memberType": .string(a.memberType.lowercased()), "assignmentType": .string(a.assignmentType.lowercased()),
            "groupId": .string(a.targetId), "assignmentScheduleId": .string(a.scheduleId),
        ]
    }

    static func groupAssignmentSchedule(_ a: TenantAssignment) -> SimJSON {
        [
            "@odata.type": "#microsoft.graph.privilegedAccessGroupAssignmentSchedule",
            "id": .string(a.scheduleId), "createdDateTime": .date(a.start),
            "createdUsing": .string(a.requestId ?? a.scheduleId),
            "modifiedDateTime": .null, "scheduleInfo": schedule(start: a.start, end: a.end), "status": "Provisioned",
            "accessId": .string(a.accessId ?? "member"), "principalId": .string(a.principalId),
            "memberType": .string(a.memberType.lowercased()), "assignmentType": .string(a.assignmentType.lowercased()),
            "groupId": .string(a.targetId),
        ]
    }

    static func groupEligibilitySchedule(_ e: TenantEligibility) -> SimJSON {
        [
            "@odata.type": "#microsoft.graph.privilegedAccessGroupEligibilitySchedule",
            "id": .string(e.scheduleId), "createdDateTime": .date(e.start), "createdUsing": .string(e.scheduleId),
            "modifiedDateTime": .null, "scheduleInfo": schedule(start: e.start, end: e.end), "status": "Provisioned",
            "accessId": .string(e.accessId ?? "member"), "principalId": .string(e.principalId),
            "memberType": .string(e.memberType.lowercased()), "groupId": .string(e.targetId),
        ]
    }

    /// A schedule request (roles or groups) as the service returns it.
    static func request(_ r: TenantRequest, state: TenantState) -> SimJSON {
        let creator = state.user(r.createdById)
        var members: [(String, SimJSON)] = [
            (
                "@odata.type",
                .string(
                    r.kind == .role
                        ? "#microsoft.graph.unifiedRoleAssignmentScheduleRequest"
                        : "#microsoft.graph.privilegedAccessGroupAssignmentScheduleRequest")
            ),
            ("id", .string(r.id)), ("status", .string(r.status)),
            ("createdDateTime", .date(r.created)), ("completedDateTime", .date(r.completed)),
            ("approvalId", .string(r.approvalId)), ("customData", .null), ("action", .string(r.action)),
            ("principalId", .string(r.principalId)),
        ]
        if r.kind == .role {
            members += [
                ("roleDefinitionId", .string(r.targetId)), ("directoryScopeId", .string(r.directoryScopeId)),
                ("appScopeId", .null),
            ]
        } else {
            members += [("accessId", .string(r.accessId ?? "member")), ("groupId", .string(r.targetId))]
        }
        members += [
            ("isValidationOnly", .bool(r.isValidationOnly)), ("targetScheduleId", .string(r.targetScheduleId)),
            ("justification", .string(r.justification)),
            (
                "createdBy",
                [
                    "application": .null, "device": .null,
                    "user": ["displayName": .string(creator?.displayName), "id": .string(r.createdById)],
                ]
            ),
            ("scheduleInfo", requestSchedule(r)),
            ("ticketInfo", ["ticketNumber": .string(r.ticketNumber), "ticketSystem": .string(r.ticketSystem)]),
        ]
        return .object(members)
    }

    static func requestSchedule(_ r: TenantRequest) -> SimJSON {
        guard r.expirationType != nil || r.scheduleStart != nil else { return .null }
        return [
            "startDateTime": .date(r.scheduleStart), "recurrence": .null,
            "expiration": [
                "type": .string(r.expirationType ?? "notSpecified"), "endDateTime": .date(r.scheduleEnd),
                "duration": .string(r.durationText),
            ],
        ]
    }

    /// An approval step (beta roles) or stage (v1.0 groups); `assignedToMe` depends on who asks.
    static func approvalStep(_ step: TenantApprovalStep, callerId: String, state: TenantState) -> SimJSON {
        let reviewer = step.reviewedById.flatMap { state.user($0) }
        let assigned = step.approverIds.contains { $0.caseInsensitiveCompare(callerId) == .orderedSame }
        return [
            "id": .string(step.id), "displayName": .null, "reviewedDateTime": .date(step.reviewedDateTime),
            "reviewResult": .string(step.reviewResult), "status": .string(step.status), "assignedToMe": .bool(assigned),
            "justification": .string(step.justification),
            "reviewedBy": reviewer.map { ["id": .string($0.id), "displayName": .string($0.displayName)] } ?? .null,
        ]
    }

    static func audit(_ a: TenantAuditRecord) -> SimJSON {
        var details: [SimJSON] = [["key": "AuditType", "value": .string(a.auditType)]]
        if let requestId = a.requestId {
            details.append(["key": "RoleAssignmentRequestId", "value": .string(requestId)])
        }
        var targets: [SimJSON] = [
            [
                "id": .string(a.targetId), "displayName": .string(a.targetName), "type": .string(a.targetType),
                "userPrincipalName": .null, "groupType": a.targetType == "Group" ? "unifiedSecurityGroup" : .null,
                "modifiedProperties": [],
            ]
        ]
        if let subject = a.subjectId {
            targets.append([
                "id": .string(subject), "displayName": .string(a.subjectName), "type": "User",
                "userPrincipalName": .null, "groupType": .null, "modifiedProperties": [],
            ])
        }
        return [
            "id": .string(a.id), "category": .string(a.category), "correlationId": .string(a.correlationId),
            "result": .string(a.result), "resultReason": .string(a.resultReason),
            "activityDisplayName": .string(a.activity), "activityDateTime": .date(a.date), "loggedByService": "PIM",
            "operationType": .string(a.operationType),
            "initiatedBy": [
                "app": .null,
                "user": [
                    "id": .string(a.initiatorId), "displayName": .string(a.initiatorName),
                    "userPrincipalName": .string(a.initiatorUPN),
                    "ipAddress": a.initiatorUPN == nil ? .null : "203.0.113.7",
                    "userType": .null, "homeTenantId": .null, "homeTenantName": .null,
                ],
            ],
            "targetResources": .array(targets),
            "additionalDetails": .array(details),
        ]
    }
}
