import Foundation
import PIMDomain

extension Review {
    /// "Denied by Ben Okafor at 14:02Z: Not during the freeze": who decided, when and why, in the
    /// words of the History pane's detail strip. `time` words the instant (the interface's clock style).
    public func summary(time: (Date) -> String) -> String {
        let verb: String =
            switch result {
            case .approved: "Approved"
            case .denied: "Denied"
            case .notReviewed: "Not reviewed"
            case .other(let value): value
            }
        var sentence = "\(verb) by \(reviewerName)"
        if let reviewedAt { sentence += " at \(time(reviewedAt))" }
        if let justification, !justification.isEmpty { sentence += ": \(justification)" }
        return sentence
    }
}
