import Foundation
import PIMDomain

/// A `roleManagementPolicyAssignment` of ARM (Z4) with its `effectiveRules`, discriminated by `ruleType`.
struct ARMPolicyAssignmentDTO: Decodable {
    struct Rule: Decodable {
        struct Setting: Decodable {
            struct Stage: Decodable {
                var primaryApprovers: [Lenient<UserSet>]?
            }
            var isApprovalRequired: Bool?
            var approvalStages: [Lenient<Stage>]?
        }
        /// ARM's approver: `{id, description, isBackup, userType: User|Group}`.
        struct UserSet: Decodable {
            var id: String?
            var description: String?
            var userType: String?
        }

        var id: String
        var maximumDuration: String?
        var enabledRules: [String]?
        var setting: Setting?
        var isEnabled: Bool?
        var claimValue: String?

        enum CodingKeys: String, CodingKey { case id, maximumDuration, enabledRules, setting, isEnabled, claimValue }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            maximumDuration = c.lenient(String.self, forKey: .maximumDuration)
            enabledRules = c.lenient([String].self, forKey: .enabledRules)
            setting = c.lenient(Setting.self, forKey: .setting)
            isEnabled = c.lenient(Bool.self, forKey: .isEnabled)
            claimValue = c.lenient(String.self, forKey: .claimValue)
        }
    }

    struct Properties: Decodable {
        var scope: String?
        var roleDefinitionId: String?
        var effectiveRules: [Lenient<Rule>]?
    }

    var properties: Properties

    /// The role's GUID (the last segment of `roleDefinitionId`), lowercased: the same role reads alike
    /// whether its id carries a subscription prefix or not.
    var roleKey: String? { properties.roleDefinitionId.map { ARMEndpoints.lastSegment($0).lowercased() } }

    /// What activating requires, from the `*_EndUser_Assignment` rules (contract §3.1). An authentication
    /// context is required only when its rule is enabled with a non-empty claim value.
    var activationPolicy: ActivationPolicy? {
        guard let rules = properties.effectiveRules?.compactMap(\.value), !rules.isEmpty else { return nil }
        // Rule ids are ASCII: compared lowercased, not with Foundation's locale-aware comparison, which
        // cost a demo start a twentieth of its time (five lookups in every policy's rules).
        let byId = Dictionary(rules.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        func rule(_ id: String) -> Rule? { byId[id.lowercased()] }
        let enabled = Set((rule("Enablement_EndUser_Assignment")?.enabledRules ?? []).map { $0.lowercased() })
        let approval = rule("Approval_EndUser_Assignment")?.setting
        let context = rule("AuthenticationContext_EndUser_Assignment")
        let contextValue = context?.isEnabled == true ? context?.claimValue.flatMap { $0.isEmpty ? nil : $0 } : nil
        let approvers: [Approver] = (approval?.approvalStages ?? []).compactMap(\.value).flatMap { stage in
            (stage.primaryApprovers ?? []).compactMap(\.value).compactMap { set -> Approver? in
                guard let id = set.id, !id.isEmpty else { return nil }
                let kind: Approver.Kind = set.userType?.lowercased() == "group" ? .groupMembers : .user
                return Approver(kind: kind, id: id, description: set.description)
            }
        }
        return ActivationPolicy(
            maxDuration: rule("Expiration_EndUser_Assignment")?.maximumDuration.flatMap {
                try? ActivationDuration(parsing: $0)
            },
            requiresJustification: enabled.contains("justification"),
            requiresTicket: enabled.contains("ticketing"),
            requiresMfa: enabled.contains("multifactorauthentication"),
            authenticationContext: contextValue,
            requiresApproval: approval?.isApprovalRequired ?? false,
            approvers: approvers)
    }
}
