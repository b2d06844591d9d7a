import Foundation
import PIMDomain

/// The verbose log: one line per HTTP exchange, `METHOD path status ms request-id`. Headers and bodies
/// are never printed, and query values that could carry secrets are masked.
public struct VerboseLogger: Sendable {
    private let write: @Sendable (String) -> Void

    /// - Parameter write: where lines go (the command line passes a stderr writer).
    public init(write: @escaping @Sendable (String) -> Void) { self.write = write }

    func exchange(_ request: HTTPRequest, status: Int?, milliseconds: Int, requestId: String?, failure: String? = nil) {
        write(
            Self.line(
                method: request.method, url: request.url, status: status, milliseconds: milliseconds,
                requestId: requestId, failure: failure))
    }

    /// The log line for one exchange.
    static func line(
        method: String, url: URL, status: Int?, milliseconds: Int, requestId: String?, failure: String? = nil
    ) -> String {
        let outcome = status.map(String.init) ?? "failed(\(failure ?? "?"))"
        // The request id is the service's text: it may echo the token.
        return SecretMask.mask(
            """
            \(method) \(Redaction.path(of: url)) \(outcome) \(milliseconds)ms \
            \(requestId.map { Redaction.clean($0) } ?? "-")
            """
        )
    }
}
