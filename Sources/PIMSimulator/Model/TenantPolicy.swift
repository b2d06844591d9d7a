import Foundation

/// The activation settings of one role or one group access (`member`/`owner`).
struct TenantPolicy: Codable, Sendable, Equatable {
    var policyId: String
    var kind: TargetKind
    /// Role definition id, or group id.
    var targetId: String
    /// `member`/`owner` for groups; nil for roles.
    var accessId: String?
    var maximumDurationSeconds: Int
    var requiresJustification: Bool
    var requiresTicket: Bool
    var requiresMfa: Bool
    var requiresApproval: Bool
    var approverIds: [String]
    var authenticationContext: String?
    var isApproverJustificationRequired: Bool = true
}
