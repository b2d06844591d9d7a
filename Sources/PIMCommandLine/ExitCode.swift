import PIMDomain

/// The exit codes of product.md. `ExitCode.for(_:)` is the one place a failure becomes a code.
public enum ExitCode: Int32, CaseIterable, Sendable {
    case success = 0
    case failure = 1
    case usage = 2
    case signIn = 3
    case refused = 4
    case service = 5
    case network = 6

    public var meaning: String {
        switch self {
        case .success: "success (a request waiting for approval is a success)"
        case .failure: "other failure"
        case .usage: "usage error"
        case .signIn: "sign-in needed or failed"
        case .refused:
            """
            refused: validation or policy (missing justification or ticket, duration over the maximum, denied, not \
            eligible)
            """
        case .service: "service error after retries, or a listing Graph did not send whole"
        case .network: "network unreachable or timed out"
        }
    }

    /// The exit code for a failure the service (or pim's own checks) reported.
    public static func `for`(_ error: PIMError) -> ExitCode {
        switch error.kind {
        case .signInRequired: return .signIn
        case .refused, .alreadyExists, .alreadyDecided, .notFound: return .refused
        case .forbidden:
            // A token without the PIM scopes (Azure CLI's) is fixed by signing in; a user without
            // the permission is refused.
            return error.graphCode == "PermissionScopeNotGranted" ? .signIn : .refused
        case .service: return .service
        case .network: return .network
        case .invalidInput: return .usage
        case .other: return .failure
        }
    }
}
