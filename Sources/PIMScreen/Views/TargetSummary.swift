import PIMApp
import PIMDomain

/// How the detail strips name a target: one line of name, kind, scope and tier, where an Azure scope
/// also says what kind of scope it is ("Prod-Payments (subscription)"), and the lines only an Azure
/// role has (its scope, the scope's ARM id, how it is held).
enum TargetSummary {
    /// "Contributor · azure · Prod-Payments (subscription) · Tier 2".
    static func line(_ target: ElevationTarget) -> String {
        "\(target.displayName) · \(target.kind.label) · \(scope(target)) · \(target.tier.label)"
    }

    static func scope(_ target: ElevationTarget) -> String {
        switch target.kind.family {
        case .directoryRole, .group: target.scopeLabel
        case .azure: "\(target.scopeLabel) (\(target.azureScopeKind.label))"
        }
    }

    /// An ARM id for a detail line `room` columns wide: sanitised, then cut in the middle, so both the
    /// start (which subscription) and the end (which resource) stay readable.
    static func armId(_ id: String, room: Int) -> String {
        DisplayWidth.truncateMiddle(SanitizedText.of(id).string, to: max(1, room))
    }
}
