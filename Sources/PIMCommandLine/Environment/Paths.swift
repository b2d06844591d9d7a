/// The XDG directories pim uses, from the environment (XDG_CONFIG_HOME, XDG_CACHE_HOME,
/// XDG_STATE_HOME, HOME).
public struct Paths: Sendable, Hashable {
    public var configHome: String
    public var cacheHome: String
    public var stateHome: String

    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        func xdg(_ name: String, _ fallback: String) -> String {
            if let value = environment[name], value.hasPrefix("/") { return value }
            return home + "/" + fallback
        }
        configHome = xdg("XDG_CONFIG_HOME", ".config")
        cacheHome = xdg("XDG_CACHE_HOME", ".cache")
        stateHome = xdg("XDG_STATE_HOME", ".local/state")
    }

    /// `$XDG_CONFIG_HOME/pim/config.json`.
    public var configFile: String { configHome + "/pim/config.json" }
    /// `$XDG_CACHE_HOME/pim/`: tokens (mode 0700) and the role names completion reads.
    public var cacheDirectory: String { cacheHome + "/pim" }
    /// `$XDG_STATE_HOME/pim/`: the simulated tenant's state.
    public var stateDirectory: String { stateHome + "/pim" }
    /// Role and group names of the last listing, one per line, for shell completion.
    public var targetNamesCache: String { cacheDirectory + "/targets" }
    /// The ids of my pending requests, one per line, for completing `pim cancel`.
    public var myRequestIdsCache: String { cacheDirectory + "/my-request-ids" }
    /// The ids of the requests waiting for my decision, for completing `pim approve` and `pim deny`.
    public var approvalIdsCache: String { cacheDirectory + "/approval-ids" }
    /// The ids of my access review decisions, for completing `pim review`.
    public var reviewDecisionIdsCache: String { cacheDirectory + "/review-decision-ids" }
}
