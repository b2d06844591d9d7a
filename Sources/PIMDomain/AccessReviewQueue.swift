import Foundation

/// Access review decisions grouped under their review (instance or stage), soonest due first, with how
/// many still wait for me: what a list of reviews shows.
public struct AccessReviewQueue: Hashable, Sendable {
    /// One review's decisions in the order the service gave them.
    public struct Group: Hashable, Sendable, Identifiable {
        public var scope: AccessReviewScope
        public var reviewName: String
        public var dueDateTime: Date?
        public var decisions: [AccessReviewDecision]

        public var id: AccessReviewScope { scope }
        public var waiting: Int { decisions.filter(\.isWaiting).count }
    }

    public var groups: [Group]

    public init(_ decisions: [AccessReviewDecision]) {
        var order: [AccessReviewScope] = []
        var byScope: [AccessReviewScope: Group] = [:]
        for decision in decisions {
            let scope = decision.recordingScope
            if byScope[scope] == nil {
                order.append(scope)
                byScope[scope] = Group(
                    scope: scope, reviewName: decision.reviewName, dueDateTime: decision.dueDateTime, decisions: [])
            }
            byScope[scope]?.decisions.append(decision)
        }
        groups = order.compactMap { byScope[$0] }.enumerated().sorted { a, b in
            let left = a.element.dueDateTime ?? .distantFuture
            let right = b.element.dueDateTime ?? .distantFuture
            return left == right ? a.offset < b.offset : left < right
        }.map(\.element)
    }

    /// Decisions still waiting for me across every review.
    public var waiting: Int { groups.reduce(0) { $0 + $1.waiting } }

    /// Every decision, group after group.
    public var decisions: [AccessReviewDecision] { groups.flatMap(\.decisions) }
}
