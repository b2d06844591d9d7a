import Foundation
import PIMDomain

extension GraphPIMService {
    /// Ids of the reads inside the dashboard batch.
    enum ReadID {
        static let me = "me", eligRoles = "eligRoles", actRoles = "actRoles", eligGroups = "eligGroups"
        static let actGroups = "actGroups", myRoleReqs = "myRoleReqs", myGroupReqs = "myGroupReqs"
        static let apprRoles = "apprRoles", apprGroups = "apprGroups", elevRoles = "elevRoles"
        static let decidedRoles = "decidedRoles", decidedGroups = "decidedGroups"
        static func elevGroup(_ n: Int) -> String { "elevGroup\(n)" }
        static func policy(_ n: Int) -> String { "policy\(n)" }
    }

    /// One batch for everything; a second only for what the first revealed (policies of new targets,
    /// assignments of newly seen groups). A refresh with cached policies and known groups is one round
    /// trip, and so is a new process's first load when `hints` remember the targets and groups. Access
    /// reviews the first batch does not complete follow the dashboard (`followReviews`) instead of holding it.
    /// - Parameter started: the hints of earlier runs, on this process's first load.
    /// - Returns: the dashboard, and the hints it taught for the next run (nil when it could not tell).
    func graphDashboard(
        _ options: DashboardOptions, started: DashboardHints?
    ) async throws -> (dashboard: Dashboard, hints: DashboardHints?) {
        try await wrapped {
            let countBefore = client.counter.value
            let now = clock.now()
            let ttl = configuration.policyCacheTTL
            var items: [BatchItem] = [
                .init(id: ReadID.me, request: Endpoints.me()),
                .init(id: ReadID.eligRoles, request: Endpoints.Roles.myEligibilities()),
                .init(id: ReadID.actRoles, request: Endpoints.Roles.myActive()),
                .init(id: ReadID.eligGroups, request: Endpoints.Groups.myEligibilities()),
                .init(id: ReadID.actGroups, request: Endpoints.Groups.myActive()),
                .init(id: ReadID.myRoleReqs, request: Endpoints.Roles.myRequests()),
                .init(id: ReadID.myGroupReqs, request: Endpoints.Groups.myRequests()),
            ]
            if options.includeApprovals {
                items.append(.init(id: ReadID.apprRoles, request: Endpoints.Roles.toApprove()))
                items.append(.init(id: ReadID.apprGroups, request: Endpoints.Groups.toApprove()))
            }
            var groupsAsked: [String] = []
            if options.includeElevations {
                items.append(.init(id: ReadID.elevRoles, request: Endpoints.Roles.tenantActivated()))
                groupsAsked = Self.unique(state.read { $0.knownGroups } + (started?.groups ?? []))
            }
            var policiesAsked: [TargetID] = []
            if options.includePolicies {
                let known = state.read { Array($0.names.keys) } + (started?.policyTargets ?? [])
                policiesAsked = state.cachedPolicies(known, now: now, ttl: ttl).missing
            }
            var reader = BatchReader(client: client)
            items += groupsAsked.enumerated().map {
                .init(id: ReadID.elevGroup($0.offset), request: Endpoints.Groups.assignments(groupId: $0.element))
            }
            var policyReads = PolicyReads()
            policyReads.add(policiesAsked)
            items += policyReads.items(from: 0, id: ReadID.policy)
            // What my groups give: the groups of the last load or start, asked in this first batch.
            var confersReads = ConfersReads()
            items += confersReads.add(Self.unique(state.read { $0.knownGroups } + (started?.groups ?? [])))
            // Access reviews: the series, and the periods the last load (or start) found in progress.
            if options.includeAccessReviews {
                let remembered = state.read { $0.reviewPeriods ?? $0.hints?.reviews }
                items += ReviewReads.items(hinted: remembered ?? started?.reviews ?? [])
            }
            try await reader.load(items)
            // Access reviews: whole from the first batch's answers, or followed by a chain started now, so
            // its next level goes out with this dashboard's second batch.
            var reviewsRead: ReviewReads.Outcome?
            if options.includeAccessReviews {
                reviewsRead = await ReviewReads.answered(&reader)
                let chain = reviewsRead == nil ? followReviews(from: reader) : nil
                state.update { $0.reviewChain = chain }
            }

            // My roles and groups.
            var failures: [DashboardSection: PIMError] = [:]
            let meDTO: PrincipalDTO? = reader.one(PrincipalDTO.self, ReadID.me, section: .me, into: &failures)
            let me = meDTO?.principal(fallbackId: "") ?? state.read { $0.me } ?? Principal(id: "")
            if meDTO != nil { state.update { $0.me = me } }
            let eligibleRoles = await reader.list(
                RoleInstanceDTO.self, ReadID.eligRoles, section: .eligibleRoles, into: &failures)
            let activeRoles = await reader.list(
                RoleInstanceDTO.self, ReadID.actRoles, section: .activeRoles, into: &failures)
            let eligibleGroups = await reader.list(
                GroupInstanceDTO.self, ReadID.eligGroups, section: .eligibleGroups, into: &failures)
            let activeGroups = await reader.list(
                GroupInstanceDTO.self, ReadID.actGroups, section: .activeGroups, into: &failures)
            let eligibilities = eligibleRoles.map(\.eligibility) + eligibleGroups.map(\.eligibility)
            let active = activeRoles.map(\.assignment) + activeGroups.map(\.assignment)
            // Closures, not key paths, over 10,000 eligibilities: a key path through a dynamic member
            // (`Eligibility.target`) is applied at run time.
            state.remember(eligibilities.map { $0.target } + active.map(\.target))
            let names = state.read { $0.names }
            let targets = Array(Set(eligibilities.map { $0.target.id } + active.map(\.target.id)))
            let knownGroups = state.read { $0.knownGroups }

            let roleRequests = await reader.list(
                ScheduleRequestDTO.self, ReadID.myRoleReqs, section: .myRequests, into: &failures)
            let groupRequests = await reader.list(
                ScheduleRequestDTO.self, ReadID.myGroupReqs, section: .myRequests, into: &failures)
            let myRequests = Self.newestFirst((roleRequests + groupRequests).map { $0.request(names: names) })

            var approvals: [ApprovalItem] = []
            if options.includeApprovals {
                let roles = await reader.list(
                    ScheduleRequestDTO.self, ReadID.apprRoles, section: .approvals, into: &failures)
                let groups = await reader.list(
                    ScheduleRequestDTO.self, ReadID.apprGroups, section: .approvals, into: &failures)
                approvals = Self.oldestFirst((roles + groups).map { ApprovalItem(request: $0.request(names: names)) })
            }

            // Second round: whatever the first revealed (nothing, when the hints were right).
            var second: [BatchItem] = []
            let myGroups = Self.unique(
                (eligibilities.map { $0.target } + active.map(\.target)).filter { $0.kind.isGroup }.map {
                    $0.id.resourceId
                })
            let confersLater = confersReads.add(myGroups)
            second += confersLater
            var newGroups: [String] = []
            if options.includeElevations {
                newGroups = knownGroups.filter { !groupsAsked.contains($0) }
                second += newGroups.enumerated().map {
                    .init(
                        id: ReadID.elevGroup(groupsAsked.count + $0.offset),
                        request: Endpoints.Groups.assignments(groupId: $0.element))
                }
            }
            var newPolicies: [TargetID] = []
            if options.includePolicies {
                let askedKeys = Set(policyReads.keys)
                newPolicies = state.cachedPolicies(targets, now: now, ttl: ttl).missing.filter {
                    !askedKeys.contains(PolicyReads.key($0))
                }
                let firstReads = policyReads.keys.count
                policyReads.add(newPolicies)
                second += policyReads.items(from: firstReads, id: ReadID.policy)
            }
            if !second.isEmpty {
                do { try await reader.load(second) } catch {
                    let failure = PIMError.wrap(error)
                    if !newPolicies.isEmpty { failures[.policies] = failure }
                    if !newGroups.isEmpty { failures[.elevations] = failure }
                }
            }
            let (confers, confersUnread) = await confersReads.read(
                reader, groups: Set(myGroups), roleNames: Self.roleNames(names), scopeNames: Self.scopeNames(names))

            var elevations: [ActiveAssignment] = []
            if options.includeElevations {
                elevations = await reader.list(
                    RoleInstanceDTO.self, ReadID.elevRoles, section: .elevations, into: &failures
                ).map(\.assignment)
                for (n, group) in (groupsAsked + newGroups).enumerated() where knownGroups.contains(group) {
                    let instances = await reader.list(
                        GroupInstanceDTO.self, ReadID.elevGroup(n), section: .elevations, into: &failures)
                    elevations += Self.named(
                        instances.map(\.assignment).filter { $0.assignmentType == .activated }, names)
                }
                elevations = Self.soonestEndFirst(elevations)
            }

            var policies: [TargetID: ActivationPolicy] = [:]
            if options.includePolicies {
                let neededKeys = Set(targets.map(PolicyReads.key))
                for (n, key) in policyReads.keys.enumerated() {
                    // A hinted read no current target needs is used if it answered, never reported if not.
                    var outcome: [DashboardSection: PIMError] = [:]
                    if let assignments = reader.policyAssignments(ReadID.policy(n), section: .policies, into: &outcome)
                    {
                        state.storePolicy(Self.policy(from: assignments), for: key, at: now)
                    } else if neededKeys.contains(key), let failure = outcome[.policies] {
                        failures[.policies] = failure
                    }
                }
                policies = state.cachedPolicies(targets, now: now, ttl: .infinity).fresh
            }

            var accessReviews: [AccessReviewDecision] = []
            var reviewPeriods: [AccessReviewScope]?
            if let read = reviewsRead {
                accessReviews = read.decisions
                if let failure = read.failure {
                    failures[.accessReviews] = failure
                } else {
                    reviewPeriods = read.periods
                    state.update { $0.reviewPeriods = read.periods }
                }
            }

            let sectionsComplete = [DashboardSection.me, .eligibleRoles, .activeRoles, .eligibleGroups, .activeGroups]
                .allSatisfy { failures[$0] == nil }
            var learned: DashboardHints?
            if sectionsComplete, !me.id.isEmpty {
                // One key per policy (a few dozen, whatever the number of rows), in a stable order so an
                // unchanged set is not written again.
                var reads = PolicyReads()
                reads.add(targets)
                let keys = reads.keys.sorted { $0.description < $1.description }
                learned = DashboardHints(
                    userId: me.id, policyTargets: keys, groups: knownGroups,
                    reviews: reviewPeriods ?? state.read { $0.hints?.reviews })
            }

            let attempted = reader.responses.count
            if attempted > 0, failures.count >= 1, reader.successCount == 0,
                let first = failures[.me] ?? failures.values.first
            {
                throw first
            }
            let dashboard = Dashboard(
                me: me, eligibilities: eligibilities, active: active, myRequests: myRequests,
                approvals: approvals, elevations: elevations,
                history: options.includeHistory ? myRequests.map(\.auditEvent) : [],
                policies: policies, failures: failures, requestCount: client.counter.value - countBefore,
                confers: confers, confersUnread: confersUnread, accessReviews: accessReviews,
                accessReviewsFollow: options.includeAccessReviews && reviewsRead == nil)
            return (dashboard, learned)
        }
    }

