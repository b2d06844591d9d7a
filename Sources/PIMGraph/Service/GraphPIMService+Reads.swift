import Foundation
import PIMDomain

extension GraphPIMService {
    func graphPolicies(for targets: [ElevationTarget]) async throws -> [TargetID: ActivationPolicy] {
        try await wrapped {
            let now = clock.now()
            let ids = Array(Set(targets.map(\.id)))
            state.remember(targets)
            let missing = state.cachedPolicies(ids, now: now, ttl: configuration.policyCacheTTL).missing
            if !missing.isEmpty {
                var reader = BatchReader(client: client)
                var reads = PolicyReads()
                reads.add(missing)
                try await reader.load(reads.items(from: 0, id: ReadID.policy))
                var failures: [DashboardSection: PIMError] = [:]
                for (n, key) in reads.keys.enumerated() {
                    if let assignments = reader.policyAssignments(ReadID.policy(n), section: .policies, into: &failures)
                    {
                        let policy = Self.policy(from: assignments)
                        state.storePolicy(policy, for: key, at: now)
                    }
                }
                if let failure = failures[.policies], reader.successCount == 0 { throw failure }
            }
            return state.cachedPolicies(ids, now: now, ttl: .infinity).fresh
        }
    }

    /// My role and group requests, newest first. When the client does not know target names yet, the
    /// eligibility and assignment listings ride along in the same batch.
    func graphRequests() async throws -> [ElevationRequest] {
        try await wrapped {
            var items: [BatchItem] = [
                .init(id: ReadID.myRoleReqs, request: Endpoints.Roles.myRequests()),
                .init(id: ReadID.myGroupReqs, request: Endpoints.Groups.myRequests()),
            ]
            let needNames = state.read { $0.names.isEmpty }
            if needNames {
                items += [
                    .init(id: ReadID.eligRoles, request: Endpoints.Roles.myEligibilities()),
                    .init(id: ReadID.actRoles, request: Endpoints.Roles.myActive()),
                    .init(id: ReadID.eligGroups, request: Endpoints.Groups.myEligibilities()),
                    .init(id: ReadID.actGroups, request: Endpoints.Groups.myActive()),
                ]
            }
            var reader = BatchReader(client: client)
            try await reader.load(items)
            var failures: [DashboardSection: PIMError] = [:]
            if needNames {
                let roles =
                    await reader.list(RoleInstanceDTO.self, ReadID.eligRoles, section: .eligibleRoles, into: &failures)
                    + reader.list(RoleInstanceDTO.self, ReadID.actRoles, section: .activeRoles, into: &failures)
                let groups =
                    await reader.list(
                        GroupInstanceDTO.self, ReadID.eligGroups, section: .eligibleGroups, into: &failures)
                    + reader.list(GroupInstanceDTO.self, ReadID.actGroups, section: .activeGroups, into: &failures)
                state.remember(roles.map(\.target) + groups.map(\.target))
            }
            let lists = try Self.whole([
                (.myRequests, await reader.listResult(ScheduleRequestDTO.self, ReadID.myRoleReqs)),
                (.myRequests, await reader.listResult(ScheduleRequestDTO.self, ReadID.myGroupReqs)),
            ])
            let names = state.read { $0.names }
            return await withReviews(Self.newestFirst(lists.map { $0.request(names: names) }))
        }
    }

    /// Requests waiting for my decision, oldest first, each with its approval (group approvals from one
    /// v1.0 batch, role approvals from one beta batch: beta URLs cannot go in a v1.0 batch).
    func graphApprovals() async throws -> [ApprovalItem] {
        try await wrapped {
            var reader = BatchReader(client: client)
            try await reader.load([
                .init(id: ReadID.apprRoles, request: Endpoints.Roles.toApprove()),
                .init(id: ReadID.apprGroups, request: Endpoints.Groups.toApprove()),
            ])
            let lists = try Self.whole([
                (.approvals, await reader.listResult(ScheduleRequestDTO.self, ReadID.apprRoles)),
                (.approvals, await reader.listResult(ScheduleRequestDTO.self, ReadID.apprGroups)),
            ])
            let names = state.read { $0.names }
            var items = lists.map { ApprovalItem(request: $0.request(names: names)) }

            var approvals = BatchReader(client: client)
            for family in Endpoints.graphFamilies {
                let api = try Endpoints.of(family)
                let reads = items.enumerated().filter { $0.element.request.target.kind.family == family }.map {
                    BatchItem(id: "a\($0.offset)", request: api.approval(id: Self.approvalId($0.element.request)))
                }
                try? await approvals.load(reads, version: api.approvalVersion)
            }
            var ignored: [DashboardSection: PIMError] = [:]
            for index in items.indices {
                items[index].approval =
                    approvals.one(ApprovalDTO.self, "a\(index)", section: .approvals, into: &ignored)?.approval
            }
            return Self.oldestFirst(items)
        }
    }

