import Foundation
import PIMDomain
import Synchronization

/// What the live service remembers between calls: who I am, the targets I know by name, the groups
/// to ask about for tenant elevations, and policies with the time they were read.
final class ServiceState: Sendable {
    struct Values {
        var me: Principal?
        var names = TargetNames()
        var knownGroups: [String] = []
        /// The access review periods in progress at the last load, asked for in the next load's first batch.
        var reviewPeriods: [AccessReviewScope]?
        /// The access review reads the last dashboard left to follow it (nil: they came with it).
        var reviewChain: Task<ReviewReads.Outcome, Never>?
        /// By `PolicyReads.key`: one entry answers a role at every scope. nil policy: the target has
        /// none (cached too, so it is not asked again).
        var policies: [TargetID: (policy: ActivationPolicy?, readAt: Date)] = [:]
        /// The hints read from the store when this process began, or last written to it.
        var hints: DashboardHints?
        var hintsLoaded = false
        /// Why a listing left the Azure half out (no ARM token), for `azureUnavailability()`.
        var azureUnavailable: PIMError?
    }

    private let values = Mutex(Values())

    func read<T>(_ body: (Values) -> T) -> T { values.withLock { body($0) } }
    func update(_ body: (inout Values) -> Void) { values.withLock { body(&$0) } }

    /// Remembers targets seen in eligibilities or assignments (names for requests, groups for elevations).
    func remember(_ targets: [ElevationTarget]) {
        update { state in
            for target in targets {
                state.names.remember(target)
                if target.kind.isGroup, !state.knownGroups.contains(target.id.resourceId) {
                    state.knownGroups.append(target.id.resourceId)
                }
            }
        }
    }

    /// The stored hints, read once per process (later loads know more than the file does).
    func startingHints(from store: (any DashboardHintStore)?) -> DashboardHints? {
        let first = values.withLock { state -> Bool in
            defer { state.hintsLoaded = true }
            return !state.hintsLoaded
        }
        guard first, let hints = store?.load() else { return nil }
        update { $0.hints = hints }
        return hints
    }

    /// Writes `hints` when they differ from what the store holds. The access review periods last read
    /// win over those `hints` carry: a chain that followed the dashboard may have ended before it.
    /// Written under the lock, so two writers never leave the older hints in the store.
    func keep(_ hints: DashboardHints, in store: (any DashboardHintStore)?) {
        guard let store else { return }
        values.withLock { state in
            var hints = hints
            if let periods = state.reviewPeriods { hints.reviews = periods }
            guard state.hints != hints else { return }
            state.hints = hints
            store.save(hints)
        }
    }

    /// Remembers the access review periods a chain that followed the dashboard found, and puts them in
    /// the stored hints when those are this user's (the next start asks for their decisions at once).
    func keepReviewPeriods(_ periods: [AccessReviewScope], in store: (any DashboardHintStore)?) {
        values.withLock { state in
            state.reviewPeriods = periods
            guard let store, var hints = state.hints, let me = state.me, hints.userId == me.id,
                hints.reviews != periods
            else { return }
            hints.reviews = periods
            state.hints = hints
            store.save(hints)
        }
    }

    func cachedPolicies(
        _ targets: [TargetID], now: Date, ttl: Double
    ) -> (fresh: [TargetID: ActivationPolicy], missing: [TargetID]) {
        read { state in
            var fresh: [TargetID: ActivationPolicy] = [:]
            var missing: [TargetID] = []
            for id in targets {
                if let entry = state.policies[PolicyReads.key(id)], now.timeIntervalSince(entry.readAt) < ttl {
                    if let policy = entry.policy { fresh[id] = policy }
                } else {
                    missing.append(id)
                }
            }
            return (fresh, missing)
        }
    }

    func storePolicy(_ policy: ActivationPolicy?, for id: TargetID, at date: Date) {
        update { $0.policies[PolicyReads.key(id)] = (policy, date) }
    }
}