    /// Reads the rest of the access review chain from the first batch's review answers, on its own
    /// client (its round trips overlap the dashboard's and are counted apart), and remembers the periods
    /// it finds for the next load's first batch.
    func followReviews(from reader: BatchReader) -> Task<ReviewReads.Outcome, Never> {
        var seed = BatchReader(client: followingClient)
        seed.responses = ReviewReads.seed(from: reader)
        let state = self.state
        let hints = self.hints
        return Task {
            var reader = seed
            let outcome = await ReviewReads.read(&reader)
            if outcome.failure == nil { state.keepReviewPeriods(outcome.periods, in: hints) }
            return outcome
        }
    }

    /// Role definition id → name, from the directory roles the dashboard has named.
    static func roleNames(_ names: TargetNames) -> [String: String] {
        var result: [String: String] = [:]
        for target in names.values where target.kind == .directoryRole && target.displayName != target.id.resourceId {
            result[target.id.resourceId] = target.displayName
        }
        return result
    }

    /// Directory scope id → name, for the administrative units the dashboard has named.
    static func scopeNames(_ names: TargetNames) -> [String: String] {
        var result: [String: String] = [:]
        for target in names.values where target.kind == .directoryRole {
            if let scope = target.id.scope, scope != "/", let name = target.scopeName { result[scope] = name }
        }
        return result
    }

    /// `list` without repeats, in first-seen order.
    static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }

    static func newestFirst(_ requests: [ElevationRequest]) -> [ElevationRequest] {
        requests.sorted { ($0.createdAt ?? .distantPast) > ($1.createdAt ?? .distantPast) }
    }

    static func oldestFirst(_ items: [ApprovalItem]) -> [ApprovalItem] {
        items.sorted { ($0.request.createdAt ?? .distantPast) < ($1.request.createdAt ?? .distantPast) }
    }

    static func soonestEndFirst(_ list: [ActiveAssignment]) -> [ActiveAssignment] {
        list.sorted { ($0.end ?? .distantFuture) < ($1.end ?? .distantFuture) }
    }

    /// Fills in group names the listing did not expand, from the targets already known.
    static func named(_ list: [ActiveAssignment], _ names: TargetNames) -> [ActiveAssignment] {
        list.map { item in
            var copy = item
            if let known = names[item.target.id], item.target.displayName == item.target.id.resourceId {
                copy.target = known
            }
            return copy
        }
    }

    static func policy(from assignments: [PolicyAssignmentDTO]) -> ActivationPolicy? {
        assignments.lazy.compactMap(\.activationPolicy).first
    }
}