    /// Approves or denies. The approval is read fresh (its stage may have closed meanwhile): directory
    /// roles through beta `roleAssignmentApprovals/{id}/steps/{id}`, groups through v1.0
    /// `assignmentApprovals/{id}/stages/{id}`.
    public func decide(_ item: ApprovalItem, _ decision: ApprovalDecision, justification: String) async throws {
        if let azure = try azureSide(for: item.request.target) {
            return try await wrapped {
                try await azure.decide(item, decision, justification: justification, principalId: try? await myId())
            }
        }
        try await wrapped {
            let request = item.request
            let id = Self.approvalId(request)
            let api = try Endpoints.of(request.target.kind)
            let read = api.approval(id: id)
            let approval = try client.decode(ApprovalDTO.self, from: try await client.send(read)).approval
            guard let stage = approval.openStageForMe else {
                if approval.stages.contains(where: {
                    $0.reviewResult != .notReviewed || $0.status.caseInsensitiveCompare("Completed") == .orderedSame
                }) {
                    throw await alreadyDecided(request, approval: approval, from: nil)
                }
                throw PIMError(
                    .forbidden, "No open approval stage of this request is assigned to you",
                    step: .refresh(.notYours))
            }
            let patch = api.review(approvalId: id, stageId: stage.id, decision: decision, justification: justification)
            do { _ = try await client.sendWrite(patch) } catch let error as PIMError {
                let mapped = GraphErrorMapper.decided(error)
                guard mapped.kind == .alreadyDecided else { throw mapped }
                throw await alreadyDecided(request, approval: nil, from: mapped)
            }
        }
    }

    /// What became of a request that does not wait for my decision (any longer), as the error to
    /// report; nil when it still waits or cannot be read. Tries roles, then groups.
    public func whyNotWaiting(requestId: String) async -> PIMError? {
        if let azure, let known = await azure.whyNotWaiting(requestId: requestId, principalId: try? await myId()) {
            return known
        }
        for family in Endpoints.graphFamilies {
            guard let read = try? Endpoints.of(family).request(id: requestId) else { continue }
            guard let response = try? await client.send(read),
                let found = try? client.decode(ScheduleRequestDTO.self, from: response).request()
            else { continue }
            guard !found.status.isPending else { return nil }
            return await alreadyDecided(found, status: found.status, approval: nil, from: nil)
        }
        return nil
    }

    /// The `.alreadyDecided` error in words: the request's current status and its approval's
    /// decisions are read from Graph (unless the caller has just read them), so the sentence says who
    /// ended the wait and when.
    func alreadyDecided(
        _ request: ElevationRequest, status knownStatus: RequestStatus? = nil, approval known: Approval?,
        from original: PIMError?
    ) async -> PIMError {
        guard let api = try? Endpoints.of(request.target.kind) else { return original ?? Endpoints.notGraph }
        var status = knownStatus
        if status == nil {
            let read = api.request(id: request.id)
            status = try? client.decode(ScheduleRequestDTO.self, from: await client.send(read)).request().status
        }
        var approval = known
        if approval == nil {
            let id = Self.approvalId(request)
            let approvalRead = api.approval(id: id)
            approval = try? client.decode(ApprovalDTO.self, from: await client.send(approvalRead)).approval
        }
        let me = try? await myId()
        var error = original ?? PIMError(.alreadyDecided, "")
        error.kind = .alreadyDecided
        if let words = DecidedOutcome.words(status: status, approval: approval, me: me) {
            error.outcome = words
            error.event = "Request \(request.id) was already \(words): nothing is left to decide."
            error.step = .none
        } else {
            error.event = "Request \(request.id) was already decided by someone else"
            error.step = .refresh(.decidedElsewhere)
        }
        return error
    }

