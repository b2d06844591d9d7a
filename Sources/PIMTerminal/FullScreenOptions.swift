import Foundation
import PIMApp
import PIMDomain

/// What the executable tells the full-screen interface (resolved from flags, environment and
/// the configuration file).
public struct FullScreenOptions: Sendable {
    /// Tenant shown in the title line, e.g. "contoso.onmicrosoft.com" or "simulated tenant (demo)".
    public var tenantLabel: String
    /// Seconds between automatic refreshes.
    public var refreshInterval: Double
    /// Duration offered in new activation forms (capped by each policy).
    public var defaultDuration: ActivationDuration
    /// No colours: bold and reverse only (`--no-color`, `NO_COLOR`).
    public var noColor: Bool
    /// Prefilled ticket system of new forms.
    public var ticketSystem: String
    /// Regular expression ticket numbers must match before sending.
    public var ticketPattern: String?
    /// Enable mouse clicks (select a row or a pane).
    public var mouse: Bool
    /// Colour names by style slot from the configuration file (`"urgencySoon": "yellow"`); the slots
    /// are `StyleRole`'s names, the colours black, red, green, yellow, blue, magenta, cyan, white, default.
    public var palette: [String: String]
    /// Ask for `y` before sending a Tier 0 activation (off: `Ctrl-S` sends at once, after a warning line).
    public var confirmTier0: Bool
    /// Where unsent drafts are kept between starts (nil: not kept).
    public var drafts: (any DraftStore)?
    /// The configuration's `roleSets`, for `@` in My roles.
    public var roleSets: [String: [String]]
    /// Desktop notifications (`notifications` in the configuration) and how they are sent.
    public var notifications: Bool
    public var notifier: DesktopNotifier
    /// Where the form's Start field reads a clock time (`14:30`), as `--start` does on the command line.
    public var timeZone: TimeZone = .current

    public init(
        tenantLabel: String = "", refreshInterval: Double = 60, defaultDuration: ActivationDuration = .hours(1),
        noColor: Bool = false, ticketSystem: String = "", ticketPattern: String? = nil, mouse: Bool = true,
        palette: [String: String] = [:], confirmTier0: Bool = false,
        drafts: (any DraftStore)? = nil, roleSets: [String: [String]] = [:], notifications: Bool = true,
        notifier: DesktopNotifier = .off
    ) {
        self.tenantLabel = tenantLabel
        self.refreshInterval = refreshInterval
        self.defaultDuration = defaultDuration
        self.noColor = noColor
        self.ticketSystem = ticketSystem
        self.ticketPattern = ticketPattern
        self.mouse = mouse
        self.palette = palette
        self.confirmTier0 = confirmTier0
        self.drafts = drafts
        self.roleSets = roleSets
        self.notifications = notifications
        self.notifier = notifier
    }

    /// The interface's settings as the state carries them.
    public var appConfig: AppConfig {
        AppConfig(
            tenantLabel: tenantLabel, refreshInterval: max(5, refreshInterval), defaultDuration: defaultDuration,
            ticketSystem: ticketSystem, draftRules: DraftRules(ticketPattern: ticketPattern),
            confirmTier0: confirmTier0,
            roleSets: roleSets, notifications: notifications, timeZone: timeZone)
    }
}
