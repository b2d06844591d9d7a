import Foundation
import PIMDomain

/// The access reviews a first start (or a start whose remembered review periods went stale) reads
/// after the dashboard: pane 5 says they are being read, then fills when they arrive.
extension AppState {
    /// The decisions that followed the dashboard, or why they could not be read: said in pane 5 (and,
    /// unless the account may not read reviews, on the status line), never failing the rest. An answer
    /// that a later dashboard has overtaken (its reviews came with it) is dropped.
    mutating func followingAccessReviewsLoaded(_ result: Result<[AccessReviewDecision], PIMError>) {
        guard accessReviewsLoading else { return }
        accessReviewsLoading = false
        switch result {
        case .success(let decisions):
            reviews = ReviewRow.rows(AccessReviewQueue(decisions))
            sectionFailures[.accessReviews] = nil
            if sectionFailures[.approvals] == nil { forgetDecisionDraftsNotWaiting() }
        case .failure(let error):
            reviews = []
            sectionFailures[.accessReviews] = error
            if !reviewsForbidden {
                failure = InterfaceWording.sentence(
                    error, after: "Could not load \(DashboardSection.accessReviews.label)")
            }
        }
        refilter(.reviews)
    }
}
