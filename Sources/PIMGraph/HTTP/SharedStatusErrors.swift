import Foundation
import PIMDomain

/// What Graph's and ARM's error mappers say alike, for statuses that mean the same from either service:
/// a redirect (never followed, so the token stays with its host), a conflict where none was expected,
/// and throttling that outlasted the retries. nil for any other status.
enum SharedStatusErrors {
    static func words(
        _ response: HTTPResponse, quoted: String, service: String, endpoint: NextStep.Endpoint
    ) -> (kind: PIMError.Kind, text: String, step: NextStep)? {
        switch response.status {
        case 301, 302, 303, 307, 308:
            // The service never redirects a client; whoever did is not the service, and the token is not sent there.
            let place =
                response.header("Location").flatMap { URL(string: $0)?.host }.map { " to \(Sanitizer.sanitize($0))" }
                ?? ""
            return (
                .service,
                "The \(service) endpoint answered with a redirect (HTTP \(response.status))\(place), "
                    + "which is not followed so that your token stays with the \(service) host",
                .checkEndpoint(endpoint, thenRetry: false)
            )
        case 409:
            // Only deciding an approval may say "decided by someone else" (each mapper's `decided(_:)`);
            // anywhere else a conflict is an odd answer, not a refusal of something the user asked.
            return (
                .service, "\(service) answered with a conflict (HTTP 409)\(quoted) where none was expected",
                .tryAgainThenInspect(report: false)
            )
        case 429:
            return (.service, "\(service) kept throttling the requests", .tryAgainLater(.afterAMinute))
        default:
            return nil
        }
    }
}
