import Foundation
import PIMDomain

extension PIMError {
    /// A transport failure (no HTTP response) as the user reads it.
    static func network(_ error: TransportError) -> PIMError {
        switch error.kind {
        case .timedOut:
            return PIMError(.network, "Graph did not answer in time: check your network connection and try again.")
        case .tlsFailure:
            return PIMError(.network, "The secure connection to Graph could not be verified: check the Graph URL, proxy and system certificates.")
        case .cancelled:
            return PIMError(.network, "The request was cancelled before Graph answered: try again.")
        case .tooLarge:
            // The service answered; what it sent is the fault, so this is a service error (exit 5).
            return PIMError(.service, "Graph sent an answer larger than pim reads (\(Sanitizer.sanitize(error.message))): check --graph-url and any proxy in between, then try again.")
        case .malformedAnswer:
            return PIMError(.service, "Graph sent an answer that is not readable HTTP (\(Sanitizer.sanitize(error.message))): check --graph-url and any proxy in between, then try again.")
        case .dnsFailure:
            return PIMError(.network, "The Graph host name could not be resolved: check your network connection and the --graph-url or --cloud setting.")
        default:
            return PIMError(.network, "Graph could not be reached (\(Sanitizer.sanitize(error.message))): check your network connection and try again.")
        }
    }
}

extension TransportError {
    /// False when asking again cannot help: the user cancelled, or the other end sent something pim
    /// refuses (too large, not HTTP).
    var isWorthRetrying: Bool {
        switch kind {
        case .cancelled, .tooLarge, .malformedAnswer: false
        default: true
        }
    }
}
