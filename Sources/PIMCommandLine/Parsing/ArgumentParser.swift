/// Parses a command line against `CommandTable`, in the conventions of git, kubectl and
/// swift-argument-parser: `--flag value` and `--flag=value`, `-j value` and `-jvalue`, `--` ends the
/// options, global options before or after the subcommand, the last value of a repeated option wins.
public enum ArgumentParser {
    /// Parses `arguments` (without the program name). `--help` wins over any other problem.
    public static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        let (commandName, commandIndex) = findCommand(arguments)
        var command = Command.tui.spec
        if let commandName {
            guard let found = CommandTable.command(named: commandName) else {
                if arguments.contains("--help") || arguments.contains("-h") {
                    return Invocation(command: Command.help.spec, wantsHelp: true)
                }
                // `pim --outptu json roles`: the word after an unknown option is its value, not a command.
                if let commandIndex, commandIndex > 0, case let previous = arguments[commandIndex - 1],
                    previous.hasPrefix("--"), previous != "--", !previous.contains("="),
                    CommandTable.globalOption(named: String(previous.dropFirst(2))) == nil
                {
                    let name = String(previous.dropFirst(2))
                    let known = CommandTable.globalOptions.filter { !$0.hidden }.map(\.name)
                    throw UsageError(
                        "Unknown option \(previous)."
                            + Suggestion.sentence(for: name, in: known, prefix: "--")
                            + " Run pim --help to see every option.")
                }
                let names = CommandTable.visibleCommands.map(\.name)
                throw UsageError(
                    "Unknown command \"\(commandName)\"."
                        + Suggestion.sentence(for: commandName, in: names)
                        + " Run pim --help to see every command.")
            }
            command = found
        }
        var invocation = Invocation(command: command)
        var firstError: UsageError?
        func fail(_ message: String) {
            if firstError == nil { firstError = UsageError(message, command: command.name) }
        }
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if index - 1 == commandIndex { continue }
            if optionsEnded || token == "-" || !token.hasPrefix("-") {
                invocation.positionals.append(token)
                continue
            }
            if token == "--" { optionsEnded = true; continue }
            var name: String
            var inline: String?
            var spec: OptionSpec?
            if token.hasPrefix("--") {
                let body = token.dropFirst(2)
                if let eq = body.firstIndex(of: "=") {
                    name = String(body[..<eq])
                    inline = String(body[body.index(after: eq)...])
                } else {
                    name = String(body)
                }
                spec = command.option(named: name) ?? CommandTable.globalOption(named: name)
            } else {
                let letter = token.dropFirst().first!
                name = "-\(letter)"
                let rest = String(token.dropFirst(2))
                if !rest.isEmpty { inline = rest.hasPrefix("=") ? String(rest.dropFirst()) : rest }
                spec = command.option(short: letter) ?? CommandTable.globalOptions.first { $0.short == letter }
            }
            guard let spec else {
                let known = (command.options + CommandTable.globalOptions).filter { !$0.hidden }.map(\.name)
                let display = token.hasPrefix("--") ? "--\(name)" : token
                let hint =
                    token.hasPrefix("--")
                    ? Suggestion.sentence(for: name, in: known, prefix: "--") : ""
                fail(
                    """
                    Unknown option \(display) for pim \(command.name).\(hint) Run pim \(command.name) --help to see \
                    its options.
                    """
                )
                continue
            }
            if spec.name == OptionSpec.help.name { invocation.wantsHelp = true; continue }
            if spec.name == OptionSpec.version.name { invocation.wantsVersion = true; continue }
            if spec.isFlag {
                if inline != nil { fail("--\(spec.name) is a flag and takes no value: write --\(spec.name) alone.") }
                invocation.values[spec.name, default: []].append("")
                continue
            }
            var value = inline
            if value == nil {
                if index < arguments.count, index != commandIndex, !looksLikeOption(arguments[index], in: command) {
                    value = arguments[index]
                    index += 1
                } else {
                    fail("--\(spec.name) needs a value: write --\(spec.name) \(spec.valueName ?? "VALUE").")
                    continue
                }
            }
            if let value, !spec.choices.isEmpty, !spec.choices.contains(value) {
                fail(
                    "\"\(value)\" is not a valid value for --\(spec.name)."
                        + Suggestion.sentence(for: value, in: spec.choices)
                        + " Use one of: \(spec.choices.joined(separator: ", ")).")
            }
            invocation.values[spec.name, default: []].append(value ?? "")
        }
        if invocation.wantsHelp && commandName == nil { invocation.command = Command.help.spec }
        if invocation.wantsHelp || invocation.wantsVersion { return invocation }
        if let firstError { throw firstError }
        try validate(invocation)
        return invocation
    }

    /// The subcommand's name and position: the first word that is neither an option nor a global
    /// option's value. Options before it can only be global ones.
    static func findCommand(_ arguments: [String]) -> (String?, Int?) {
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if token == "--" {
                return index + 1 < arguments.count ? (arguments[index + 1], index + 1) : (nil, nil)
            }
            if token == "-" || !token.hasPrefix("-") { return (token, index) }
            if token.hasPrefix("--"), !token.contains("="),
                let spec = CommandTable.globalOption(named: String(token.dropFirst(2))), !spec.isFlag
            {
                index += 1
            } else if !token.hasPrefix("--"), token.count == 2,
                let spec = CommandTable.globalOptions.first(where: { $0.short == token.last }), !spec.isFlag
            {
                index += 1
            }
            index += 1
        }
        return (nil, nil)
    }

    /// A following word that is itself a known option is not taken as a value (`--ticket --wait`
    /// means the ticket was forgotten). Unknown dashed words (`-5`, `--- note`) are values.
    static func looksLikeOption(_ word: String, in command: CommandSpec) -> Bool {
        if word == "--" { return true }
        if word.hasPrefix("--") {
            let name = String(word.dropFirst(2).split(separator: "=", maxSplits: 1).first ?? "")
            return command.option(named: name) != nil || CommandTable.globalOption(named: name) != nil
        }
        if word.hasPrefix("-"), word.count >= 2, let letter = word.dropFirst().first {
            return command.option(short: letter) != nil || CommandTable.globalOptions.contains { $0.short == letter }
        }
        return false
    }

    static func validate(_ invocation: Invocation) throws(UsageError) {
        let command = invocation.command
        for group in command.exclusive {
            let given = group.filter { invocation.has($0) }
            if given.count > 1 {
                let names = given.map { "--\($0.name)" }.joined(separator: " and ")
                throw UsageError(
                    "\(names) cannot be combined: pick one.",
                    command: command.name)
            }
        }
        var remaining = invocation.positionals
        for argument in command.arguments {
            if remaining.isEmpty {
                if argument.optional { continue }
                var help = argument.help
                if help.hasSuffix(".") { help.removeLast() }
                let example = command.examples.first.map { " For example: \($0.command)" } ?? ""
                throw UsageError(
                    "pim \(command.name) needs \(argument.repeating ? "at least one " : "")\(argument.name), "
                        + help.prefix(1).lowercased() + help.dropFirst() + ".\(example)",
                    command: command.name)
            }
            let taken = argument.repeating ? remaining : [remaining[0]]
            remaining.removeFirst(taken.count)
            for value in taken where !argument.choices.isEmpty && !argument.choices.contains(value) {
                throw UsageError(
                    "\"\(value)\" is not a valid \(argument.name) for pim \(command.name)."
                        + Suggestion.sentence(for: value, in: argument.choices)
                        + " Use one of: \(argument.choices.joined(separator: ", ")).", command: command.name)
            }
        }
        if let extra = remaining.first {
            let hint = extra.contains(" ") || command.arguments.isEmpty ? "" : " Quote a name that contains spaces."
            throw UsageError(
                """
                pim \(command.name) takes \(command.arguments.isEmpty ? "no arguments" : "fewer arguments"), but \
                \"\(extra)\" was given.\(hint)
                """,
                command: command.name)
        }
    }
}
