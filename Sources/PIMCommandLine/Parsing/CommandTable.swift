/// The one description of pim's command line. The parser, `--help`, the completion scripts and the
/// man page are all generated from it, so they cannot disagree.
public enum CommandTable {
    public static let version = "0.1.0"

    /// Options every command accepts, before or after the subcommand.
    public static let globalOptions: [OptionSpec] = [
        OptionSpec("demo", help: "Use the built-in simulated tenant instead of Microsoft Graph.",
                   environment: "PIM_DEMO"),
        OptionSpec("as", value: "PERSONA", help: "Demo only: act as another demo user (ada, ben, hana…; see pim demo personas).",
                   environment: "PIM_DEMO_PERSONA", completion: .personas),
        OptionSpec("tenant", value: "TENANT", help: "Tenant id or domain.", environment: "PIM_TENANT"),
        OptionSpec("cloud", value: "CLOUD", help: "National cloud: global (default), usgov, usgov-dod or china.",
                   environment: "PIM_CLOUD", choices: ["global", "usgov", "usgov-dod", "china"]),
        OptionSpec("graph-url", value: "URL",
                   help: "Graph base URL without a version segment (e.g. https://graph.microsoft.com); overrides --cloud.",
                   environment: "PIM_GRAPH_URL"),
        OptionSpec("login-url", value: "URL", help: "Identity platform authority host; overrides --cloud.",
                   environment: "PIM_LOGIN_URL"),
        OptionSpec("client-id", value: "ID", help: "Public client application id used for sign-in.",
                   environment: "PIM_CLIENT_ID"),
        OptionSpec("output", short: "o", value: "FORMAT", help: "Output format of non-interactive commands: table (default) or json.",
                   environment: "PIM_OUTPUT", choices: ["table", "json"]),
        OptionSpec("no-color", help: "No colours (also when NO_COLOR is set).", environment: "NO_COLOR"),
        OptionSpec("verbose", help: "Log each HTTP request (method, path, status, duration, request id) to stderr; tokens are never printed."),
        OptionSpec("config", value: "FILE", help: "Configuration file (default $XDG_CONFIG_HOME/pim/config.json).",
                   environment: "PIM_CONFIG", completion: .file),
        OptionSpec("help", short: "h", help: "Show help for pim or for the command."),
        OptionSpec("version", help: "Print the version of pim."),
    ]

    static let durationHelp = "DURATION accepts 90m, 1h30m, 2h, 1d and ISO 8601 PT1H30M."
    static let targetHelp = "A role or group display name (case-insensitive, unique prefix allowed), an id, group:NAME or @SET (a role set from the configuration)."

