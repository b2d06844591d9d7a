import Foundation

/// A service that can say who decided requests and why, read from their approvals after the requests
/// themselves (the interface's History pane, which shows the dashboard first and the reviews after).
public protocol ReviewLookup: Sendable {
    /// The review of each request whose approval could be read and names a decision, by request id.
    /// Never throws: a request whose approval could not be read is simply absent.
    func reviews(of requests: [ElevationRequest]) async -> [String: Review]
}

extension ElevationRequest {
    /// An approver decided it (denied, or approved and then granted, provisioned, ended) and its
    /// approval can say who: the request names an approval and no review has been read for it yet.
    /// A cancelled or failed request was decided by no one, so asking its approval would tell nothing.
    public var awaitsReview: Bool {
        guard review == nil, let approvalId, !approvalId.isEmpty, !isValidationOnly else { return false }
        switch status {
        case .denied, .granted, .provisioned, .scheduleCreated, .revoked: return true
        default: return false
        }
    }
}
