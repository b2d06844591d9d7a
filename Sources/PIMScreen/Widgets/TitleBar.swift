import PIMApp
import PIMDomain

/// The title line (program, tenant, signed-in user, clock) and the pane tabs with their counts.
enum TitleBar {
    static func render(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        guard rect.height >= 2 else { return }
        screen.fill(rect.row(0), style: .title)
        var parts = ["pim"]
        if !state.config.tenantLabel.isEmpty { parts.append(state.config.tenantLabel) }
        if let me = state.me { parts.append(me.label) }
        let clock = SanitizedText.of(TextLayout.clock(state.now))
        screen.put(
            SanitizedText.of(" " + parts.joined(separator: " · ")), x: rect.x, y: rect.y,
            maxWidth: rect.width - clock.width - 2, style: .title)
        screen.put(clock, x: rect.maxX - clock.width - 1, y: rect.y, style: .title)

        screen.fill(rect.row(1), style: .tabInactive)
        var x = rect.x
        // Tabs give way step by step until all five numbers are in sight: History's short title, no padding,
        // Reviews counting only what waits for me, then counts on the current tab only.
        var labels: [DisplayText] = []
        // Counted once per frame, not once per attempt to fit.
        let reviews = (waiting: state.reviewsWaiting, all: state.reviewDecisionCount)
        for fit in TabFit.allCases {
            labels = tabLabels(state, fit: fit, reviews: reviews)
            if labels.reduce(0, { $0 + $1.width + 1 }) - 1 <= rect.width { break }
        }
        for (pane, label) in zip(Pane.allCases, labels) {
            guard x + label.width <= rect.maxX else { break }
            let used = screen.put(label, x: x, y: rect.y + 1, style: pane == state.pane ? .tabActive : .tabInactive)
            screen.addClickTarget(Rect(x: x, y: rect.y + 1, width: used, height: 1), .pane(pane))
            x += used + 1
        }
    }

    /// How much the tabs give way where they would not all fit.
    enum TabFit: Int, CaseIterable, Comparable {
        case full, shortTitles, unpadded, waitingOnly, currentCountOnly

        static func < (a: TabFit, b: TabFit) -> Bool { a.rawValue < b.rawValue }
    }

    /// " 3 History (12) " per pane; History's `m` view says "History · my decisions", or where the
    /// tabs would not all fit, "My decisions".
    static func tabLabels(_ state: AppState, fit: TabFit, reviews: (waiting: Int, all: Int)) -> [DisplayText] {
        Pane.allCases.map { pane in
            let list = state.list(pane)
            let total = state.rowCount(pane)
            var count = list.filterText.isEmpty ? "\(total)" : "\(list.visible.count)/\(total)"
            // Reviews counts decisions (not its header rows): those waiting for me of all.
            if pane == .reviews, list.filterText.isEmpty {
                count = fit >= .waitingOnly ? "\(reviews.waiting)" : "\(reviews.waiting)/\(reviews.all)"
            }
            // Reviews still being read after the dashboard: no count yet.
            if pane == .reviews, state.accessReviewsLoading { count = "…" }
            let title = pane == .history ? HistoryView.title(state, short: fit >= .shortTitles) : pane.title
            let counted = fit >= .currentCountOnly && pane != state.pane ? title : "\(title) (\(count))"
            let pad = fit >= .unpadded ? "" : " "
            return SanitizedText.of("\(pad)\(pane.rawValue) \(counted)\(pad)")
        }
    }
}
