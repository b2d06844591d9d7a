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
/// Its fields live once behind `Compact`: the dashboard's list and the row of My roles made from it
/// point at the same ones, and lists of 10,000 copy pointers as they grow and merge.
public struct Eligibility: CompactRecord, Codable, Identifiable {
    public struct Fields: Hashable, Sendable, Codable {
        /// The eligibility schedule instance id, packed (a GUID in 16 bytes instead of a heap string).
        var packedID: CompactID
        public var target: ElevationTarget
        public var principalId: String
        public var start: Date?
        /// nil: permanently eligible.
        public var end: Date?
        public var memberType: MemberType

        /// The eligibility schedule instance id.
        public var id: String {
            get { packedID.text }
            set { packedID = CompactID(newValue) }
        }

        enum CodingKeys: String, CodingKey {
            case packedID = "id"
            case target, principalId, start, end, memberType
        }

        init(
            id: String, target: ElevationTarget, principalId: String, start: Date?, end: Date?, memberType: MemberType
        ) {
            packedID = CompactID(id)
            self.target = target
            self.principalId = principalId
            self.start = start
            self.end = end
            self.memberType = memberType
        }
    }

    public var storage: Compact<Fields>

    public init(storage: Compact<Fields>) { self.storage = storage }

    public init(
        id: String, target: ElevationTarget, principalId: String, start: Date? = nil,
        end: Date? = nil, memberType: MemberType = .direct
    ) {
        storage = Compact(
            Fields(
                id: id, target: target, principalId: principalId, start: start, end: end,
                memberType: memberType))
    }

    /// Declared for `Identifiable`, which a dynamic member cannot satisfy.
    public var id: String {
        get { storage.fields.id }
        set { storage.fields.id = newValue }
    }
}
