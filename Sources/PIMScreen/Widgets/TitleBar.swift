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
        var labels = tabLabels(state, short: false)
        if labels.reduce(0, { $0 + $1.width + 1 }) > rect.width { labels = tabLabels(state, short: true) }
        // Five tabs at 80 columns: without their padding, so every pane's number stays in sight.
        if labels.reduce(0, { $0 + $1.width + 1 }) > rect.width {
            labels = labels.map { SanitizedText.of(String($0.string.dropFirst().dropLast())) }
        }
        for (pane, label) in zip(Pane.allCases, labels) {
            guard x + label.width <= rect.maxX else { break }
            let used = screen.put(label, x: x, y: rect.y + 1, style: pane == state.pane ? .tabActive : .tabInactive)
            screen.addClickTarget(Rect(x: x, y: rect.y + 1, width: used, height: 1), .pane(pane))
            x += used + 1
        }
    }

    /// " 3 History (12) " per pane; History's `m` view says "History · my decisions", or where the
    /// tabs would not all fit, "My decisions".
    static func tabLabels(_ state: AppState, short: Bool) -> [DisplayText] {
        Pane.allCases.map { pane in
            let list = state.list(pane)
            let total = state.rowCount(pane)
            var count = list.filterText.isEmpty ? "\(total)" : "\(list.visible.count)/\(total)"
            // Reviews counts decisions (not its header rows): those waiting for me of all.
            if pane == .reviews, list.filterText.isEmpty {
                count = "\(state.reviewsWaiting)/\(state.reviewDecisionCount)"
            }
            let title = pane == .history ? HistoryView.title(state, short: short) : pane.title
            return SanitizedText.of(" \(pane.rawValue) \(title) (\(count)) ")
        }
    }
}
