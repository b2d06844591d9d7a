import Foundation

// What is in force: eligibilities (may activate) and assignments (active now, activated or assigned).

struct TenantEligibility: Codable, Sendable, Equatable {
    var id: String
    var scheduleId: String
    var kind: TargetKind
    var principalId: String
    var targetId: String
    var accessId: String?
    var directoryScopeId: String
    var memberType: String
    var start: Date
    var end: Date?
}

struct TenantAssignment: Codable, Sendable, Equatable {
    var id: String
    var scheduleId: String
    var kind: TargetKind
    var principalId: String
    var targetId: String
    var accessId: String?
    var directoryScopeId: String
    /// `Activated` (from a PIM activation) or `Assigned` (direct, possibly time-bound).
    var assignmentType: String
    var memberType: String
    var start: Date?
    var end: Date?
    /// The request that created it (activations), for audit correlation and `activatedUsing`.
    var requestId: String?
    var eligibilityScheduleId: String?
}
