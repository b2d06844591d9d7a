/// The families of targets PIM manages, each behind its own API: directory roles and PIM for Groups
/// (Microsoft Graph), and Azure resource roles (Azure Resource Manager). Every choice that differs by family — which
/// endpoints, which word, which prefix a user writes — asks `TargetKind.family` and switches over
/// this enum exhaustively, so adding a kind or a family is a change the compiler walks through.
public enum TargetFamily: String, Hashable, Sendable, CaseIterable {
    case directoryRole = "role"
    case group = "group"
    case azure = "azure"

    /// The family's word: the `kind` of `--output json` rows, and the prefix of a TARGET word.
    public var word: String { rawValue }

    /// A TARGET word as a user writes it: `group:NAME` or `role:NAME` names the family (either case);
    /// any other word names none, and all of it is the name.
    public static func split(_ written: String) -> (family: TargetFamily?, name: String) {
        for family in allCases {
            let prefix = family.word + ":"
            if written.lowercased().hasPrefix(prefix) { return (family, String(written.dropFirst(prefix.count))) }
        }
        return (nil, written)
    }

    /// How `name` of this family is written so that `split` finds it again: `group:` or `azure:` before
    /// a group's or an Azure role's name; a role's name as it is (roles are what a bare name means first).
    public func written(_ name: String) -> String {
        switch self {
        case .directoryRole: name
        case .group, .azure: word + ":" + name
        }
    }

    /// Whether the family lives behind Azure Resource Manager rather than Microsoft Graph.
    public var isAzureResourceManager: Bool {
        switch self {
        case .directoryRole, .group: false
        case .azure: true
        }
    }
}

extension TargetKind {
    /// The one place a kind is mapped to its family.
    public var family: TargetFamily {
        switch self {
        case .directoryRole: .directoryRole
        case .groupMember, .groupOwner: .group
        case .azureRole: .azure
        }
    }
}
