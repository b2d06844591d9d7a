import PIMApp
import PIMDomain

/// `?`: every key of `KeyMap`, grouped by where it applies, flowed into as many columns as fit.
enum HelpView {
    static let shownContexts: [KeyContext] = [
        .panes, .myRoles, .approvals, .history, .elevations, .reviews, .filter, .form, .formDone, .tier0Confirm,
        .dialog, .decision, .reviewDecision, .quitConfirm, .stepConfirm,
    ]

    static func lines(compact: Bool = false) -> [StyledLine] {
        var lines: [StyledLine] = []
        for context in shownContexts {
            lines.append(StyledLine(DisplayText(untrusted: context.title), .header))
            var bindings = KeyMap.bindings(in: context)
            let editing = bindings.filter { if case .edit = $0.command { true } else { false } }
            bindings.removeAll { if case .edit = $0.command { true } else { false } }
            let switching = bindings.filter { if case .switchPane = $0.command { true } else { false } }
            if !switching.isEmpty {
                bindings.removeAll { if case .switchPane = $0.command { true } else { false } }
                lines.append(entry("1-\(Pane.allCases.count)", "switch pane"))
            }
            for binding in bindings {
                lines.append(
                    entry(binding.keyLabel, compact ? (binding.hint ?? firstClause(binding.help)) : binding.help))
            }
            if !editing.isEmpty {
                lines.append(
                    entry("Ctrl-U/W", compact ? "clear / delete word" : "clear / delete word; arrows, Home, End"))
            }
        }
        lines.append(StyledLine(DisplayText(untrusted: "Mouse"), .header))
        lines.append(entry("click", compact ? "pane or row" : "a pane's name opens it; a row selects it"))
        lines.append(
            entry(
                "wheel", compact ? "move \(AppState.wheelRows) rows" : "moves the selection \(AppState.wheelRows) rows")
        )
        return lines
    }

    /// A description up to its first ";", for narrow columns.
    static func firstClause(_ help: String) -> String {
        help.split(separator: ";", maxSplits: 1).first.map(String.init) ?? help
    }

    static func entry(_ keys: String, _ help: String) -> StyledLine {
        StyledLine([
            (DisplayText(untrusted: DisplayWidth.pad(keys, to: 10) + " "), .keyName),
            (DisplayText(untrusted: help), .dialog),
        ])
    }

    /// Columns narrower than this cut most descriptions: more keys than fit go to another page instead.
    static let minimumColumnWidth = 36

    static func render(in area: Rect, page: Int = 0, on screen: inout Screen) {
        let rect = area.inset(dx: 1, dy: 0)
        // Blank the margins too: cut rows of the pane behind would peek out beside the border.
        screen.fill(area)
        guard rect.width > 4, rect.height > 2 else { _ = Box.draw(rect, title: "Keys", on: &screen); return }
        var all = lines()
        let inner = rect.inset(dx: 2, dy: 1)  // what Box.draw leaves inside its border
        let needed = max(1, (all.count + inner.height - 1) / inner.height)
        let columns = max(1, min(needed, (inner.width + 2) / (minimumColumnWidth + 2)))
        let columnWidth = (inner.width - (columns - 1) * 2) / columns
        if columnWidth < 56 { all = lines(compact: true) }
        let perPage = columns * inner.height
        let pages = max(1, (all.count + perPage - 1) / perPage)
        let shown = ((page % pages) + pages) % pages
        let title =
            pages > 1 ? "Keys · page \(shown + 1)/\(pages) · PgDn more · ? or Esc closes" : "Keys · ? or Esc closes"
        let content = Box.draw(rect, title: DisplayText(untrusted: title), on: &screen)
        guard content.height > 0 else { return }
        for (index, line) in all.dropFirst(shown * perPage).prefix(perPage).enumerated() {
            let column = index / content.height, row = index % content.height
            line.draw(x: content.x + column * (columnWidth + 2), y: content.y + row, width: columnWidth, on: &screen)
        }
    }
}
