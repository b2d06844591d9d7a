import Foundation
import PIMDomain

extension PIMError {
    /// A transport failure (no HTTP response) as the user reads it, naming the service it was for.
    static func network(_ error: TransportError, _ service: ServiceDialect = .graph) -> PIMError {
        let name = service.name
        let endpoint = service.endpoint
        switch error.kind {
        case .timedOut:
            return PIMError(.network, "\(name) did not answer in time", step: .checkNetwork)
        case .tlsFailure:
            return PIMError(
                .network, "The secure connection to \(name) could not be verified",
                step: .checkCertificates(endpoint))
        case .cancelled:
            return PIMError(.network, "The request was cancelled before \(name) answered", step: .tryAgain)
        case .tooLarge:
            // The service answered; what it sent is the fault, so this is a service error (exit 5).
            return PIMError(
                .service, "\(name) sent an answer too large to read (\(Sanitizer.sanitize(error.message)))",
                step: .checkEndpoint(endpoint, thenRetry: true))
        case .malformedAnswer:
            return PIMError(
                .service,
                "\(name) sent an answer that is not readable HTTP (\(Sanitizer.sanitize(error.message)))",
                step: .checkEndpoint(endpoint, thenRetry: true))
        case .dnsFailure:
            return PIMError(.network, "The \(name) host name could not be resolved", step: .checkHostName(endpoint))
        default:
            return PIMError(
                .network, "\(name) could not be reached (\(Sanitizer.sanitize(error.message)))",
                step: .checkNetwork)
        }
    }
}

extension PIMError {
    /// A transport failure on the way to the identity platform: the sign-in host is named, not Graph.
    static func signInNetwork(_ error: TransportError, host: String) -> PIMError {
        let host = Sanitizer.sanitize(host)
        switch error.kind {
        case .dnsFailure:
            return PIMError(
                .network, "The sign-in host name \(host) could not be resolved",
                step: .checkHostName(.login))
        case .timedOut:
            return PIMError(.network, "The sign-in host \(host) did not answer in time", step: .checkNetwork)
        case .tlsFailure:
            return PIMError(
                .network, "The secure connection to the sign-in host \(host) could not be verified",
                step: .checkCertificates(.login))
        case .cancelled, .tooLarge, .malformedAnswer:
            var mapped = network(error)
            mapped.event = mapped.event.replacingOccurrences(of: "Graph", with: "The sign-in host \(host)")
            if case .checkEndpoint(_, let thenRetry) = mapped.step {
                mapped.step = .checkEndpoint(.login, thenRetry: thenRetry)
            }
            return mapped
        default:
            return PIMError(
                .network,
                "The sign-in host \(host) could not be reached (\(Sanitizer.sanitize(error.message)))",
                step: .checkNetwork)
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
