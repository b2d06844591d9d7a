/// The man page `docs/pim.1`, generated from `CommandTable` (a test keeps the file identical to
/// this output; `pim __manpage > docs/pim.1` rewrites it). No date, so it is reproducible.
public enum ManPage {
    public static func render() -> String {
        var out: [String] = [
            ".TH PIM 1 \"\" \"pim \(CommandTable.version)\" \"User Commands\"",
            ".SH NAME",
            "pim \\- just\\-in\\-time elevation on Microsoft Entra ID Privileged Identity Management",
            ".SH SYNOPSIS",
            ".B pim",
            "[\\fIglobal options\\fR] [\\fICOMMAND\\fR] [\\fIoptions\\fR] [\\fIarguments\\fR]",
            ".SH DESCRIPTION",
            escape(
                """
                pim activates eligible Microsoft Entra roles and PIM for Groups memberships and ownerships with a \
                justification, ticket and duration, lets approvers decide requests, and shows active elevations and \
                the PIM audit history, through Microsoft Graph. Without a command it opens the full-screen interface. \
                With --demo it runs against a simulated tenant kept in $XDG_STATE_HOME/pim/demo-tenant.json.
                """
            ),
            ".PP",
            escape(
                """
                TARGET is a role or group display name (case-insensitive, unique prefix allowed), an id, group:NAME \
                for a group, or @SET for a role set of the configuration. DURATION accepts 90m, 1h30m, 2h, 1d and ISO \
                8601 PT1H30M.
                """
            ),
            ".PP",
            escape(
                """
                In the full-screen interface 1 to 5 (or Tab) show My roles, Approvals, History, Elevations and \
                Reviews; ? lists every key. In Reviews, a approves, d denies and x answers don't know on the selected \
                access review decision or those marked with Space, with one justification; A accepts the selected \
                review's recommendations after a y/N question.
                """
            ),
            ".SH COMMANDS",
        ]
        for command in CommandTable.visibleCommands {
            out.append(".SS \"\(escape(command.usage))\"")
            out.append(escape(command.abstract))
            if !command.discussion.isEmpty {
                out.append(".PP")
                out.append(escape(command.discussion))
            }
            for argument in command.arguments {
                out.append(".TP")
                out.append("\\fI\(escape(argument.synopsis))\\fR")
                out.append(escape(argument.help))
            }
            for option in command.options where !option.hidden { out += optionLines(option) }
            for example in command.examples {
                out.append(".PP")
                out.append(".RS 4")
                out.append("\\fB\(escape(example.command))\\fR")
                out.append(".br")
                out.append(escape(example.explanation))
                out.append(".RE")
            }
        }
        out.append(".SH GLOBAL OPTIONS")
        out.append(
            escape(
                """
                Accepted before or after the command. Flags beat environment variables, which beat the configuration \
                file.
                """
            ))
        for option in CommandTable.globalOptions where !option.hidden { out += optionLines(option) }
        out.append(".SH ENVIRONMENT")
        let variables: [(String, String)] =
            CommandTable.globalOptions.compactMap { option in
                option.environment.map { ($0, "Default for --\(option.name): \(option.help)") }
            } + [
                ("PIM_ACCESS_TOKEN", "A bearer token to use as is (no sign-in, no cache)."),
                ("XDG_CONFIG_HOME", "Holds pim/config.json (default ~/.config)."),
                (
                    "XDG_CACHE_HOME",
                    "Holds pim/ with the token cache and the role names for completion (default ~/.cache)."
                ),
                ("XDG_STATE_HOME", "Holds pim/demo-tenant.json, the simulated tenant (default ~/.local/state)."),
            ]
        for (name, meaning) in variables {
            out.append(".TP")
            out.append("\\fB\(escape(name))\\fR")
            out.append(escape(meaning))
        }
        out.append(".SH FILES")
        for (path, meaning) in [
            (
                "$XDG_CONFIG_HOME/pim/config.json",
                """
                Configuration: tenant, cloud, clientId, defaultDuration, ticketSystem, ticketPattern, \
                justificationTemplates, roleSets, refreshInterval, colors, notifications (false: no desktop \
                notifications, only the bell). pim never writes it.
                """
            ),
            ("$XDG_CACHE_HOME/pim/", "Cached tokens (directory mode 0700, files 0600); pim logout deletes them."),
            ("$XDG_STATE_HOME/pim/demo-tenant.json", "State of the simulated tenant; pim demo reset starts it afresh."),
        ] {
            out.append(".TP")
            out.append("\\fI\(escape(path))\\fR")
            out.append(escape(meaning))
        }
        out.append(".SH EXIT STATUS")
        for code in ExitCode.allCases {
            out.append(".TP")
            out.append("\\fB\(code.rawValue)\\fR")
            out.append(escape(code.meaning))
        }
        out.append(".SH SEE ALSO")
        out.append(escape("docs/cli-output.md (the JSON output), docs/configuration.md (the configuration file)."))
        return out.joined(separator: "\n") + "\n"
    }

    static func optionLines(_ option: OptionSpec) -> [String] {
        var label = option.short.map { "\\fB\\-\($0)\\fR, " } ?? ""
        label += "\\fB\\-\\-\(escape(option.name))\\fR"
        if let value = option.valueName { label += " \\fI\(escape(value))\\fR" }
        var help = option.help
        if let environment = option.environment { help += " Environment: \(environment)." }
        return [".TP", label, escape(help)]
    }

    /// Escapes roff: backslashes, hyphens as minus signs, and a leading dot or quote.
    static func escape(_ text: String) -> String {
        var escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
        return escaped
    }
}
