import Foundation
import PIMDomain

/// The output format of non-interactive commands.
public enum OutputFormat: String, Sendable, Hashable { case table, json, csv }

/// The global options after applying the rule "flags beat environment, environment beats the file".
/// The executable builds the service from these; the commands read format and colour from them.
public struct GlobalSettings: Sendable {
    public var demo: Bool
    public var persona: String?
    public var tenant: String?
    /// `global`, `usgov`, `usgov-dod` or `china`.
    public var cloud: String
    /// The cloud was chosen (flag, environment or file) rather than left at `global`.
    public var cloudGiven: Bool
    public var graphURL: String?
    /// `--arm-url` / `PIM_ARM_URL`: where Azure Resource Manager is, for Azure roles.
    public var armURL: String?
    public var loginURL: String?
    public var clientId: String?
    /// PIM_ACCESS_TOKEN: used as is. Never printed.
    public var accessToken: String?
    /// PIM_ARM_ACCESS_TOKEN: an Azure Resource Manager token used as is. Never printed.
    public var armAccessToken: String?
    public var output: OutputFormat
    public var color: Bool
    /// Colour is not switched off (`--no-color`, `NO_COLOR`, `"colors": "never"`); the full screen
    /// uses this, since it always runs on a terminal.
    public var colorAllowed: Bool
    public var verbose: Bool
    public var paths: Paths
    /// `--as` was typed (rather than PIM_DEMO_PERSONA set).
    var personaFromFlag: Bool
    public var configPath: String
    public var configuration: Configuration
    /// The process environment, for the executable's own lookups.
    public var environment: [String: String]

    /// Resolves every global option. `configuration` is the parsed file (already loaded from `configPath`).
    public init(
        invocation: Invocation, environment: [String: String], configuration: Configuration,
        configPath: String, stdoutIsTerminal: Bool
    ) {
        /// The flag, else its environment variable (named by the option, as help prints it), else the file.
        func pick(_ option: OptionSpec, _ file: String?) -> String? {
            if let flag = invocation.value(option) { return flag }
            if let variable = option.environment, let env = environment[variable], !env.isEmpty { return env }
            return file
        }
        self.environment = environment
        self.configuration = configuration
        self.configPath = configPath
        paths = Paths(environment: environment)
        demo = invocation.has(.demo) || Self.truthy(environment["PIM_DEMO"])
        persona = pick(.demoPersona, nil)
        personaFromFlag = invocation.has(.demoPersona)
        tenant = pick(.tenant, configuration.tenant)
        let pickedCloud = pick(.cloud, configuration.cloud)
        cloud = pickedCloud ?? "global"
        cloudGiven = pickedCloud != nil
        graphURL = pick(.graphURL, nil)
        armURL = pick(.armURL, nil)
        loginURL = pick(.loginURL, nil)
        clientId = pick(.clientID, configuration.clientId)
        accessToken = environment["PIM_ACCESS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        armAccessToken = environment["PIM_ARM_ACCESS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        output = OutputFormat(rawValue: pick(.output, configuration.output) ?? "table") ?? .table
        verbose = invocation.has(.verbose)
        let noColor =
            invocation.has(.noColor) || !(environment["NO_COLOR"] ?? "").isEmpty
            || configuration.colors == .never
        let dumb = environment["TERM"] == "dumb"
        colorAllowed = !noColor
        color = !noColor && (configuration.colors == .always || (stdoutIsTerminal && !dumb))
    }

    /// `1`, `true`, `yes`, `on` (any case) switch a boolean variable on.
    static func truthy(_ value: String?) -> Bool {
        guard let value = value?.lowercased() else { return false }
        return ["1", "true", "yes", "on"].contains(value)
    }

    /// Problems with values the parser cannot check (environment values, URLs).
    func validate() throws(UsageError) {
        // csv is for `pim history` alone, so only its own command line asks for it.
        if let value = environment["PIM_OUTPUT"], !value.isEmpty, !["table", "json"].contains(value) {
            throw UsageError("PIM_OUTPUT is \"\(value)\": set it to table or json.")
        }
        if !["global", "usgov", "usgov-dod", "china"].contains(cloud) {
            throw UsageError("The cloud \"\(cloud)\" is unknown: use global, usgov, usgov-dod or china.")
        }
        for (name, value, what, example) in [
            ("--graph-url / PIM_GRAPH_URL", graphURL, "your token", "https://graph.microsoft.com"),
            ("--arm-url / PIM_ARM_URL", armURL, "your Azure token", "https://management.azure.com"),
            ("--login-url / PIM_LOGIN_URL", loginURL, "your sign-in", "https://login.microsoftonline.com"),
        ] {
            guard let value else { continue }
            guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
                scheme == "https" || scheme == "http", url.host != nil
            else {
                throw UsageError(
                    "\(name) is \"\(Sanitizer.sanitize(value))\", not a URL: give one like \(example)."
                )
            }
            // The token and the whole sign-in travel to this host: in clear text only to this machine.
            guard EndpointTrust.allowsSecrets(url) else {
                throw UsageError(
                    "\(name) is \"\(Sanitizer.sanitize(value))\", which would send \(what) unencrypted: "
                        + "use https (plain http is accepted only for 127.0.0.1, ::1 or localhost).")
            }
        }
        // Only the flag is an error: an exported PIM_DEMO_PERSONA must not block Graph.
        if personaFromFlag && !demo {
            throw UsageError("--as picks a demo persona and needs --demo (or PIM_DEMO=1).")
        }
    }
}
