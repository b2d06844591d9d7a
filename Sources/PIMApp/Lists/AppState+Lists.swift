import Foundation
import PIMDomain

extension AppState {
    mutating func moveSelection(by delta: Int) {
        moveSelection(to: currentList.selection + delta)
    }

    mutating func moveSelection(to index: Int) {
        var list = currentList
        list.select(index, pageRows: pageRows)
        list.selectedID = rowID(pane, visibleIndex: list.selection, in: list)
        currentList = list
    }

    /// Marks or unmarks the selected row and moves to the next one, so several rows mark quickly.
    /// Only rows that can be activated are marked (marks gather rows for one activation form); the
    /// refusal names the row and why. A warning about marks goes once the marks change.
    mutating func toggleMark() {
        guard let id = rowID(pane, visibleIndex: currentList.selection, in: currentList) else { return }
        if currentList.marked.contains(id) {
            currentList.marked.remove(id)
        } else {
            if pane == .reviews, selectedReviewRow?.decision == nil {
                flash("Space marks decisions: select one under its review.", .warning)
                return
            }
            if pane == .myRoles, let role = selectedRole, let reason = Self.whyNotActivatable(role) {
                flash(
                    """
                    \(role.target.interfaceName) cannot be marked: \(reason). Marks gather roles to activate \
                    together.
                    """,
                    .warning)
                return
            }
            currentList.marked.insert(id)
        }
        if flash?.level == .warning { flash = nil }
        moveSelection(by: 1)
    }

    /// Why `role` cannot be activated now, as a clause ("it is already active"); nil when it can.
    static func whyNotActivatable(_ role: RoleEntry) -> String? {
        if role.canActivate { return nil }
        switch role.state {
        case .active: return "it is already active"
        case .pending: return "its request waits for approval"
        case .scheduled: return "it is scheduled to start later"
        case .eligible: return "you are not eligible for it"
        }
    }

    func rowID(_ pane: Pane, visibleIndex: Int, in list: ListState) -> String? {
        guard list.visible.indices.contains(visibleIndex) else { return nil }
        return rowID(pane, index: list.visible[visibleIndex])
    }

    /// The id of row `index` of `pane`: what marks and the selection remember across refreshes.
    public func rowID(_ pane: Pane, index: Int) -> String {
        switch pane {
        case .myRoles: roles[index].rowID
        case .approvals: approvals[index].id
        case .history: historyMode == .myDecisions ? "decision:" + myDecisions[index].id : history[index].id
        case .elevations: elevations[index].id
        case .reviews: reviews[index].id
        }
    }

    /// Text the `/` filter matches against, per row: names, kinds, scopes, users, states, as the
    /// pieces (mostly columns) that the row's text is when joined by single spaces.
    func searchPieces(_ pane: Pane, index: Int) -> [String] {
        switch pane {
        case .myRoles:
            let role = roles[index]
            return [
                role.target.displayName, role.target.kind.label, role.target.scopeLabel, role.state.rawValue,
                role.target.tier.label,
            ] + Self.azureScopeSearchPieces(role.target)
        case .approvals:
            let request = approvals[index].request
            return [
                request.principal.label, request.principal.userPrincipalName ?? "", request.target.displayName,
                request.target.kind.label, request.justification ?? "", request.ticket?.number ?? "",
            ] + Self.azureScopeSearchPieces(request.target, withName: true)
        case .history where historyMode == .myDecisions:
            let request = myDecisions[index]
            return [
                request.principal.label, request.principal.userPrincipalName ?? "", request.target.displayName,
                request.target.kind.label, request.review?.justification ?? "", request.id,
            ] + Self.azureScopeSearchPieces(request.target, withName: true)
        case .history:
            let row = history[index].fields
            return [
                row.activity, row.targetName, row.result, row.actor ?? "", row.justification ?? "",
                row.requestId ?? "",
            ]
        case .reviews:
            return [reviews[index].searchText]
        case .elevations:
            let assignment = elevations[index]
            return [
                assignment.principal.label, assignment.principal.userPrincipalName ?? "",
                assignment.target.displayName, assignment.target.kind.label,
            ] + Self.azureScopeSearchPieces(assignment.target, withName: true)
        }
    }

