import Foundation
import PIMDomain
import Synchronization

/// What `ARMRoleService` remembers between calls: scope names, the subscriptions to look at for
/// elevations, role policies per scope with when they were read, whether `/batch` exists, and who I am.
final class ARMServiceState: Sendable {
    struct Values {
        var names = ARMScopeNames()
        /// Subscription ids from the last Z14 read, and when it was read.
        var subscriptionIds: [String] = []
        var namesReadAt: Date?
        /// By `policyKey(scope:role:)`; a scope read with no policy for a role caches nil.
        var policies: [String: ActivationPolicy?] = [:]
        /// By canonical lowercased scope: when its policies were read.
        var policyScopesReadAt: [String: Date] = [:]
        /// Eligibility scopes seen, so a later dashboard can refresh their policies in its first batch.
        var eligibilityScopes: [String] = []
        /// My eligibility schedules by `policyKey(scope:role:)`: what a validation links to without a read.
        var linkedSchedules: [String: String] = [:]
        var batchUnavailable = false
        /// The caller's object id, once any call has told it.
        var principalId: String?
        /// What each decided request's approval said, by lowercased approval id: its review, or nil
        /// when it names none. A decision never changes, so each approval is read once.
        var reviews: [String: Review?] = [:]
    }

    private let values = Mutex(Values())

    func read<T>(_ body: (Values) -> T) -> T { values.withLock { body($0) } }
    func update(_ body: (inout Values) -> Void) { values.withLock { body(&$0) } }

    static func scopeKey(_ scope: String) -> String { AzureScope(scope).key }

    static func policyKey(scope: String, role: String) -> String {
        scopeKey(scope) + "|" + ARMEndpoints.lastSegment(role).lowercased()
    }

    /// Remembers the eligibility schedule of each instance, for later validations of the same target.
    func rememberSchedules(_ instances: [ARMInstanceDTO]) {
        update { state in
            for instance in instances {
                guard let schedule = instance.properties.roleEligibilityScheduleId else { continue }
                let key = Self.policyKey(scope: instance.properties.scope, role: instance.properties.roleDefinitionId)
                state.linkedSchedules[key] = schedule
            }
        }
    }

    /// Scopes whose policies are missing or older than `ttl`.
    func stalePolicyScopes(_ scopes: [String], now: Date, ttl: Double) -> [String] {
        read { state in
            var seen: Set<String> = []
            return scopes.filter { scope in
                let key = Self.scopeKey(scope)
                guard seen.insert(key).inserted else { return false }
                guard let readAt = state.policyScopesReadAt[key] else { return true }
                return now.timeIntervalSince(readAt) >= ttl
            }
        }
    }

    /// Stores one scope's read: every role it names, and the time (so roles it does not name read as none).
    func storePolicies(_ assignments: [ARMPolicyAssignmentDTO], scope: String, at date: Date) {
        update { state in
            let key = Self.scopeKey(scope)
            for (stored, _) in state.policies where stored.hasPrefix(key + "|") { state.policies[stored] = nil }
            for assignment in assignments {
                guard let role = assignment.roleKey else { continue }
                state.policies[key + "|" + role] = .some(assignment.activationPolicy)
            }
            state.policyScopesReadAt[key] = date
        }
    }

    /// The cached policy of each target whose scope has been read.
    func policies(for targets: [TargetID]) -> [TargetID: ActivationPolicy] {
        read { state in
            var found: [TargetID: ActivationPolicy] = [:]
            for id in targets {
                guard let scope = id.scope else { continue }
                if case .some(.some(let policy)) = state.policies[Self.policyKey(scope: scope, role: id.resourceId)] {
                    found[id] = policy
                }
            }
            return found
        }
    }
}
