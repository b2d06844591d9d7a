import Foundation
import PIMDomain

/// `unifiedRoleManagementPolicyAssignment` expanded with `policy($expand=rules)` (A11, B8).
struct PolicyAssignmentDTO: Decodable {
    struct Policy: Decodable {
        var rules: [Rule]
        enum CodingKeys: String, CodingKey { case rules, effectiveRules }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            rules =
                c.lenient([Lenient<Rule>].self, forKey: .rules)?.compactMap(\.value)
                ?? c.lenient([Lenient<Rule>].self, forKey: .effectiveRules)?.compactMap(\.value) ?? []
        }
    }

    /// One rule; only the fields of the rule types the client reads are decoded.
    struct Rule: Decodable {
        struct Setting: Decodable {
            struct Stage: Decodable {
                var primaryApprovers: [Lenient<Subject>]?
            }
            var isApprovalRequired: Bool?
            var approvalStages: [Stage]?
        }
        struct Subject: Decodable {
            var odataType: String?
            var userId: String?
            var groupId: String?
            var description: String?
            enum CodingKeys: String, CodingKey {
                case odataType = "@odata.type", userId, groupId, description
            }
        }

        var odataType: String?
        var id: String
        var maximumDuration: String?
        var enabledRules: [String]?
        var setting: Setting?
        var isEnabled: Bool?
        var claimValue: String?

        enum CodingKeys: String, CodingKey {
            case odataType = "@odata.type", id, maximumDuration, enabledRules, setting, isEnabled, claimValue
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            odataType = c.lenient(String.self, forKey: .odataType)
            maximumDuration = c.lenient(String.self, forKey: .maximumDuration)
            enabledRules = c.lenient([String].self, forKey: .enabledRules)
            setting = c.lenient(Setting.self, forKey: .setting)
            isEnabled = c.lenient(Bool.self, forKey: .isEnabled)
            claimValue = c.lenient(String.self, forKey: .claimValue)
        }
    }

    var scopeId: String?
    var scopeType: String?
    var roleDefinitionId: String?
    var policy: Policy?

    /// The activation requirements: the `*_EndUser_Assignment` rules, mapped as the contract says.
    var activationPolicy: ActivationPolicy? {
        guard let rules = policy?.rules else { return nil }
        // Rule ids are ASCII: compared lowercased, not with Foundation's locale-aware comparison, which
        // cost a demo start a twentieth of its time (five lookups in every policy's rules).
        let byId = Dictionary(rules.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        func rule(_ id: String) -> Rule? { byId[id.lowercased()] }
        let enabled = Set((rule("Enablement_EndUser_Assignment")?.enabledRules ?? []).map { $0.lowercased() })
        let expiration = rule("Expiration_EndUser_Assignment")
        let approval = rule("Approval_EndUser_Assignment")?.setting
        let context = rule("AuthenticationContext_EndUser_Assignment")
        let approvers: [Approver] = (approval?.approvalStages ?? []).flatMap { stage in
            (stage.primaryApprovers ?? []).compactMap(\.value).compactMap { subject -> Approver? in
                if let userId = subject.userId {
                    return Approver(kind: .user, id: userId, description: subject.description)
                }
                if let groupId = subject.groupId {
                    return Approver(kind: .groupMembers, id: groupId, description: subject.description)
                }
                return nil
            }
        }
        return ActivationPolicy(
            maxDuration: expiration?.maximumDuration.flatMap { try? ActivationDuration(parsing: $0) },
            requiresJustification: enabled.contains("justification"),
            requiresTicket: enabled.contains("ticketing"),
            requiresMfa: enabled.contains("multifactorauthentication"),
            authenticationContext: context?.isEnabled == true ? (context?.claimValue ?? "") : nil,
            requiresApproval: approval?.isApprovalRequired ?? false,
            approvers: approvers)
    }
}
