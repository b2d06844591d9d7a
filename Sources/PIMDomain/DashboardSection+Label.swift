extension DashboardSection {
    /// The section as a user names it, for "Could not load …" sentences.
    public var label: String {
        switch self {
        case .me: "your profile"
        case .eligibleRoles: "your eligible roles"
        case .activeRoles: "your active roles"
        case .eligibleGroups: "your eligible groups"
        case .activeGroups: "your active groups"
        case .myRequests: "your requests"
        case .approvals: "the requests waiting for your approval"
        case .elevations: "the tenant's elevations"
        case .history: "the history"
        case .policies: "the role and group policies"
        case .azureRoles: "your Azure roles"
        case .accessReviews: "your access reviews"
        }
    }
}
