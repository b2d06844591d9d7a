import Foundation

/// `roleManagementPolicyAssignments` with the computed `effectiveRules` (discriminated by `ruleType`).
extension ARMWire {
    func policyAssignment(_ policy: ARMPolicy) -> SimJSON {
        let p = prefix(policy.scope)
        let policyId = "\(p)\(Self.authorization)/roleManagementPolicies/\(policy.policyId)"
        let name = "\(policy.policyId)_\(policy.roleId)"
        return [
            "properties": [
                "scope": .string(policy.scope),
                "roleDefinitionId": .string(roleDefinitionId(policy.roleId, at: policy.scope)),
                "policyId": .string(policyId),
                "effectiveRules": .array(rules(policy)),
                "policyAssignmentProperties": [
                    "scope": scopeObject(policy.scope), "roleDefinition": roleObject(policy.roleId, at: policy.scope),
                    "policy": [
                        "id": .string(policyId),
                        "lastModifiedBy": [
                            "id": .string(TenantSeed.pimServiceId), "displayName": "Azure PIM", "type": "System",
                            "email": nil,
                        ],
                        "lastModifiedDateTime": .date(state.seededAt),
                    ],
                ],
            ],
            "name": .string(name),
            "id": .string("\(p)\(Self.authorization)/roleManagementPolicyAssignments/\(name)"),
            "type": "Microsoft.Authorization/RoleManagementPolicyAssignment",
        ]
    }

    private func target(_ caller: String, _ level: String) -> SimJSON {
        [
            "caller": .string(caller), "operations": ["All"], "level": .string(level), "targetObjects": nil,
            "inheritableSettings": nil, "enforcedSettings": nil,
        ]
    }

    private func rules(_ policy: ARMPolicy) -> [SimJSON] {
        var enabled: [SimJSON] = []
        if policy.requiresMfa { enabled.append("MultiFactorAuthentication") }
        if policy.requiresJustification { enabled.append("Justification") }
        if policy.requiresTicket { enabled.append("Ticketing") }
        let approvers: [SimJSON] = policy.approverIds.map { id in
            [
                "id": .string(id), "description": .string(state.principalName(id)), "isBackup": false,
                "userType": .string(state.user(id) == nil ? "Group" : "User"),
            ]
        }
        let stages: [SimJSON] =
            policy.requiresApproval
            ? [
                [
                    "approvalStageTimeOutInDays": 1, "isApproverJustificationRequired": false,
                    "escalationTimeInMinutes": 0, "isEscalationEnabled": false,
                    "primaryApprovers": .array(approvers), "escalationApprovers": nil,
                ]
            ] : []
        func notification(_ recipient: String) -> SimJSON {
            [
                "notificationType": "Email", "recipientType": .string(recipient), "isDefaultRecipientsEnabled": true,
                "notificationLevel": "All", "notificationRecipients": nil,
                "id": .string("Notification_\(recipient)_EndUser_Assignment"),
                "ruleType": "RoleManagementPolicyNotificationRule", "target": target("EndUser", "Assignment"),
            ]
        }
        return [
            [
                "isExpirationRequired": true,
                "maximumDuration": .string(Self.isoDuration(policy.maximumDurationSeconds)),
                "id": "Expiration_EndUser_Assignment", "ruleType": "RoleManagementPolicyExpirationRule",
                "target": target("EndUser", "Assignment"),
            ],
            [
                "enabledRules": .array(enabled), "id": "Enablement_EndUser_Assignment",
                "ruleType": "RoleManagementPolicyEnablementRule", "target": target("EndUser", "Assignment"),
            ],
            [
                "setting": [
                    "isApprovalRequired": .bool(policy.requiresApproval), "isApprovalRequiredForExtension": false,
                    "isRequestorJustificationRequired": true,
                    "approvalMode": policy.requiresApproval ? "SingleStage" : "NoApproval",
                    "approvalStages": .array(stages),
                ],
                "id": "Approval_EndUser_Assignment", "ruleType": "RoleManagementPolicyApprovalRule",
                "target": target("EndUser", "Assignment"),
            ],
            [
                "isEnabled": .bool(policy.authenticationContext != nil),
                "claimValue": .string(policy.authenticationContext ?? ""),
                "id": "AuthenticationContext_EndUser_Assignment",
                "ruleType": "RoleManagementPolicyAuthenticationContextRule", "target": target("EndUser", "Assignment"),
            ],
            notification("Admin"), notification("Requestor"), notification("Approver"),
        ]
    }

    /// `PT8H`, `PT30M`, `P1D` — the shortest ISO 8601 form of whole minutes.
    static func isoDuration(_ seconds: Int) -> String {
        if seconds % 86_400 == 0 { return "P\(seconds / 86_400)D" }
        let hours = seconds / 3600
        let minutes = (seconds % 3600) / 60
        return "PT" + (hours > 0 ? "\(hours)H" : "") + (minutes > 0 || hours == 0 ? "\(minutes)M" : "")
    }
}
