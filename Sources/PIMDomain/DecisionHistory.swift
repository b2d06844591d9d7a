import Foundation

/// A service that can list the requests I approved or denied (`pim history --mine-as-approver`).
public protocol DecisionHistory: Sendable {
    /// Requests whose approval names me as the reviewer, newest decision first, each with its review.
    func myDecisions() async throws -> [ElevationRequest]
}
