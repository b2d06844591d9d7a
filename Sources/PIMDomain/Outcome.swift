/// What became of a request or an audited operation, as tables colour it: read from the service's typed
/// values (a request's status, an audit record's `result`), never from the words shown.
public enum Outcome: Hashable, Sendable {
    case succeeded, failed, pending
    /// Neither good nor bad news (cancelled, revoked, a value the service added later).
    case other
}

extension RequestStatus {
    public var outcome: Outcome {
        switch self {
        case .denied, .failed: .failed
        case .granted, .provisioned, .scheduleCreated: .succeeded
        case _ where isPending: .pending
        default: .other
        }
    }
}

extension AuditEvent {
    /// Graph's `operationResult`: `success`, `failure`, `timeout` or `unknownFutureValue`.
    public static func outcome(ofResult result: String) -> Outcome {
        switch result.lowercased() {
        case "success": .succeeded
        case "failure", "timeout": .failed
        default: .other
        }
    }

    public var outcome: Outcome { Self.outcome(ofResult: storage.fields.result) }
}
