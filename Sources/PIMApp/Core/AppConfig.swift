import Foundation
import PIMDomain

/// Settings of the interface that come from flags, environment or the configuration file; the
/// executable resolves them, the state only carries the values.
public struct AppConfig: Hashable, Sendable {
    /// Shown in the title line: the tenant, and "(demo)" for the simulated one.
    public var tenantLabel: String
    /// Seconds between automatic refreshes from the service.
    public var refreshInterval: Double
    /// Duration offered in a new activation form (capped by each policy's maximum).
    public var defaultDuration: ActivationDuration
    /// Prefilled ticket system of a new form.
    public var ticketSystem: String
    /// Organisation rules checked before sending (ticket number pattern).
    public var draftRules: DraftRules
    /// Seconds a flash message stays in the status line.
    public var flashSeconds: Double
    /// Ask "Press y to activate" before sending a Tier 0 activation. Off by default: product.md
    /// promises that `Enter` on the last field or `Ctrl-S` sends; the form always warns about Tier 0.
    public var confirmTier0: Bool
    /// The configuration's `roleSets`: `@` in My roles marks a set's rows for one form.
    public var roleSets: [String: [String]]
    /// Desktop notifications besides the bell (`notifications` in the configuration; on by default).
    public var notifications: Bool
    /// Where the form's Start field reads a clock time (`14:30`): the user's, as on the command line.
    public var timeZone: TimeZone

    public init(
        tenantLabel: String = "", refreshInterval: Double = 60,
        defaultDuration: ActivationDuration = .hours(1), ticketSystem: String = "",
        draftRules: DraftRules = DraftRules(), flashSeconds: Double = 6, confirmTier0: Bool = false,
        roleSets: [String: [String]] = [:], notifications: Bool = true, timeZone: TimeZone = .gmt
    ) {
        self.tenantLabel = tenantLabel
        self.refreshInterval = refreshInterval
        self.defaultDuration = defaultDuration
        self.ticketSystem = ticketSystem
        self.draftRules = draftRules
        self.flashSeconds = flashSeconds
        self.confirmTier0 = confirmTier0
        self.roleSets = roleSets
        self.notifications = notifications
        self.timeZone = timeZone
    }
}
