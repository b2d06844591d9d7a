import Foundation
import PIMDomain

/// The configuration file (`$XDG_CONFIG_HOME/pim/config.json`): defaults an organisation or a user
/// sets once. pim only reads it; a file it cannot understand is an error, never overwritten.
public struct Configuration: Sendable, Hashable {
    /// When colours are used (`colors` in the file).
    public enum ColorMode: String, Sendable, Hashable { case auto, always, never }

    public var tenant: String?
    public var cloud: String?
    public var clientId: String?
    public var defaultDuration: ActivationDuration?
    public var ticketSystem: String?
    /// A regular expression every ticket number must match, checked before sending.
    public var ticketPattern: String?
    /// Named justifications for `activate --template NAME`.
    public var justificationTemplates: [String: String]
    /// Named lists of targets for `pim activate @NAME`.
    public var roleSets: [String: [String]]
    /// Seconds between refreshes of the full screen and polls of `approvals --watch`.
    public var refreshInterval: Double?
    public var colors: ColorMode
    /// Colour names by style slot (`"urgencySoon": "yellow"`), for the full-screen interface.
    public var palette: [String: String]
    /// `table` or `json`.
    public var output: String?
    /// Ask "y/n" before sending an activation of a Tier 0 role or group in the full-screen interface.
    public var confirmTier0: Bool
    /// Desktop notifications besides the bell (new approvals, decisions on my requests, expiry
    /// warnings); on unless the file says `false`.
    public var notifications: Bool

    public init(
        tenant: String? = nil, cloud: String? = nil, clientId: String? = nil,
        defaultDuration: ActivationDuration? = nil, ticketSystem: String? = nil, ticketPattern: String? = nil,
        justificationTemplates: [String: String] = [:], roleSets: [String: [String]] = [:],
        refreshInterval: Double? = nil, colors: ColorMode = .auto, palette: [String: String] = [:],
        output: String? = nil, confirmTier0: Bool = false, notifications: Bool = true
    ) {
        self.tenant = tenant
        self.cloud = cloud
        self.clientId = clientId
        self.defaultDuration = defaultDuration
        self.ticketSystem = ticketSystem
        self.ticketPattern = ticketPattern
        self.justificationTemplates = justificationTemplates
        self.roleSets = roleSets
        self.refreshInterval = refreshInterval
        self.colors = colors
        self.palette = palette
        self.output = output
        self.confirmTier0 = confirmTier0
        self.notifications = notifications
    }

    static let knownKeys = [
        "tenant", "cloud", "clientId", "defaultDuration", "ticketSystem", "ticketPattern",
        "justificationTemplates", "roleSets", "refreshInterval", "colors", "output", "confirmTier0",
        "notifications",
    ]

    /// Reads the file at `path`; a missing file is the empty configuration. Unknown keys are
    /// reported in `warnings` (a typo should not pass silently) but do not stop pim.
    public static func load(path: String) throws(ConfigurationError) -> (Configuration, warnings: [String]) {
        guard FileManager.default.fileExists(atPath: path) else { return (Configuration(), []) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, problem: "cannot be read: check its permissions")
        }
        return try parse(data, path: path)
    }

    /// Parses the file's contents; `path` only names the file in messages.
    public static func parse(
        _ data: Data, path: String
    ) throws(ConfigurationError) -> (Configuration, warnings: [String]) {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return (Configuration(), []) }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw ConfigurationError(
                path: path, problem: "is not valid JSON: fix it (see docs/configuration.md) or move it away")
        }
        guard let dict = object as? [String: Any] else {
            throw ConfigurationError(path: path, problem: "must hold one JSON object ({ … }) at the top")
        }
        var warnings: [String] = []
        for key in dict.keys.sorted() where !knownKeys.contains(key) {
            warnings.append(
                "The configuration file \(path) has an unknown key \"\(key)\"; pim ignores it."
                    + Suggestion.sentence(for: key, in: knownKeys))
        }
        let reader = Reader(dict: dict, path: path)
        var config = Configuration()
        config.tenant = try reader.string("tenant")
        config.cloud = try reader.string("cloud")
        if let cloud = config.cloud, !["global", "usgov", "usgov-dod", "china"].contains(cloud) {
            throw ConfigurationError(
                path: path, problem: "has cloud \"\(cloud)\": use global, usgov, usgov-dod or china")
        }
        config.clientId = try reader.string("clientId")
        if let text = try reader.string("defaultDuration") {
            do throws(DurationParseError) { config.defaultDuration = try ActivationDuration(parsing: text) } catch {
                throw ConfigurationError(path: path, problem: "has defaultDuration \"\(text)\": \(error.message)")
            }
        }
        config.ticketSystem = try reader.string("ticketSystem")
        config.ticketPattern = try reader.string("ticketPattern")
        if let pattern = config.ticketPattern, (try? NSRegularExpression(pattern: pattern)) == nil {
            throw ConfigurationError(path: path, problem: "has a ticketPattern that is not a valid regular expression")
        }
        config.justificationTemplates = try reader.stringMap("justificationTemplates")
        config.roleSets = try reader.roleSets()
        config.refreshInterval = try reader.interval("refreshInterval")
        try reader.colors(into: &config)
        config.confirmTier0 = try reader.bool("confirmTier0") ?? false
        config.notifications = try reader.bool("notifications") ?? true
        config.output = try reader.string("output")
        if let output = config.output, !["table", "json"].contains(output) {
            throw ConfigurationError(path: path, problem: "has output \"\(output)\": use table or json")
        }
        return (config, warnings)
    }
}

/// The configuration file cannot be used: names the file, the problem and the fix.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var description: String { "The configuration file \(path) \(problem)" + (problem.hasSuffix(".") ? "" : ".") }
}