    /// The folded search text of every row of `pane`. For My roles the tier, which is worked out from
    /// the role's names and ids, is computed once per role rather than once per scoped row.
    func buildSearchKeys(_ pane: Pane) -> FoldedTexts {
        var texts = FoldedTexts(reservingRows: rowCount(pane))
        guard pane == .myRoles else {
            for index in 0..<rowCount(pane) {
                texts.append(pieces: searchPieces(pane, index: index).lazy.map(SearchKeys.fold))
            }
            texts.finishAppending()
            return texts
        }
        struct Role: Hashable { var id: TargetID; var name: String; var template: String? }
        var tiers: [Role: String] = [:]
        for role in roles {
            let target = role.target
            let key = Role(
                id: TargetID(kind: target.kind, resourceId: target.id.resourceId), name: target.displayName,
                template: target.templateId)
            let tier: String
            if let known = tiers[key] { tier = known } else { tier = target.tier.label; tiers[key] = tier }
            // A group is found by the roles it gives ("Security Reader" finds the group holding it).
            let pieces =
                [target.displayName, target.kind.label, target.scopeLabel, role.state.rawValue, tier]
                + Self.azureScopeSearchPieces(target) + role.confers.map { $0.name }
            texts.append(pieces: pieces.lazy.map(SearchKeys.fold))
        }
        texts.finishAppending()
        return texts
    }

    /// What `/` also matches on an Azure row: the scope's kind ("resource group") and, where the row's
    /// other words leave it out, the scope's name ("Prod-Payments / app-rg"). None for roles and groups,
    /// whose rows match as they always have.
    static func azureScopeSearchPieces(_ target: ElevationTarget, withName: Bool = false) -> [String] {
        guard target.kind.family == .azure else { return [] }
        return (withName ? [target.scopeLabel] : []) + [target.azureScopeKind.label]
    }

    /// Replaces `pane`'s folded search text with that of its rows (dropping the old text first, so
    /// the two are never held together).
    mutating func rebuildSearchKeys(_ pane: Pane) {
        searchKeys.keys[pane] = FoldedTexts()
        searchKeys.keys[pane] = buildSearchKeys(pane)
    }

    /// Recomputes which rows of `pane` pass its filter and finds the selected row again by id.
    mutating func refilter(_ pane: Pane) {
        var list = list(pane)
        // The row selected before, by index: checking its id is one comparison, where looking the id
        // up among 10,000 rows is 10,000 string builds.
        let previousRow = list.visible.indices.contains(list.selection) ? list.visible[list.selection] : nil
        var text = list.filter.text
        var query: HistoryQuery?
        if pane == .history {
            let parsed = HistoryQuery(parsing: text, now: now)
            text = parsed.words
            query = parsed.hasTokens ? parsed : nil
            // Said while History is shown; a refresh behind another pane keeps quiet about it.
            if self.pane == .history { sayFilterProblem(parsed.problem) }
        }
        let needle = SearchKeys.fold(text.trimmingCharacters(in: .whitespaces))
        let count = rowCount(pane)
        if needle.isEmpty {
            list.visible = Array(0..<count)
        } else {
            list.visible = searchKeys.keys[pane]?.rows(containing: needle) ?? []
        }
        if let query { list.visible = list.visible.filter { historyRow($0, passes: query) } }
        if !list.marked.isEmpty {
            let ids = Set((0..<count).map { rowID(pane, index: $0) })
            list.marked = list.marked.intersection(ids)
        }
        if let selectedID = list.selectedID {
            let found: Int?
            if let previousRow, previousRow < count, rowID(pane, index: previousRow) == selectedID {
                found = Self.position(of: previousRow, in: list.visible)
            } else {
                found = list.visible.firstIndex(where: { rowID(pane, index: $0) == selectedID })
            }
            if let found { list.selection = found }
        }
        list.select(list.selection, pageRows: pageRows)
        list.selectedID = rowID(pane, visibleIndex: list.selection, in: list)
        lists[pane] = list
    }

    /// Whether History row `index` (of the rows the pane shows now) passes the `/` line's tokens.
    func historyRow(_ index: Int, passes query: HistoryQuery) -> Bool {
        if historyMode == .myDecisions {
            let request = myDecisions[index]
            return query.matches(
                user: [request.principal.displayName, request.principal.userPrincipalName, request.principal.id],
                target: request.target.displayName, date: request.review?.reviewedAt)
        }
        let row = history[index].fields
        return query.matches(user: [row.actor], target: row.targetName, date: row.date)
    }

    static let filterProblemPrefix = "Filter: "

    /// A token the `/` line cannot read is said on the status line (and left out); once the text reads
    /// again, the sentence goes.
    mutating func sayFilterProblem(_ problem: String?) {
        if let problem {
            flash(Self.filterProblemPrefix + problem, .warning)
        } else if flash?.text.hasPrefix(Self.filterProblemPrefix) == true {
            flash = nil
        }
    }

    /// Where row `row` is in `visible` (ascending: the filter keeps table order), by binary search.
    static func position(of row: Int, in visible: [Int]) -> Int? {
        var low = 0, high = visible.count
        while low < high {
            let middle = (low + high) / 2
            if visible[middle] < row { low = middle + 1 } else { high = middle }
        }
        return low < visible.count && visible[low] == row ? low : nil
    }
}
