import PIMDomain

extension AppState {
    /// `m` in History: opens the requests I decided, read fresh as an effect; again, back to the history.
    /// The filter and selection start over, since the two lists share none of their rows.
    mutating func toggleMyDecisions() -> [Effect] {
        let opening = historyMode == .all
        historyMode = opening ? .myDecisions : .all
        var list = ListState()
        list.filter = lists[.history]?.filter ?? TextField()
        lists[.history] = list
        rebuildSearchKeys(.history)
        refilter(.history)
        guard opening, !isLoadingDecisions else { return [] }
        isLoadingDecisions = true
        return [.loadMyDecisions]
    }

    /// `r` in the my-decisions view reads them again as well; the timed refresh leaves them be.
    mutating func reloadShownDecisions() -> [Effect] {
        guard pane == .history, historyMode == .myDecisions, !isLoadingDecisions else { return [] }
        isLoadingDecisions = true
        return [.loadMyDecisions]
    }

    mutating func myDecisionsLoaded(_ result: Result<[ElevationRequest], PIMError>) {
        isLoadingDecisions = false
        switch result {
        case .success(let decided):
            myDecisions = decided
            refilter(.history)
        case .failure(let error):
            report(error)
        }
    }
}