    /// Every subcommand, in the order help lists them.
    public static let commands: [CommandSpec] = [
        CommandSpec("tui", abstract: "Open the full-screen interface (the default without a subcommand).",
                    examples: [Example("pim --demo", "Explore the simulated tenant full screen.")]),
        CommandSpec("roles", abstract: "List my eligible and active roles and groups.",
                    discussion: "Active rows come first with the time left; each row shows what its policy requires.",
                    options: [
                        OptionSpec("eligible", help: "Only roles and groups I can activate."),
                        OptionSpec("active", help: "Only roles and groups active now."),
                    ],
                    examples: [Example("pim roles", "Everything I hold or can activate."),
                               Example("pim roles --active --output json", "What is active now, for a script.")],
                    exclusive: [["eligible", "active"]]),
        CommandSpec("activate", abstract: "Activate one or several eligible roles or groups.",
                    discussion: """
                    Several TARGETs share the justification, ticket and duration. Every target is checked against \
                    its policy before anything is sent. A target already active with enough time left is left \
                    alone; a pending request is named instead of sending a duplicate. \(durationHelp)
                    """,
                    arguments: [ArgumentSpec("TARGET", help: targetHelp, repeating: true, completion: .targets)],
                    options: [
                        OptionSpec("justification", short: "j", value: "TEXT", help: "Why you need the access."),
                        OptionSpec("template", value: "NAME", help: "Use a justification template from the configuration."),
                        OptionSpec("ticket", short: "t", value: "NUMBER", help: "Change or incident number."),
                        OptionSpec("ticket-system", value: "NAME", help: "Ticket system of the ticket number (e.g. ServiceNow)."),
                        OptionSpec("duration", short: "d", value: "DURATION",
                                   help: "How long the access lasts (default from the configuration, never above the policy's maximum)."),
                        OptionSpec("scope", value: "SCOPE", help: "Directory scope of a role (e.g. / or /administrativeUnits/ID)."),
                        OptionSpec("owner", help: "Activate the owner access of a group instead of member."),
                        OptionSpec("clamp", help: "Cut a duration over the policy's maximum to the maximum instead of refusing."),
                        OptionSpec("wait", short: "w", help: "Wait until requests needing approval are decided."),
                    ],
                    examples: [
                        Example("pim activate \"Global Administrator\" -j \"CHG-1234 patch\" -t CHG-1234 -d 2h",
                                "Activate one role for two hours."),
                        Example("pim activate @oncall -j \"Pager duty\"", "Activate the role set oncall from the configuration."),
                        Example("pim activate group:pag-prod-admins --owner -j \"Release\"", "Activate the owner access of a group."),
                    ]),
        CommandSpec("deactivate", abstract: "Deactivate an active role or group before it expires.",
                    arguments: [ArgumentSpec("TARGET", help: targetHelp, completion: .targets)],
                    options: [
                        OptionSpec("justification", short: "j", value: "TEXT", help: "Why (optional)."),
                        OptionSpec("scope", value: "SCOPE", help: "Directory scope of a role."),
                        OptionSpec("owner", help: "Deactivate the owner access of a group instead of member."),
                    ],
                    examples: [Example("pim deactivate \"Global Administrator\"", "Give the role back.")]),
        CommandSpec("extend", abstract: "Extend an active role or group.",
                    discussion: "The new DURATION counts from now. \(durationHelp)",
                    arguments: [ArgumentSpec("TARGET", help: targetHelp, completion: .targets)],
                    options: [
                        OptionSpec("justification", short: "j", value: "TEXT", help: "Why you need more time."),
                        OptionSpec("ticket", short: "t", value: "NUMBER", help: "Change or incident number."),
                        OptionSpec("ticket-system", value: "NAME", help: "Ticket system of the ticket number."),
                        OptionSpec("duration", short: "d", value: "DURATION", help: "How long from now."),
                        OptionSpec("scope", value: "SCOPE", help: "Directory scope of a role."),
                        OptionSpec("owner", help: "Extend the owner access of a group instead of member."),
                        OptionSpec("yes", short: "y", help: "Agree without a question that extending an activation that needs approval ends your access until an approver approves (needed without a terminal)."),
                    ],
                    examples: [Example("pim extend \"Exchange Administrator\" -j \"Migration overran\" -d 2h",
                                       "Two more hours from now.")]),
        CommandSpec("requests", abstract: "List my requests, newest first (pending ones marked).",
                    examples: [Example("pim requests --output json", "My requests for a script.")]),
        CommandSpec("cancel", abstract: "Cancel one of my pending requests.",
                    arguments: [ArgumentSpec("REQUEST_ID", help: "The id shown by pim requests.")],
                    examples: [Example("pim cancel 9f2b5ddb-a50e-44a1-a6f4-f616322262ea", "Withdraw a request waiting for approval.")]),
        CommandSpec("approvals", abstract: "List the requests waiting for my decision.",
                    discussion: "With --watch, pim keeps polling, rings the bell and prints each new request with the command that approves it.",
                    options: [
                        OptionSpec("watch", help: "Keep watching for new requests until interrupted."),
                        OptionSpec("interval", value: "DURATION", help: "How often --watch polls (default: refreshInterval of the configuration, else 30s)."),
                    ],
                    examples: [Example("pim approvals", "What waits for me."),
                               Example("pim approvals --watch", "Wait for requests and ring the bell.")]),
        CommandSpec("approve", abstract: "Approve a request waiting for my decision.",
                    arguments: [ArgumentSpec("REQUEST_ID", help: "The id shown by pim approvals.")],
                    options: [OptionSpec("justification", short: "j", value: "TEXT", help: "Why you approve (required).")],
                    examples: [Example("pim approve 9f2b5ddb-a50e-44a1-a6f4-f616322262ea -j \"Matches CHG-1234\"",
                                       "Approve a request.")]),
        CommandSpec("deny", abstract: "Deny a request waiting for my decision.",
                    arguments: [ArgumentSpec("REQUEST_ID", help: "The id shown by pim approvals.")],
                    options: [OptionSpec("justification", short: "j", value: "TEXT", help: "Why you deny (required).")],
                    examples: [Example("pim deny 9f2b5ddb-a50e-44a1-a6f4-f616322262ea --justification \"No ticket\"",
                                       "Deny a request.")]),
        CommandSpec("elevations", abstract: "List the active elevations in the tenant, soonest expiry first (helpdesk).",
                    discussion: "Every row carries the tier of the role or group (Tier 0 can take over the tenant). \(durationHelp)",
                    options: [
                        OptionSpec("expiring-within", value: "DURATION", help: "Only elevations ending within DURATION."),
                        OptionSpec("user", value: "TEXT", help: "Only elevations of users whose name contains TEXT."),
                        OptionSpec("role", value: "TEXT", help: "Only roles or groups whose name contains TEXT."),
                    ],
                    examples: [Example("pim elevations --expiring-within 15m --output json", "What ends in the next 15 minutes.")]),
        CommandSpec("history", abstract: "Show my PIM audit history; with --all, the tenant's.",
                    discussion: durationHelp,
                    options: [
                        OptionSpec("since", value: "DURATION", help: "Only events of the last DURATION (e.g. 7d)."),
                        OptionSpec("all", help: "The tenant's PIM audit log (needs audit permissions)."),
                    ],
                    examples: [Example("pim history --since 7d", "My last week.")]),
        CommandSpec("login", abstract: "Sign in and cache the tokens.",
                    discussion: "Uses the device code flow by default: pim prints a code and a URL to open.",
                    options: [
                        OptionSpec("device-code", help: "Sign in with the device code flow (the default)."),
                        OptionSpec("azure-cli", help: "Use the Azure CLI's token (read-only: PIM writes need pim login)."),
                        OptionSpec("audit", help: "Also ask for AuditLog.Read.All and Directory.Read.All, which pim history --all needs (an administrator must have consented)."),
                    ],
                    examples: [Example("pim login --tenant contoso.onmicrosoft.com", "Sign in to a tenant."),
                               Example("pim login --audit", "Sign in with the audit-log permissions too.")],
                    exclusive: [["device-code", "azure-cli"], ["azure-cli", "audit"]], usesService: false),
        CommandSpec("logout", abstract: "Delete the cached tokens.",
                    examples: [Example("pim logout", "Forget the sign-in on this machine.")], usesService: false),
        CommandSpec("whoami", abstract: "Show who pim acts as, and where.",
                    examples: [Example("pim --demo --as ben whoami", "The demo approver.")]),
        CommandSpec("completion", abstract: "Print a shell completion script.",
                    discussion: "Role and group names are completed from the list the last pim roles cached.",
                    arguments: [ArgumentSpec("SHELL", help: "The shell to complete for.", choices: ["bash", "zsh", "fish"])],
                    examples: [Example("source <(pim completion bash)", "Enable completion in the current bash."),
                               Example("pim completion fish > ~/.config/fish/completions/pim.fish", "Install for fish.")],
                    usesService: false),
        CommandSpec("demo", abstract: "Manage the built-in simulated tenant.",
                    discussion: "reset starts the simulated tenant afresh; personas lists who one can act as with --as. "
                        + "To rehearse a bad network, run pim --demo with these variables: "
                        + "PIM_SIM_LATENCY_MS=800 delays every answer by 800 ms (at or over the 30 s request timeout it times out); "
                        + "PIM_SIM_FAULTS=429:0.2,timeout:0.05 makes that share of requests fail, with the kinds 429 (throttled, with Retry-After), "
                        + "500, 503, 504, timeout, malformed (a cut answer) and expired-token (a 401), rates from 0 to 1 adding up to 1 at most; "
                        + "PIM_SIM_SEED=7 replays the same faults run after run; "
                        + "PIM_SIM_SCALE=2000 gives you 2000 more eligible roles and the tenant 2000 more audit events (the tenant is seeded afresh when it changes).",
                    arguments: [ArgumentSpec("ACTION", help: "What to do.", choices: ["reset", "personas"])],
                    examples: [Example("pim demo reset", "Start the demo afresh."),
                               Example("pim demo personas", "Who can I act as?"),
                               Example("PIM_SIM_FAULTS=503:0.3 PIM_SIM_LATENCY_MS=800 pim --demo roles",
                                       "Rehearse a slow service that often answers 503.")],
                    usesService: false),
        CommandSpec("help", abstract: "Show help for a command.",
                    arguments: [ArgumentSpec("COMMAND", help: "The command to explain.", optional: true)],
                    examples: [Example("pim help activate", "The options and examples of activate.")],
                    usesService: false),
        CommandSpec("__complete", abstract: "Print completion candidates (used by the completion scripts).",
                    arguments: [ArgumentSpec("KIND", help: "targets or personas.", choices: ["targets", "personas"])],
                    hidden: true, usesService: false),
        CommandSpec("__manpage", abstract: "Print the man page (docs/pim.1).", hidden: true, usesService: false),
    ]

    public static func command(named name: String) -> CommandSpec? { commands.first { $0.name == name } }

    public static func globalOption(named name: String) -> OptionSpec? { globalOptions.first { $0.name == name } }

    /// Commands a user sees in help and completions.
    public static var visibleCommands: [CommandSpec] { commands.filter { !$0.hidden } }
}
