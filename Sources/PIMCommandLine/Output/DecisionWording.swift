import Foundation
import PIMDomain

/// Sentences that say who decided a request and why: a requester's first question about a denial.
enum DecisionWording {
    /// "The request for Global Administrator was Denied by Ben Okafor at 18:44: "not during the
    /// freeze" (request ID)." — who, when and why when the service says so, else the status alone.
    static func refused(
        _ request: ElevationRequest, name: String, time: (Date) -> String
    ) -> String {
        var sentence = "The request for \(name) was \(request.status.graphValue)"
        if let review = request.review, review.result == .denied {
            sentence += " by \(review.reviewerName)"
            if let at = review.reviewedAt { sentence += " at \(time(at))" }
            if let why = review.justification { sentence += ": \"\(why)\"" }
        }
        return sentence + " (request \(request.id))."
    }
}
