import Foundation

/// How a principal holds an eligibility or assignment: directly, through a group, or inherited.
public enum MemberType: Hashable, Sendable, Codable {
    case direct, group, inherited
    case other(String)

    /// Graph spells these `Direct` in some examples and `direct` in the schema: compare without case.
    public init(graphValue: String) {
        switch graphValue.lowercased() {
        case "direct": self = .direct
        case "group": self = .group
        case "inherited": self = .inherited
        default: self = .other(graphValue)
        }
    }
}

/// The right to activate a target: one eligibility schedule instance.
public struct Eligibility: Hashable, Sendable, Codable, Identifiable {
    /// The eligibility schedule instance id.
    public var id: String
    public var target: ElevationTarget
    public var principalId: String
    public var start: Date?
    /// nil: permanently eligible.
    public var end: Date?
    public var memberType: MemberType

    public init(id: String, target: ElevationTarget, principalId: String, start: Date? = nil,
                end: Date? = nil, memberType: MemberType = .direct) {
        self.id = id
        self.target = target
        self.principalId = principalId
        self.start = start
        self.end = end
        self.memberType = memberType
    }
}
