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
///
/// Its fields live once behind `Shared`: the dashboard's list and the row of My roles made from it
/// point at the same ones, and lists of 10,000 copy pointers as they grow and merge.
public struct Eligibility: Hashable, Sendable, Codable, Identifiable {
    struct Fields: Hashable, Sendable, Codable {
        var id: String
        var target: ElevationTarget
        var principalId: String
        var start: Date?
        var end: Date?
        var memberType: MemberType
    }

    private var fields: Shared<Fields>

    /// The eligibility schedule instance id.
    public var id: String {
        get { fields.value.id }
        set { change { $0.id = newValue } }
    }

    public var target: ElevationTarget {
        get { fields.value.target }
        set { change { $0.target = newValue } }
    }

    public var principalId: String {
        get { fields.value.principalId }
        set { change { $0.principalId = newValue } }
    }

    public var start: Date? {
        get { fields.value.start }
        set { change { $0.start = newValue } }
    }

    /// nil: permanently eligible.
    public var end: Date? {
        get { fields.value.end }
        set { change { $0.end = newValue } }
    }

    public var memberType: MemberType {
        get { fields.value.memberType }
        set { change { $0.memberType = newValue } }
    }

    public init(id: String, target: ElevationTarget, principalId: String, start: Date? = nil,
                end: Date? = nil, memberType: MemberType = .direct) {
        fields = Shared(Fields(id: id, target: target, principalId: principalId, start: start, end: end, memberType: memberType))
    }

    private mutating func change(_ edit: (inout Fields) -> Void) {
        var copy = fields.value
        edit(&copy)
        fields = Shared(copy)
    }

    public static func == (a: Eligibility, b: Eligibility) -> Bool {
        a.fields === b.fields || a.fields.value == b.fields.value
    }

    public func hash(into hasher: inout Hasher) { fields.value.hash(into: &hasher) }

    public init(from decoder: any Decoder) throws { fields = Shared(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try fields.value.encode(to: encoder) }
}
