/// The four panes of the full-screen interface, in the order of their number keys.
public enum Pane: Int, Hashable, Sendable, CaseIterable, Comparable {
    case myRoles = 1, approvals, history, elevations

    public var title: String {
        switch self {
        case .myRoles: "My roles"
        case .approvals: "Approvals"
        case .history: "History"
        case .elevations: "Elevations"
        }
    }

    public var next: Pane { Pane(rawValue: rawValue % 4 + 1)! }
    public var previous: Pane { Pane(rawValue: (rawValue + 2) % 4 + 1)! }

    public static func < (a: Pane, b: Pane) -> Bool { a.rawValue < b.rawValue }
}
