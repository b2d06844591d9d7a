/// The five panes of the full-screen interface, in the order of their number keys.
public enum Pane: Int, Hashable, Sendable, CaseIterable, Comparable {
    case myRoles = 1, approvals, history, elevations, reviews

    public var title: String {
        switch self {
        case .myRoles: "My roles"
        case .approvals: "Approvals"
        case .history: "History"
        case .elevations: "Elevations"
        case .reviews: "Reviews"
        }
    }

    public var next: Pane { Pane(rawValue: rawValue % Self.allCases.count + 1)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Self.allCases.count - 2) % Self.allCases.count + 1)! }

    public static func < (a: Pane, b: Pane) -> Bool { a.rawValue < b.rawValue }
}
