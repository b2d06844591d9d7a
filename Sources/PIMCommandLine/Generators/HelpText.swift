/// `--help` for pim and for every command, generated from `CommandTable`.
public enum HelpText {
    /// The overview: every command with its abstract, the global options, exit codes.
    public static func overview() -> String {
        var out = """
            pim \(CommandTable.version): just-in-time elevation on Microsoft Entra ID PIM.

            USAGE: pim [global options] [COMMAND] [options] [arguments]

            Without a command, pim opens the full-screen interface.

            COMMANDS:

            """
        let width = CommandTable.visibleCommands.map(\.name.count).max() ?? 0
        for command in CommandTable.visibleCommands {
            out +=
                "  \(command.name.padding(width))  "
                + wrap(command.abstract, width: 78, indent: width + 4).drop { $0 == " " } + "\n"
        }
        out += "\nGLOBAL OPTIONS:\n" + optionLines(CommandTable.globalOptions)
        out += "\nEXIT CODES:\n"
        for code in ExitCode.allCases {
            out += "  \(code.rawValue)  " + wrap(code.meaning, width: 78, indent: 5).drop { $0 == " " } + "\n"
        }
        out += "\nRun pim COMMAND --help for the options and examples of a command.\n"
        return out
    }

    /// Help of one command: usage, description, arguments, options, global options, examples.
    public static func help(for command: CommandSpec) -> String {
        // `pim help help` is the overview: the help command explains every command.
        if command.name == Command.help.spec.name { return overview() }
        var out = "\(command.abstract)\n\nUSAGE: \(command.usage)\n"
        if !command.discussion.isEmpty { out += "\n\(wrap(command.discussion, width: 78, indent: 0))\n" }
        if !command.arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            let width = command.arguments.map { $0.synopsis.count }.max() ?? 0
            for argument in command.arguments {
                let wrapped = wrap(argument.help, width: 78, indent: width + 4)
                out += "  \(argument.synopsis.padding(width))  " + wrapped.drop { $0 == " " } + "\n"
            }
        }
        let options = command.options.filter { !$0.hidden }
        if !options.isEmpty { out += "\nOPTIONS:\n" + optionLines(options) }
        out += "\nGLOBAL OPTIONS:\n" + optionLines(CommandTable.globalOptions)
        if !command.examples.isEmpty {
            out += "\nEXAMPLES:\n"
            for example in command.examples {
                out += "  \(example.command)\n      \(example.explanation)\n"
            }
        }
        return out
    }

    static func optionLines(_ options: [OptionSpec]) -> String {
        let visible = options.filter { !$0.hidden }
        let width = min(30, visible.map { label($0).count }.max() ?? 0)
        var out = ""
        for option in visible {
            var help = option.help
            if let environment = option.environment { help += " [env: \(environment)]" }
            let label = label(option)
            if label.count > width {
                out += "  \(label)\n" + wrap(help, width: 78, indent: width + 4) + "\n"
            } else {
                let wrapped = wrap(help, width: 78, indent: width + 4)
                out += "  \(label.padding(width))  " + wrapped.drop { $0 == " " } + "\n"
            }
        }
        return out
    }

    static func label(_ option: OptionSpec) -> String {
        option.short == nil ? "    \(option.synopsis)" : option.helpLabel
    }

    /// Word-wraps `text` to `width` columns, every line indented by `indent` spaces.
    static func wrap(_ text: String, width: Int, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, indent + line.count + 1 + word.count > width {
                lines.append(pad + line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        if !line.isEmpty { lines.append(pad + line) }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Pads with spaces to `width` characters (ASCII help text only).
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
