/// The one description of pim's command line. The parser, `--help`, the completion scripts and the
/// man page are all generated from it, so they cannot disagree.
public enum CommandTable {
    public static let version = "0.1.0"

    /// Options every command accepts, before or after the subcommand.
    public static let globalOptions: [OptionSpec] = [
        .demo, .demoPersona, .tenant, .cloud, .graphURL, .armURL, .loginURL, .clientID, .output, .noColor, .verbose,
        .config,
        .help, .version,
    ]

    static let durationHelp = "DURATION accepts 90m, 1h30m, 2h, 1d and ISO 8601 PT1H30M."
    static let targetHelp =
        """
        A role or group display name (case-insensitive, unique prefix allowed), an id, group:NAME, azure:ROLE or \
        azure:ROLE@SCOPE (an Azure role; SCOPE is its ARM scope id or a unique prefix of the scope's name, needed when \
        the role is held at several scopes) or @SET (a role set from the configuration).
        """

    /// Every subcommand, in the order help lists them: each carries its spec and its handler, both
    /// declared in its own `Commands+Name.swift`.
    public static let all: [Command] = [
        .tui, .roles, .activate, .deactivate, .extend, .requests, .cancel, .approvals, .approve, .deny, .elevations,
        .history, .reviews, .review, .login, .logout, .whoami, .completion, .demo, .help, .complete, .manPage,
    ]

    /// The specs of `all`, which the parser, help, completions and the man page read.
    public static let commands: [CommandSpec] = all.map(\.spec)

    public static func command(named name: String) -> CommandSpec? { commands.first { $0.name == name } }

    /// The command (spec and handler) of a spec the parser picked from `commands`.
    static func command(for spec: CommandSpec) -> Command? { all.first { $0.spec == spec } }

    public static func globalOption(named name: String) -> OptionSpec? { globalOptions.first { $0.name == name } }

    /// Commands a user sees in help and completions.
    public static var visibleCommands: [CommandSpec] { commands.filter { !$0.hidden } }
}