    /// Every activated role in the tenant plus activated memberships of the groups the client knows (Graph
    /// lists group assignments only per group), soonest end first.
    func graphElevations() async throws -> [ActiveAssignment] {
        try await wrapped {
            var reader = BatchReader(client: client)
            var items: [BatchItem] = [.init(id: ReadID.elevRoles, request: Endpoints.Roles.tenantActivated())]
            var groups = state.read { $0.knownGroups }
            if groups.isEmpty {
                items += [
                    .init(id: ReadID.eligGroups, request: Endpoints.Groups.myEligibilities()),
                    .init(id: ReadID.actGroups, request: Endpoints.Groups.myActive()),
                ]
            }
            items += groups.enumerated().map {
                .init(id: ReadID.elevGroup($0.offset), request: Endpoints.Groups.assignments(groupId: $0.element))
            }
            try await reader.load(items)
            // Groups the client cannot find are group elevations it cannot list: a failure of the elevations.
            var elevationFailures: [DashboardSection: PIMError] = [:]
            if groups.isEmpty {
                let found =
                    await reader.list(
                        GroupInstanceDTO.self, ReadID.eligGroups, section: .elevations, into: &elevationFailures)
                    + reader.list(
                        GroupInstanceDTO.self, ReadID.actGroups, section: .elevations, into: &elevationFailures)
                state.remember(found.map(\.target))
                groups = state.read { $0.knownGroups }
                try await reader.load(
                    groups.enumerated().map {
                        .init(
                            id: ReadID.elevGroup($0.offset), request: Endpoints.Groups.assignments(groupId: $0.element))
                    })
            }
            var list = await reader.list(
                RoleInstanceDTO.self, ReadID.elevRoles, section: .elevations, into: &elevationFailures
            ).map(\.assignment)
            let names = state.read { $0.names }
            for n in groups.indices {
                let instances = await reader.list(
                    GroupInstanceDTO.self, ReadID.elevGroup(n), section: .elevations, into: &elevationFailures)
                list += Self.named(instances.map(\.assignment).filter { $0.assignmentType == .activated }, names)
            }
            if let failure = elevationFailures[.elevations] {
                if reader.successCount == 0 { throw failure }
                throw PIMError.incomplete(elevationFailures)
            }
            return Self.soonestEndFirst(list)
        }
    }

    /// Mine: my role and group requests as events. Tenant-wide: the PIM audit log (needs audit rights).
    public func auditHistory(_ query: AuditQuery) async throws -> [AuditEvent] {
        try await wrapped {
            var events: [AuditEvent]
            if query.tenantWide {
                do {
                    events = try await client.collect(
                        DirectoryAuditDTO.self, Endpoints.directoryAudits(since: query.since)
                    ).map(\.event)
                } catch let error as PIMError where error.kind == .forbidden {
                    var explained = error
                    explained.event =
                        "Reading the tenant's PIM audit log needs AuditLog.Read.All and "
                        + "Directory.Read.All "
                        + "and a Reports Reader or Security Reader role"
                    explained.step = .signIn(.auditScopes)
                    throw explained
                }
            } else {
                events = try await myRequests().map(\.auditEvent)
                if let since = query.since { events = events.filter { $0.date >= since } }
            }
            events.sort { $0.date > $1.date }
            if let limit = query.limit { events = Array(events.prefix(limit)) }
            return events
        }
    }

    /// The approval id of a request (the same GUID as the request for PIM).
    static func approvalId(_ request: ElevationRequest) -> String {
        request.approvalId.flatMap { $0.isEmpty ? nil : $0 } ?? request.id
    }

    /// The items of every list, or an error: the first failure when every read failed, else
    /// `PIMError.incomplete` naming the sections missing (a 403 on the group half included: a shorter
    /// list printed as if whole is what a script must never get).
    static func whole<T>(_ results: [(DashboardSection, Result<[T], PIMError>)]) throws -> [T] {
        var items: [T] = []
        var failures: [DashboardSection: PIMError] = [:]
        var first: PIMError?
        for (section, result) in results {
            switch result {
            case .success(let list): items += list
            case .failure(let error):
                first = first ?? error
                if failures[section] == nil { failures[section] = error }
            }
        }
        guard let first else { return items }
        if results.allSatisfy({ if case .failure = $0.1 { true } else { false } }) { throw first }
        throw PIMError.incomplete(failures)
    }
}
