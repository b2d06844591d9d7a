import Foundation

// What is in force: eligibilities (may activate) and assignments (active now, activated or assigned).

/// What an eligibility and an assignment both are: an instance of a schedule that gives a principal
/// access to a target at a scope. Their own fields come beside it; both read these by name.
struct TenantGrant: Codable, Sendable, Equatable {
    var id: String
    var scheduleId: String
    var kind: TargetKind
    var principalId: String
    var targetId: String
    var accessId: String?
    var directoryScopeId: String
}

@dynamicMemberLookup
struct TenantEligibility: Codable, Sendable, Equatable {
    var grant: TenantGrant
    var memberType: String
    var start: Date
    var end: Date?

    subscript<T>(dynamicMember keyPath: WritableKeyPath<TenantGrant, T>) -> T {
        get { grant[keyPath: keyPath] }
        set { grant[keyPath: keyPath] = newValue }
    }
}

@dynamicMemberLookup
struct TenantAssignment: Codable, Sendable, Equatable {
    var grant: TenantGrant
    /// `Activated` (from a PIM activation) or `Assigned` (direct, possibly time-bound).
    var assignmentType: String
    var memberType: String
    var start: Date?
    var end: Date?
    /// The request that created it (activations), for audit correlation and `activatedUsing`.
    var requestId: String?
    var eligibilityScheduleId: String?

    subscript<T>(dynamicMember keyPath: WritableKeyPath<TenantGrant, T>) -> T {
        get { grant[keyPath: keyPath] }
        set { grant[keyPath: keyPath] = newValue }
    }
}
