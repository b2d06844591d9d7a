import PIMApp
import PIMDomain

/// Pane 4: every active elevation in the tenant (roles and group accesses), soonest end first.
enum ElevationsView: PaneView {
    static let columns = [
        TableColumn(title: "User", min: 10, max: 28, priority: 10),
        TableColumn(title: "Role or group", min: 12, max: 40, flex: true, priority: 10, names: true),
        TableColumn(title: "Kind", min: 5, max: 12, priority: 4),
        TableColumn(title: "Scope", min: 9, max: 20, priority: 3),
        TableColumn(title: "Ends", min: 6, max: 6, priority: 6),
        TableColumn(title: "Time left", min: 9, max: 9, priority: 10, alignRight: true),
    ]

    static func table(_ state: AppState) -> TableWidget {
        makeTable(state, .elevations, columns: columns,
                  empty: "No active elevation in the tenant (or no permission to list them).") { index, column in
            let assignment = state.elevations[index]
            switch column {
            case 0: return TableCell(untrusted: assignment.principal.label)
            case 1: return TableCell(untrusted: assignment.target.displayName)
            case 2: return TableCell(untrusted: assignment.target.kind.label)
            case 3: return TableCell(untrusted: assignment.target.scopeLabel)
            case 4: return TableCell(untrusted: assignment.end.map { TextLayout.time($0) } ?? "—")
            default:
                let remaining = assignment.remaining(at: state.now)
                return TableCell(untrusted: Countdown.text(remaining: remaining), style: TextLayout.urgencyStyle(remaining))
            }
        }
    }

    static func details(_ state: AppState, width: Int) -> [StyledLine] {
        guard let assignment = state.selectedElevation else { return [] }
        let user = [assignment.principal.label, assignment.principal.userPrincipalName.map { "<\($0)>" }]
            .compactMap { $0 }.joined(separator: " ")
        let remaining = assignment.remaining(at: state.now)
        let how: String = switch assignment.assignmentType {
        case .activated: "activated (just in time)"
        case .assigned: "assigned"
        case .other(let value): value
        }
        return [
            detail("User", user),
            detail("Role or group", "\(assignment.target.displayName) · \(assignment.target.kind.label) · \(assignment.target.scopeLabel) · \(assignment.target.tier.label)"),
            detail("Active", "since \(TextLayout.dateTime(assignment.start)) until \(TextLayout.dateTime(assignment.end)) (\(Countdown.text(remaining: remaining)) left)",
                   style: TextLayout.urgencyStyle(remaining)),
            detail("How", how),
            detail("Id", assignment.id, style: .dim),
        ]
    }
}
