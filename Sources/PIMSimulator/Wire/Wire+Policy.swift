import Foundation

/// Role management policies with the 17 rules of the service (the EndUser ones carry the settings).
extension Wire {
    static func policyAssignmentId(_ p: TenantPolicy, tenantId: String) -> String {
        p.kind == .role
            ? "DirectoryRole_\(tenantId)_\(p.policyId)_\(p.targetId)"
            : "Group_\(p.targetId)_\(p.policyId)_\(p.accessId ?? "member")"
    }

    static func policyId(_ p: TenantPolicy, tenantId: String) -> String {
        p.kind == .role ? "DirectoryRole_\(tenantId)_\(p.policyId)" : "Group_\(p.targetId)_\(p.policyId)"
    }

    static func policyAssignment(_ p: TenantPolicy, tenantId: String) -> SimJSON {
        [
            "id": .string(policyAssignmentId(p, tenantId: tenantId)),
            "policyId": .string(policyId(p, tenantId: tenantId)),
            "scopeId": .string(p.kind == .role ? "/" : p.targetId),
            "scopeType": .string(p.kind == .role ? "DirectoryRole" : "Group"),
            "roleDefinitionId": .string(p.kind == .role ? p.targetId : (p.accessId ?? "member")),
        ]
    }

    static func policy(_ p: TenantPolicy, tenantId: String, rules: Bool) -> SimJSON {
        var members: [(String, SimJSON)] = [
            ("id", .string(policyId(p, tenantId: tenantId))),
            ("displayName", .string(p.kind == .role ? "DirectoryRole" : "Group")),
            ("description", .string(p.kind == .role ? "DirectoryRole" : "Group")),
            ("isOrganizationDefault", false), ("scopeId", .string(p.kind == .role ? "/" : p.targetId)),
            ("scopeType", .string(p.kind == .role ? "DirectoryRole" : "Group")), ("lastModifiedDateTime", .null),
            ("lastModifiedBy", ["displayName": .null, "id": .null]),
        ]
        if rules { members.append(("rules", .array(policyRules(p)))) }
        return .object(members)
    }

    static func policyRules(_ p: TenantPolicy) -> [SimJSON] {
        let ops: SimJSON = p.kind == .role ? ["all"] : ["All"]
        func target(_ caller: String, _ level: String) -> SimJSON {
            [
                "caller": .string(caller), "operations": ops, "level": .string(level), "inheritableSettings": [],
                "enforcedSettings": [],
            ]
        }
        func expiration(_ id: String, required: Bool, max: String, _ caller: String, _ level: String) -> SimJSON {
            [
                "@odata.type": "#microsoft.graph.unifiedRoleManagementPolicyExpirationRule", "id": .string(id),
                "isExpirationRequired": .bool(required), "maximumDuration": .string(max),
                "target": target(caller, level),
            ]
        }
        func enablement(_ id: String, _ rules: [String], _ caller: String, _ level: String) -> SimJSON {
            [
                "@odata.type": "#microsoft.graph.unifiedRoleManagementPolicyEnablementRule", "id": .string(id),
                "enabledRules": .array(rules.map(SimJSON.string)), "target": target(caller, level),
            ]
        }
        func notifications(_ suffix: String, _ caller: String, _ level: String) -> [SimJSON] {
            ["Admin", "Requestor", "Approver"].map { recipient in
                [
                    "@odata.type": "#microsoft.graph.unifiedRoleManagementPolicyNotificationRule",
                    "id": .string("Notification_\(recipient)_\(suffix)"), "notificationType": "Email",
                    "recipientType": .string(recipient), "notificationLevel": "All", "isDefaultRecipientsEnabled": true,
                    "notificationRecipients": [], "target": target(caller, level),
                ]
            }
        }
        var endUser: [String] = []
        if p.requiresMfa { endUser.append("MultiFactorAuthentication") }
        if p.requiresJustification { endUser.append("Justification") }
        if p.requiresTicket { endUser.append("Ticketing") }
        let approvers: [SimJSON] = p.approverIds.map {
            [
                "@odata.type": "#microsoft.graph.singleUser", "userId": .string($0), "description": .null,
                "isBackup": false,
            ]
        }
        let approval: SimJSON = [
            "@odata.type": "#microsoft.graph.unifiedRoleManagementPolicyApprovalRule",
            "id": "Approval_EndUser_Assignment",
            "target": target("EndUser", "Assignment"),
            "setting": [
                "isApprovalRequired": .bool(p.requiresApproval), "isApprovalRequiredForExtension": false,
                "isRequestorJustificationRequired": .bool(p.requiresJustification),
                "approvalMode": .string(p.requiresApproval ? "SingleStage" : "NoApproval"),
                "approvalStages": [
                    [
                        "approvalStageTimeOutInDays": 1,
                        "isApproverJustificationRequired": .bool(p.isApproverJustificationRequired),
                        "escalationTimeInMinutes": 0, "isEscalationEnabled": false,
                        "primaryApprovers": .array(approvers), "escalationApprovers": [],
                    ]
                ],
            ],
        ]
        let context: SimJSON = [
            "@odata.type": "#microsoft.graph.unifiedRoleManagementPolicyAuthenticationContextRule",
            "id": "AuthenticationContext_EndUser_Assignment", "isEnabled": .bool(p.authenticationContext != nil),
            "claimValue": .string(p.authenticationContext), "target": target("EndUser", "Assignment"),
        ]
        return [
            expiration("Expiration_Admin_Eligibility", required: false, max: "P365D", "Admin", "Eligibility"),
            enablement("Enablement_Admin_Eligibility", [], "Admin", "Eligibility"),
        ]
            + notifications("Admin_Eligibility", "Admin", "Eligibility")
            + [
                expiration("Expiration_Admin_Assignment", required: false, max: "P180D", "Admin", "Assignment"),
                enablement("Enablement_Admin_Assignment", ["Justification"], "Admin", "Assignment"),
            ]
            + notifications("Admin_Assignment", "Admin", "Assignment")
            + [
                expiration(
                    "Expiration_EndUser_Assignment", required: true,
                    max: ActivationText.isoTime(p.maximumDurationSeconds),
                    "EndUser", "Assignment"),
                enablement("Enablement_EndUser_Assignment", endUser, "EndUser", "Assignment"),
                approval, context,
            ]
            + notifications("EndUser_Assignment", "EndUser", "Assignment")
    }
}
