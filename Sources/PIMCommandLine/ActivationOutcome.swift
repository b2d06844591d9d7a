import Foundation
import PIMDomain

/// What happened to one target of `pim activate` (or `extend`).
enum ActivationOutcome: Sendable {
    case sent(RoleEntry, ActivationResult)
    case alreadyActive(RoleEntry, until: Date?)
    case pending(RoleEntry, ElevationRequest)
    case failed(RoleEntry, PIMError)

    var entry: RoleEntry {
        switch self {
        case .sent(let entry, _), .alreadyActive(let entry, _), .pending(let entry, _), .failed(let entry, _): entry
        }
    }

    /// The request behind this outcome, when there is one.
    var request: ElevationRequest? {
        switch self {
        case .sent(_, let result): result.request
        case .pending(_, let request): request
        case .alreadyActive, .failed: nil
        }
    }

    /// Denied (seen through `--wait`) or refused by the service.
    var wasRefused: Bool {
        if case .failed = self { return true }
        return request?.status.isRefusal ?? false
    }

    /// `sent`, `alreadyActive`, `pending` (a request already waited) or `failed`.
    var outcomeName: String {
        switch self {
        case .sent: "sent"
        case .alreadyActive: "alreadyActive"
        case .pending: "alreadyPending"
        case .failed: "failed"
        }
    }
}
