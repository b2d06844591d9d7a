import Foundation
import PIMDomain

extension ARMRoleService {
    /// The Azure dashboard: Z1, Z2, Z8 (asRequestor), Z9 with Z8 (asApprover), Z14 and Z15 in one batch,
    /// with the helpdesk's Z13 per subscription and the policies (Z4) of known scopes when the caches
    /// say so; a second batch only for what the first taught (new subscriptions, new scopes).
    public func dashboard(_ options: DashboardOptions, hints: AzureDashboardHints?) async -> AzureDashboard {
        let started = clock.now()
        let ttl = configuration.policyCacheTTL
        var items: [ARMBatchItem] = [
            .init(name: "eligible", request: ARMEndpoints.myEligibilities()),
            .init(name: "active", request: ARMEndpoints.myActiveAssignments()),
            .init(name: "myRequests", request: ARMEndpoints.requests(.asRequestor)),
            .init(name: "subscriptions", request: ARMEndpoints.subscriptions()),
            .init(name: "managementGroups", request: ARMEndpoints.managementGroups()),
        ]
        if options.includeApprovals {
            items.append(.init(name: "toApprove", request: ARMEndpoints.myApprovals()))
            items.append(.init(name: "approverRequests", request: ARMEndpoints.requests(.asApprover)))
        }
        let known = state.read { ($0.subscriptionIds, $0.namesReadAt, $0.eligibilityScopes) }
        let subscriptionsFresh = known.1.map { started.timeIntervalSince($0) < ttl } ?? false
        // A new process knows nothing yet: an earlier run's hints say what to ask in this first batch.
        let learnedNothing = known.0.isEmpty && known.2.isEmpty
        let hinted = learnedNothing ? hints : nil
        var elevationsAsked: [String] = []
        if options.includeElevations {
            elevationsAsked = subscriptionsFresh ? known.0 : hinted?.subscriptions ?? []
            items += Self.elevationItems(elevationsAsked)
        }
        var policyScopes: [String] = []
        if options.includePolicies {
            policyScopes = state.stalePolicyScopes(hinted?.policyScopes ?? known.2, now: started, ttl: ttl)
            items += Self.policyItems(policyScopes)
        }

        var responses: [String: HTTPResponse]
        do { responses = try await batch.send(items) } catch {
            let failure = PIMError.wrap(error)
            if Self.isAccessFailure(failure) { return AzureDashboard(unavailable: failure) }
            var failures: [DashboardSection: PIMError] = [.azureRoles: failure, .myRequests: failure]
            if options.includeApprovals { failures[.approvals] = failure }
            if options.includeElevations { failures[.elevations] = failure }
            return AzureDashboard(failures: failures)
        }
        if let first = responses["eligible"], !(200..<300).contains(first.status) {
            let failure = ARMErrorMapper.map(first)
            if Self.isAccessFailure(failure) { return AzureDashboard(unavailable: failure) }
        }

        let names = await scopeNames(from: responses, started: started)
        var part = AzureDashboard()
        var eligibilityScopes: [String] = []
        switch await list(ARMInstanceDTO.self, "eligible", in: responses, started: started) {
        case .success(let instances):
            part.eligibilities = instances.map { $0.eligibility(names: names) }
            eligibilityScopes = instances.map(\.properties.scope)
            state.rememberSchedules(instances)
        case .failure(let error): part.failures[.azureRoles] = error
        }
        switch await list(ARMInstanceDTO.self, "active", in: responses, started: started) {
        case .success(let instances):
            part.active = instances.map { $0.assignment(names: names) }
            // An active assignment without an eligibility (assigned for a time) still has a policy to show.
            eligibilityScopes += instances.map(\.properties.scope)
        case .failure(let error): part.failures[.azureRoles] = part.failures[.azureRoles] ?? error
        }
        switch await list(ARMRequestDTO.self, "myRequests", in: responses, started: started) {
        case .success(let requests):
            part.myRequests = GraphPIMService.newestFirst(requests.map { $0.request(names: names) })
        case .failure(let error): part.failures[.myRequests] = error
        }
        if options.includeApprovals {
            switch await approvalItems(from: responses, names: names, started: started) {
            case .success(let items): part.approvals = items
            case .failure(let error): part.failures[.approvals] = error
            }
        }
        if part.failures[.azureRoles] == nil {
            state.update { $0.eligibilityScopes = eligibilityScopes }
        }

        // What the first batch could not ask: elevations of subscriptions just learned, policies of new scopes.
        // Who decided my requests is not among them: reading their approvals would add a round trip to every
        // start, and the full screen reads them after the dashboard (`ReviewLookup`).
        var second: [ARMBatchItem] = []
        let subscriptionIds = state.read(\.subscriptionIds)
        let subscriptionsRead = responses["subscriptions"].map { (200..<300).contains($0.status) } == true
        var elevationsReady = false
        var laterSubscriptions: [String] = []
        if options.includeElevations {
            if subscriptionsRead {
                let asked = Set(elevationsAsked)
                laterSubscriptions = subscriptionIds.filter { !asked.contains($0) }
                second += Self.elevationItems(laterSubscriptions)
                elevationsReady = true
            } else if let response = responses["subscriptions"] {
                part.failures[.elevations] = ARMErrorMapper.map(response)
            }
        }
        var laterScopes: [String] = []
        if options.includePolicies {
            let asked = Set(policyScopes.map(ARMServiceState.scopeKey))
            laterScopes = state.stalePolicyScopes(eligibilityScopes, now: started, ttl: ttl).filter {
                !asked.contains(ARMServiceState.scopeKey($0))
            }
            second += Self.policyItems(laterScopes)
        }
        if !second.isEmpty {
            do { responses.merge(try await batch.send(second)) { _, new in new } } catch {
                let failure = PIMError.wrap(error)
                // Only what this batch asked failed.
                if elevationsReady, !laterSubscriptions.isEmpty, part.failures[.elevations] == nil {
                    part.failures[.elevations] = failure
                }
                if !laterScopes.isEmpty { part.failures[.policies] = failure }
            }
        }
        // The reviews this process has read already cost nothing to show.
        part.myRequests = applyingReviews(to: part.myRequests, reads: [], responses: [:])
        if options.includeElevations, elevationsReady, part.failures[.elevations] == nil {
            switch await elevations(subscriptionIds, from: responses, names: names, started: started) {
            case .success(let list): part.elevations = list
            case .failure(let error): part.failures[.elevations] = error
            }
        }
        if options.includePolicies {
            if let failure = await storePolicies(policyScopes + laterScopes, from: responses, started: started),
                part.failures[.policies] == nil
            {
                part.failures[.policies] = failure
            }
            part.policies = state.policies(for: part.eligibilities.map(\.target.id) + part.active.map(\.target.id))
        }
        if part.failures[.azureRoles] == nil, subscriptionsRead {
            // Sorted and without repeats, so an unchanged estate leaves the hints file as it is.
            let scopes = Set(eligibilityScopes.map { AzureScope($0).canonical })
            part.hints = AzureDashboardHints(policyScopes: scopes.sorted(), subscriptions: subscriptionIds.sorted())
        }
        return part
    }

