import Foundation

/// Two reviews, per access-reviews-contract.md: the Global Administrator eligibilities (one stage, Ada
/// and Ben review) and the members of a privileged access group (two stages: Ada first, then Ben),
/// with recommendations from each principal's last sign-in (Approve within 30 days of the start).
enum ReviewSeed {
    static let globalAdminReview = StableID.make("review:global-administrator")
    static let groupReview = StableID.make("review:itops-members")
    static let groupId = TenantSeed.Group.itopsRequireApproval
    static let day: TimeInterval = 86_400
    /// Members of the reviewed group besides the demo personas: enough for a second page of decisions.
    static let extraMembers = 10

    static func make(now: Date, state: TenantState) -> ReviewEstate {
        ReviewEstate(definitions: [globalAdmins(now: now, state: state), groupMembers(now: now, state: state)])
    }

    static func globalAdmins(now: Date, state: TenantState) -> ReviewSeries {
        let role = RoleCatalog.globalAdministrator
        let start = now.addingTimeInterval(-2 * day)
        let holders = state.eligibilities.filter { $0.kind == .role && $0.targetId == role }.map(\.principalId)
        let users = state.users.filter { holders.contains($0.id) }
        let items = users.enumerated().map { index, user in
            let signIn = now.addingTimeInterval(index == users.count - 1 ? -60 * day : -Double(index + 1) * day)
            return ReviewItem(
                id: StableID.make("review-item:ga:\(user.id)"), principalId: user.id, principalName: user.displayName,
                principalUPN: user.userPrincipalName, principalIsGroup: false,
                resource: ReviewedResource(id: role, displayName: "Global Administrator", type: "directoryRole"),
                lastSignIn: signIn, recommendation: recommendation(signIn, start: start))
        }
        let query =
            """
            /roleManagement/directory/roleEligibilityScheduleInstances?$expand=principal&$filter=\
            (isof(principal,'microsoft.graph.user') and roleDefinitionId eq '\(role)')
            """
        return ReviewSeries(
            id: globalAdminReview, displayName: "Global Administrator eligibilities",
            descriptionForReviewers: "Does each person still need to be able to activate Global Administrator?",
            scopeQuery: query, justificationRequired: true,
            instance: ReviewRound(
                id: StableID.make("review-instance:ga"), start: start, end: now.addingTimeInterval(12 * day),
                scopeQuery: "/v1.0" + query, stages: [], items: items),
            reviewers: [Persona.ada.objectId, Persona.ben.objectId])
    }

    static func groupMembers(now: Date, state: TenantState) -> ReviewSeries {
        let start = now.addingTimeInterval(-1 * day)
        let first = ReviewStagePeriod(
            id: StableID.make("review-stage:itops:1"), start: start, end: now.addingTimeInterval(6 * day),
            reviewers: [Persona.ada.objectId])
        let second = ReviewStagePeriod(
            id: StableID.make("review-stage:itops:2"), start: first.end, end: now.addingTimeInterval(13 * day),
            reviewers: [Persona.ben.objectId])
        var members: [(id: String, name: String, upn: String?)] = state.users
            .filter { [Persona.carl.objectId, Persona.dana.objectId].contains($0.id) }
            .map { ($0.id, $0.displayName, $0.userPrincipalName) }
        for n in 1...extraMembers {
            let number = n < 10 ? "0\(n)" : "\(n)"
            members.append(
                (StableID.make("review-member:\(n)"), "Ops Contractor \(number)", "ops\(number)@contoso.com"))
        }
        var items: [ReviewItem] = []
        for stage in [first, second] {
            for (index, member) in members.enumerated() {
                let signIn: Date? = index % 4 == 3 ? nil : now.addingTimeInterval(-Double(index * 9 + 1) * day)
                items.append(
                    ReviewItem(
                        id: StableID.make("review-item:itops:\(stage.id):\(member.id)"), stageId: stage.id,
                        principalId: member.id, principalName: member.name, principalUPN: member.upn,
                        principalIsGroup: false, resource: nil, lastSignIn: signIn,
                        recommendation: recommendation(signIn, start: start)))
            }
        }
        let query = "/groups/\(groupId)/transitiveMembers"
        return ReviewSeries(
            id: groupReview, displayName: "itops-sysadmin-prod-requireapproval members",
            descriptionForReviewers: "Does each member still need the production sysadmin group?",
            scopeQuery: query, justificationRequired: false,
            instance: ReviewRound(
                id: StableID.make("review-instance:itops"), start: start, end: second.end,
                scopeQuery: "/v1.0" + query, stages: [first, second], items: items),
            reviewers: [])
    }

    /// Approve when the principal signed in within 30 days of the review's start, Deny when longer ago,
    /// no information without a sign-in on record.
    static func recommendation(_ signIn: Date?, start: Date) -> String {
        guard let signIn else { return "NoInfoAvailable" }
        return start.timeIntervalSince(signIn) <= 30 * day ? "Approve" : "Deny"
    }
}
