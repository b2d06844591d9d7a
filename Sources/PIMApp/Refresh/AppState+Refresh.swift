import Foundation
import PIMDomain

extension AppState {
    /// Starts a refresh, or queues one behind the refresh already running.
    mutating func requestRefresh() -> [Effect] {
        if isLoading {
            refreshQueued = true
            return []
        }
        isLoading = true
        lastLoadStarted = now
        return [.loadDashboard(.everything)]
    }

    mutating func dashboardLoaded(_ result: Result<Dashboard, PIMError>) -> [Effect] {
        isLoading = false
        var effects: [Effect] = []
        switch result {
        case .success(let dashboard):
            let stale = staleErrorFlash
            effects += notify(noticeChanges(in: dashboard))
            apply(dashboard)
            if stale { flash = nil }
            if let missing = dashboard.azureUnavailable { sayAzureIsUnavailable(missing) }
            effects += loadMissingReviews(of: dashboard.myRequests)
            if dashboard.accessReviewsFollow { effects.append(.loadFollowingAccessReviews) }
        case .failure(let error):
            report(error)
        }
        if refreshQueued {
            refreshQueued = false
            effects += requestRefresh()
        }
        return effects
    }

    /// Why Azure roles are missing, said once a run: every refresh without an Azure token reports the
    /// same, and repeating it would bury what the user does next. A warning, not a failure: directory
    /// roles and groups are whole, so it is not the last error; as a warning it is shown whole however
    /// narrow the terminal (it takes the key hints' row), and it stays a little longer than a flash.
    mutating func sayAzureIsUnavailable(_ error: PIMError) {
        guard !azureUnavailableSaid else { return }
        azureUnavailableSaid = true
        let sentence = InterfaceWording.sentence(error, after: "Azure roles are not shown")
        flash = Flash(sentence, level: .warning, expires: now.addingTimeInterval(config.flashSeconds * 3))
    }

    /// The error flash reports the failure that a refresh started after it was shown has now
    /// answered: once that refresh succeeds the message is stale, and left standing it would contradict
    /// the fresh rows until it expires. (A refresh started in the same instant, such as one queued behind
    /// the failing one, does not count: the failure has not been on screen yet.)
    var staleErrorFlash: Bool {
        guard let flash, flash.level == .error, flash.text == lastError, let started = lastLoadStarted else {
            return false
        }
        return started > flash.expires.addingTimeInterval(-config.flashSeconds)
    }

    /// A reason kept for requests or review decisions that no longer wait (decided by someone else,
    /// expired) has nothing left to decide: it would only make every quit ask.
    mutating func forgetDecisionDraftsNotWaiting() {
        guard !decisionDrafts.isEmpty else { return }
        let waiting = Set(approvals.map(\.id) + reviews.compactMap { $0.decision?.decisionId })
        decisionDrafts = decisionDrafts.filter { $0.key.isSubset(of: waiting) }
    }

    /// Replaces the rows with fresh data, keeping selection, marks and filters by row id.
    mutating func apply(_ dashboard: Dashboard) {
        hasLoaded = true
        me = dashboard.me
        roles = dashboard.roleEntries
        approvals = dashboard.approvals.sorted(by: ApprovalItem.longestWaitingFirst)
        if dashboard.failures[.myRequests] == nil { forgetReviews(notIn: dashboard.myRequests) }
        history = HistoryRow.merge(requests: withKnownReviews(dashboard.myRequests), events: dashboard.history)
        elevations = dashboard.elevations.sorted(by: ActiveAssignment.soonestEndFirst)
        // Access reviews that follow the dashboard leave the rows of the last load until they arrive.
        accessReviewsLoading = dashboard.accessReviewsFollow
        if !dashboard.accessReviewsFollow { reviews = ReviewRow.rows(AccessReviewQueue(dashboard.accessReviews)) }
        sectionFailures = dashboard.failures
        if dashboard.failures[.approvals] == nil, !dashboard.accessReviewsFollow { forgetDecisionDraftsNotWaiting() }
        lastRefresh = now
        // Reviews the account may not read are said in pane 5, not as an error on every refresh.
        let forbidden = reviewsForbidden
        if let section = DashboardSection.allCases.first(where: {
            dashboard.failures[$0] != nil && !($0 == .accessReviews && forbidden)
        }),
            let sectionFailure = dashboard.failures[section]
        {
            // The rest loaded: name the part that did not, before what to do about it.
            failure = InterfaceWording.sentence(sectionFailure, after: "Could not load \(section.label)")
        } else {
            lastError = nil
        }
        let activeIds = Set(roles.compactMap { $0.active?.id })
        // An extension form whose activation no longer runs (a half-done extension ended it, or it
        // expired while the form was open) becomes an activation form: sending it again must activate,
        // not try to end what is gone. (An administrator's assignment that ended is renewed instead.)
        if var current = form, case .extend(let assignment) = current.mode, assignment.assignmentType == .activated,
            !current.isSubmitting, !current.isDone, !activeIds.contains(assignment.id)
        {
            current.mode = .activate
            form = current
        }
        expiryWarnings = expiryWarnings.filter { activeIds.contains($0.key) }
        if let warned = warnedTarget, !roles.contains(where: { $0.target.id == warned && $0.canDeactivate }) {
            warnedTarget = nil
        }
        for pane in Pane.allCases { refilter(pane) }
    }
}