    /// Named by subscription, so a first batch asked from hints and a second for the rest read alike.
    static func elevationItems(_ subscriptionIds: [String]) -> [ARMBatchItem] {
        subscriptionIds.map {
            ARMBatchItem(
                name: elevationItemName($0), request: ARMEndpoints.subscriptionAssignments(subscriptionId: $0))
        }
    }

    static func elevationItemName(_ subscriptionId: String) -> String { "elevations-" + subscriptionId.lowercased() }

    static func policyItems(_ scopes: [String]) -> [ARMBatchItem] {
        scopes.map { ARMBatchItem(name: policyItemName($0), request: ARMEndpoints.policyAssignments(at: $0)) }
    }

    /// A batch name for a scope's policy read: letters and digits kept, anything else as `_XX` (hex), so
    /// the name is plain and two scopes never share one.
    static func policyItemName(_ scope: String) -> String {
        var name = "policies-"
        for byte in ARMServiceState.scopeKey(scope).utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7a) {
                name.append(Character(Unicode.Scalar(byte)))
            } else {
                name += "_" + String(byte, radix: 16, uppercase: true)
            }
        }
        return name
    }

    /// Stores each scope's policies, every page of them (a scope has a policy per role, hundreds of them).
    /// A 403 (`AuthorizationFailed`: an eligible user may not read the policy) caches "unknown" so the
    /// activation's own answer decides; any other failure is returned.
    func storePolicies(
        _ scopes: [String], from responses: [String: HTTPResponse], started: Date
    ) async -> PIMError? {
        var firstFailure: PIMError?
        for scope in scopes {
            guard let response = responses[Self.policyItemName(scope)] else { continue }
            if response.status == 403 {
                state.storePolicies([], scope: scope, at: started)
                continue
            }
            do {
                let assignments = try await client.collect(
                    Lenient<ARMPolicyAssignmentDTO>.self, from: response, started: started)
                state.storePolicies(assignments.compactMap(\.value), scope: scope, at: started)
            } catch {
                if firstFailure == nil { firstFailure = PIMError.wrap(error) }
            }
        }
        return firstFailure
    }

    /// Active elevations (`Activated`) on the subscriptions; a subscription that refuses (403) is skipped,
    /// any other failure makes the listing incomplete.
    func elevations(
        _ subscriptionIds: [String], from responses: [String: HTTPResponse], names: ARMScopeNames, started: Date
    ) async -> Result<[ActiveAssignment], PIMError> {
        var found: [ActiveAssignment] = []
        var seen: Set<String> = []
        for subscriptionId in subscriptionIds {
            let name = Self.elevationItemName(subscriptionId)
            if responses[name]?.status == 403 { continue }
            switch await list(ARMInstanceDTO.self, name, in: responses, started: started) {
            case .success(let instances):
                for instance in instances where instance.properties.assignmentType?.lowercased() == "activated" {
                    // An instance at a management group shows under every subscription below it: once is enough.
                    guard seen.insert(instance.id ?? instance.name).inserted else { continue }
                    found.append(instance.assignment(names: names))
                }
            case .failure(let error): return .failure(error)
            }
        }
        return .success(GraphPIMService.soonestEndFirst(found))
    }

    /// Requests waiting for me (Z8 asApprover, pending ones) with their approvals (Z9), oldest first.
    func approvalItems(
        from responses: [String: HTTPResponse], names: ARMScopeNames, started: Date
    ) async -> Result<[ApprovalItem], PIMError> {
        let approvals: [ARMApprovalDTO]
        switch await list(ARMApprovalDTO.self, "toApprove", in: responses, started: started) {
        case .success(let list): approvals = list
        case .failure(let error): return .failure(error)
        }
        let requests: [ARMRequestDTO]
        switch await list(ARMRequestDTO.self, "approverRequests", in: responses, started: started) {
        case .success(let list): requests = list
        case .failure(let error): return .failure(error)
        }
        var byName: [String: Approval] = [:]
        for approval in approvals { byName[approval.name.lowercased()] = approval.approval }
        let items = requests.map { $0.request(names: names) }.filter { $0.status.isPending }.map { request in
            ApprovalItem(request: request, approval: request.approvalId.flatMap { byName[$0.lowercased()] })
        }
        return .success(GraphPIMService.oldestFirst(items))
    }

    public func policies(for targets: [ElevationTarget]) async throws -> [TargetID: ActivationPolicy] {
        let ids = targets.filter { $0.kind == .azureRole }.map(\.id)
        let stale = state.stalePolicyScopes(
            ids.compactMap(\.scope), now: clock.now(), ttl: configuration.policyCacheTTL)
        if !stale.isEmpty {
            let started = clock.now()
            let responses = try await batch.send(Self.policyItems(stale))
            if let failure = await storePolicies(stale, from: responses, started: started) { throw failure }
        }
        return state.policies(for: ids)
    }

    public func myRequests() async throws -> [ElevationRequest] {
        let names = state.read(\.names)
        let requests = try await client.collect(ARMRequestDTO.self, ARMEndpoints.requests(.asRequestor))
        return await withReviews(GraphPIMService.newestFirst(requests.map { $0.request(names: names) }))
    }

    public func pendingApprovals() async throws -> [ApprovalItem] {
        let started = clock.now()
        let responses = try await batch.send([
            .init(name: "toApprove", request: ARMEndpoints.myApprovals()),
            .init(name: "approverRequests", request: ARMEndpoints.requests(.asApprover)),
        ])
        return try await approvalItems(from: responses, names: state.read(\.names), started: started).get()
    }

    public func tenantElevations() async throws -> [ActiveAssignment] {
        let started = clock.now()
        let subscriptions = try await client.collect(ARMSubscriptionDTO.self, ARMEndpoints.subscriptions())
        let ids = subscriptions.map(\.subscriptionId)
        let read = ARMScopeNames(subscriptions: subscriptions, managementGroups: [])
        state.update {
            $0.names.merge(read)
            $0.subscriptionIds = ids
        }
        let responses = try await batch.send(Self.elevationItems(ids))
        return try await elevations(ids, from: responses, names: state.read(\.names), started: started).get()
    }
}
