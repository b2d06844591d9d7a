/// The options every command accepts, each declared once: the table lists these values and
/// `GlobalSettings` and the tool read them through the same values, so a renamed option is a
/// compile error rather than a lookup that silently finds nothing.
extension OptionSpec {
    public static let demo = OptionSpec(
        "demo", help: "Use the built-in simulated tenant instead of Microsoft Graph.",
        environment: "PIM_DEMO")
    /// `--as`.
    public static let demoPersona = OptionSpec(
        "as", value: "PERSONA", help: "Demo only: act as another demo user (ada, ben, hana…; see pim demo personas).",
        environment: "PIM_DEMO_PERSONA", completion: .personas)
    public static let tenant = OptionSpec(
        "tenant", value: "TENANT", help: "Tenant id or domain.",
        environment: "PIM_TENANT")
    public static let cloud = OptionSpec(
        "cloud", value: "CLOUD", help: "National cloud: global (default), usgov, usgov-dod or china.",
        environment: "PIM_CLOUD", choices: ["global", "usgov", "usgov-dod", "china"])
    public static let graphURL = OptionSpec(
        "graph-url", value: "URL",
        help: "Graph base URL without a version segment (e.g. https://graph.microsoft.com); overrides --cloud.",
        environment: "PIM_GRAPH_URL")
    public static let armURL = OptionSpec(
        "arm-url", value: "URL",
        help: "Azure Resource Manager base URL for Azure roles (e.g. https://management.azure.com); overrides --cloud.",
        environment: "PIM_ARM_URL")
    public static let loginURL = OptionSpec(
        "login-url", value: "URL",
        help: "Identity platform authority host; overrides --cloud.",
        environment: "PIM_LOGIN_URL")
    public static let clientID = OptionSpec(
        "client-id", value: "ID",
        help: "Public client application id used for sign-in.",
        environment: "PIM_CLIENT_ID")
    public static let output = OptionSpec(
        "output", short: "o", value: "FORMAT",
        help: "Output format of non-interactive commands: table (default) or json; csv for pim history.",
        environment: "PIM_OUTPUT", choices: ["table", "json", "csv"])
    public static let noColor = OptionSpec(
        "no-color", help: "No colours (also when NO_COLOR is set).",
        environment: "NO_COLOR")
    public static let verbose = OptionSpec(
        "verbose",
        help: "Log each HTTP request (method, path, status, duration, request id) to stderr; tokens are never printed.")
    public static let config = OptionSpec(
        "config", value: "FILE",
        help: "Configuration file (default $XDG_CONFIG_HOME/pim/config.json).",
        environment: "PIM_CONFIG", completion: .file)
    public static let help = OptionSpec("help", short: "h", help: "Show help for pim or for the command.")
    public static let version = OptionSpec("version", help: "Print the version of pim.")
}
