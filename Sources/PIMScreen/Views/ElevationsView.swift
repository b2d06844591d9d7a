import PIMApp
import PIMDomain
import PIMTables

/// Pane 4: every active elevation in the tenant (roles, group accesses, Azure roles), soonest end first.
enum ElevationsView: PaneView {
    static let columns = PaneColumns(Tables.elevations)

    static func table(_ state: AppState) -> TableWidget {
        makeTable(
            state, .elevations, columns, rows: state.elevations,
            empty: "No active elevation in the tenant (or no permission to list them).")
    }

    static func details(_ state: AppState, width: Int) -> [StyledLine] {
        guard let assignment = state.selectedElevation else { return [] }
        let user = [assignment.principal.label, assignment.principal.userPrincipalName.map { "<\($0)>" }]
            .compactMap { $0 }.joined(separator: " ")
        let remaining = assignment.remaining(at: state.now)
        let how: String =
            switch assignment.assignmentType {
            case .activated: "activated (just in time)"
            case .assigned: "assigned"
            case .other(let value): value
            }
        return [
            detail("User", user),
            detail("Role or group", TargetSummary.line(assignment.target)),
            detail(
                "Active",
                """
                since \(TextLayout.dateTime(assignment.start)) until \(TextLayout.dateTime(assignment.end)) \
                (\(Countdown.text(remaining: remaining)) left)
                """,
                style: TextLayout.urgencyStyle(remaining)),
            detail("How", how),
            detail("Id", assignment.id, style: .dim),
        ]
    }
}
