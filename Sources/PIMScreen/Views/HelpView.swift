import PIMApp
import PIMDomain

/// `?`: every key of `KeyMap`, grouped by where it applies, flowed into as many columns as fit.
enum HelpView {
    static let shownContexts: [KeyContext] = [.panes, .myRoles, .approvals, .elevations, .filter, .form, .formDone, .tier0Confirm, .dialog, .decision, .quitConfirm, .stepConfirm]

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
                lines.append(entry("1-4", "switch pane"))
            }
            for binding in bindings { lines.append(entry(binding.keyLabel, compact ? (binding.hint ?? binding.help) : binding.help)) }
            if !editing.isEmpty { lines.append(entry("Ctrl-U/W", "clear / delete word; arrows, Home, End")) }
        }
        lines.append(StyledLine(DisplayText(untrusted: "Mouse"), .header))
        lines.append(entry("click", compact ? "pane or row" : "a pane's name opens it; a row selects it"))
        lines.append(entry("wheel", compact ? "move \(AppState.wheelRows) rows" : "moves the selection \(AppState.wheelRows) rows"))
        return lines
    }

    static func entry(_ keys: String, _ help: String) -> StyledLine {
        StyledLine([(DisplayText(untrusted: DisplayWidth.pad(keys, to: 10) + " "), .keyName), (DisplayText(untrusted: help), .dialog)])
    }

    static func render(in area: Rect, on screen: inout Screen) {
        let rect = area.inset(dx: 1, dy: 0)
        // Blank the margins too: cut rows of the pane behind would peek out beside the border.
        screen.fill(area)
        let content = Box.draw(rect, title: "Keys · ? or Esc closes", on: &screen)
        guard content.height > 0 else { return }
        var all = lines()
        if (all.count + content.height - 1) / content.height * 40 > content.width { all = lines(compact: true) }
        let columns = max(1, (all.count + content.height - 1) / content.height)
        let columnWidth = (content.width - (columns - 1) * 2) / columns
        for (index, line) in all.enumerated() {
            let column = index / content.height, row = index % content.height
            line.draw(x: content.x + column * (columnWidth + 2), y: content.y + row, width: columnWidth, on: &screen)
        }
    }
}
