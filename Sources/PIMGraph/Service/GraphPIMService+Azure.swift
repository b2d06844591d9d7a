import Foundation
import PIMDomain

/// Where Graph and Azure Resource Manager meet: every Azure target goes to the `AzureRoleService`, and
/// every listing is Graph's and ARM's read at the same time and merged in one order. When ARM cannot
/// be reached for want of a token, listings are Graph's alone and the dashboard says why once.
extension GraphPIMService {
    /// The Azure side for an Azure target; nil for a directory role or group. An Azure target without
    /// an Azure side (no token could be had) is refused with the reason.
    func azureSide(for target: ElevationTarget) throws(PIMError) -> (any AzureRoleService)? {
        guard target.kind.family.isAzureResourceManager else { return nil }
        guard let azure else { throw Self.noAzure }
        return azure
    }

    static let noAzure = PIMError(
        .signInRequired, "Azure roles need an Azure Resource Manager token, and none could be had",
        step: .getAzureAccess(.noToken))

    /// The Graph batch and the ARM reads go out together; the screen waits for the slower. What both
    /// learned is kept for the next run in one hints file, so a later start is one round trip on each side.
    public func loadDashboard(_ options: DashboardOptions) async throws -> Dashboard {
        let started = state.startingHints(from: hints)
        guard let azure else {
            let (dashboard, learned) = try await graphDashboard(options, started: started)
            if let learned { state.keep(learned, in: hints) }
            return dashboard
        }
        let armBefore = azure.exchangeCount
        async let azurePart = azure.dashboard(options, hints: started?.azure)
        var dashboard: Dashboard
        var learned: DashboardHints?
        do { (dashboard, learned) = try await graphDashboard(options, started: started) } catch {
            _ = await azurePart
            throw error
        }
        let part = await azurePart
        if var learned {
            // A read that could not tell keeps what the last one learned.
            learned.azure = part.hints ?? state.read { $0.hints?.azure }
            state.keep(learned, in: hints)
        }
        dashboard.eligibilities += part.eligibilities
        dashboard.active += part.active
        // Azure roles my groups hold come with my own Azure rows (held through the group): no extra call.
        for (group, roles) in ConferredRole.azure(eligibilities: part.eligibilities, active: part.active) {
            guard let key = dashboard.confers.keys.first(where: { $0.caseInsensitiveCompare(group) == .orderedSame })
            else { continue }
            dashboard.confers[key] = ConferredRole.ordered(dashboard.confers[key, default: []] + roles)
        }
        dashboard.myRequests = Self.newestFirst(dashboard.myRequests + part.myRequests)
        if options.includeApprovals { dashboard.approvals = Self.oldestFirst(dashboard.approvals + part.approvals) }
        if options.includeElevations {
            dashboard.elevations = Self.soonestEndFirst(dashboard.elevations + part.elevations)
        }
        if options.includeHistory { dashboard.history = dashboard.myRequests.map(\.auditEvent) }
        dashboard.policies.merge(part.policies) { graph, _ in graph }
        dashboard.failures.merge(part.failures) { graph, _ in graph }
        dashboard.azureUnavailable = part.unavailable
        if let unavailable = part.unavailable { state.update { $0.azureUnavailable = unavailable } }
        dashboard.requestCount += azure.exchangeCount - armBefore
        return dashboard
    }

    public func policies(for targets: [ElevationTarget]) async throws -> [TargetID: ActivationPolicy] {
        let azureTargets = targets.filter { $0.kind.family.isAzureResourceManager }
        let graphTargets = targets.filter { !$0.kind.family.isAzureResourceManager }
        guard let azure, !azureTargets.isEmpty else {
            return graphTargets.isEmpty ? [:] : try await graphPolicies(for: graphTargets)
        }
        async let azurePolicies = azure.policies(for: azureTargets)
        var policies = graphTargets.isEmpty ? [:] : try await graphPolicies(for: graphTargets)
        do { policies.merge(try await azurePolicies) { graph, _ in graph } } catch { throw PIMError.wrap(error) }
        return policies
    }

    /// My role, group and Azure requests, newest first.
    public func myRequests() async throws -> [ElevationRequest] {
        async let azurePart = azureListing(.myRequests) { try await $0.myRequests() }
        let graph = try await graphRequests()
        return Self.newestFirst(graph + (try await azurePart))
    }

    /// Requests waiting for my decision (roles, groups and Azure roles), oldest first, with their approvals.
    public func pendingApprovals() async throws -> [ApprovalItem] {
        async let azurePart = azureListing(.approvals) { try await $0.pendingApprovals() }
        let graph = try await graphApprovals()
        return Self.oldestFirst(graph + (try await azurePart))
    }

    /// Every active elevation I can see: the tenant's roles and groups, and Azure roles in the
    /// subscriptions I can read; soonest end first.
    public func tenantElevations() async throws -> [ActiveAssignment] {
        async let azurePart = azureListing(.elevations) { try await $0.tenantElevations() }
        let graph = try await graphElevations()
        return Self.soonestEndFirst(graph + (try await azurePart))
    }

    /// The Azure half of a listing: empty when there is no Azure side or no token for it (the dashboard
    /// says why once); a failure otherwise makes the whole listing incomplete, never silently shorter.
    func azureListing<T: Sendable>(
        _ section: DashboardSection, _ read: @Sendable (any AzureRoleService) async throws -> [T]
    ) async throws -> [T] {
        guard let azure else { return [] }
        do { return try await read(azure) } catch {
            let failure = PIMError.wrap(error)
            if case .getAzureAccess = failure.step {
                state.update { $0.azureUnavailable = failure }
                return []
            }
            throw PIMError.incomplete([section: failure])
        }
    }

    public func azureUnavailability() async -> PIMError? { state.read { $0.azureUnavailable } }
}
