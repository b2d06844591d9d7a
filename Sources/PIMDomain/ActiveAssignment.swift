import Foundation

/// Whether an active assignment came from a PIM activation or was assigned outright.
public enum AssignmentType: Hashable, Sendable, Codable {
    /// The result of a just-in-time activation: it ends and can be deactivated.
    case activated
    /// Assigned by an administrator (permanent or time-bound): not something the user deactivates.
    case assigned
    case other(String)

    public init(graphValue: String) {
        switch graphValue.lowercased() {
        case "activated": self = .activated
        case "assigned": self = .assigned
        default: self = .other(graphValue)
        }
    }
}

/// A target in force for a principal now: one assignment schedule instance.
public struct ActiveAssignment: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var target: ElevationTarget
    public var principal: Principal
    public var start: Date?
    /// nil: no end (permanent assignment).
    public var end: Date?
    public var assignmentType: AssignmentType
    public var memberType: MemberType

    public init(
        id: String, target: ElevationTarget, principal: Principal, start: Date? = nil,
        end: Date? = nil, assignmentType: AssignmentType = .activated, memberType: MemberType = .direct
    ) {
        self.id = id
        self.target = target
        self.principal = principal
        self.start = start
        self.end = end
        self.assignmentType = assignmentType
        self.memberType = memberType
    }

    public var isPermanent: Bool { end == nil }

    /// Seconds left at `now`; nil when there is no end.
    public func remaining(at now: Date) -> Double? {
        end.map { $0.timeIntervalSince(now) }
    }
}
