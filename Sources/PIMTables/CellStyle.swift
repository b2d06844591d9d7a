import PIMDomain

/// What a cell means, not how it looks: the full screen maps it to a `StyleRole`, the command line
/// to its SGR `Style`, so one column definition serves both.
public enum CellStyle: Hashable, Sendable {
    case plain
    /// The row's name: the command line makes it bold; the full screen's selection bar already
    /// shows which row is meant, so it leaves names plain.
    case emphasis
    case dim
    case success
    case pending
    case info
    case error
    /// A Tier 0 role or group stands out on both fronts.
    case tier0
    /// A countdown, coloured by how soon it ends.
    case urgency(Urgency)

    /// `.tier0` for Tier 0, else plain.
    public static func tier(_ tier: PrivilegeTier) -> CellStyle { tier == .tier0 ? .tier0 : .plain }
}

/// One cell: its text (not yet sanitised; each front sanitises what it draws) and its meaning.
public struct CellValue: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String, style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}
