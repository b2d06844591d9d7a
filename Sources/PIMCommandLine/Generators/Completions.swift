/// Shell completion scripts generated from `CommandTable`. Role and group names come from
/// `pim __complete targets`, which reads the cache the last listing wrote, so completing never
/// signs in or waits for the network.
public enum Completions {
    public static func script(for shell: String) -> String {
        switch shell {
        case "zsh": zsh()
        case "fish": fish()
        default: bash()
        }
    }

    static var commands: [CommandSpec] { CommandTable.visibleCommands }
    /// What `.commands` completes to: the visible commands' names.
    static var commandNames: String { commands.map(\.name).joined(separator: " ") }

    /// The command that prints a kind's cached request ids (`pim __complete requests`), for every shell.
    static func candidates(_ kind: CompletionKind) -> String {
        let name =
            switch kind {
            case .myRequests: "requests"
            case .reviewDecisions: "reviews"
            default: "approvals"
            }
        return "pim __complete \(name) 2>/dev/null"
    }

    static func words(_ options: [OptionSpec]) -> String {
        options.filter { !$0.hidden }.flatMap { option -> [String] in
            var words = ["--\(option.name)"]
            if let short = option.short { words.append("-\(short)") }
            return words
        }.joined(separator: " ")
    }

    static func valueCase(_ option: OptionSpec) -> String? {
        guard !option.isFlag else { return nil }
        var patterns = ["--\(option.name)"]
        if let short = option.short { patterns.append("-\(short)") }
        let action: String
        switch option.completion {
        case .choices: action = "COMPREPLY=($(compgen -W \"\(option.choices.joined(separator: " "))\" -- \"$cur\"))"
        case .personas: action = "COMPREPLY=($(compgen -W \"$(pim __complete personas 2>/dev/null)\" -- \"$cur\"))"
        case .file: action = "COMPREPLY=($(compgen -f -- \"$cur\"))"
        case .targets: action = "_pim_targets"
        case .commands: action = "COMPREPLY=($(compgen -W \"\(commandNames)\" -- \"$cur\"))"
        case .myRequests, .approvals, .reviewDecisions:
            action = "COMPREPLY=($(compgen -W \"$(\(candidates(option.completion)))\" -- \"$cur\"))"
        case .none: action = "COMPREPLY=()"
        }
        return "        \(patterns.joined(separator: "|"))) \(action); return ;;"
    }

    static func bash() -> String {
        let globals = CommandTable.globalOptions
        let allOptions = globals + commands.flatMap(\.options)
        var seen = Set<String>()
        let valueCases = allOptions.filter { seen.insert($0.name).inserted }.compactMap(valueCase)
        let globalValueOptions = globals.filter { !$0.isFlag }.flatMap { option -> [String] in
            ["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? [])
        }.joined(separator: "|")
        var commandCases: [String] = []
        for command in commands {
            let options = words(command.options + globals)
            let optionReply = "COMPREPLY=($(compgen -W \"\(options)\" -- \"$cur\"))"
            var positional = "COMPREPLY=()"
            if let argument = command.arguments.first {
                switch argument.completion {
                case .targets: positional = "_pim_targets"
                case .choices:
                    positional = "COMPREPLY=($(compgen -W \"\(argument.choices.joined(separator: " "))\" -- \"$cur\"))"
                case .commands:
                    positional = "COMPREPLY=($(compgen -W \"\(commandNames)\" -- \"$cur\"))"
                case .myRequests, .approvals, .reviewDecisions:
                    positional = "COMPREPLY=($(compgen -W \"$(\(candidates(argument.completion)))\" -- \"$cur\"))"
                case .none, .file, .personas:
                    positional = "COMPREPLY=()"
                }
            }
            commandCases.append(
                """
                        \(command.name))
                            if [[ $cur == -* ]]; then \(optionReply); else \(positional); fi ;;
                """)
        }
        let commandWords = "\(commands.map(\.name).joined(separator: " ")) \(words(globals))"
        return """
            # bash completion for pim. Enable with: source <(pim completion bash)
            _pim_targets() {
                local IFS=$'\\n' name word="$cur" strip="" i=$COMP_CWORD
                # bash splits "group:fin" and "azure:Owner@Dev" at ":" and "@": complete the whole word, answer
                # only what follows the last of them.
                while ((i > 1)) && [[ ${COMP_WORDS[i]} == [:@] || ${COMP_WORDS[i-1]} == [:@] ]]; do
                    ((i--)); word="${COMP_WORDS[i]}$word"
                done
                [[ $word == *[:@]* ]] && strip="${word%"${word##*[:@]}"}"
                COMPREPLY=()
                while IFS= read -r name; do
                    COMPREPLY+=("$(printf '%q' "${name#"$strip"}")")
                done < <(compgen -W "$(pim __complete targets 2>/dev/null)" -- "$word")
            }

            _pim() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
                for ((i = 1; i < COMP_CWORD; i++)); do
                    case "${COMP_WORDS[i]}" in
                        \(globalValueOptions)) ((i++)) ;;
                        -*) ;;
                        *) cmd="${COMP_WORDS[i]}"; break ;;
                    esac
                done
                case "$prev" in
            \(valueCases.joined(separator: "\n"))
                esac
                case "$cmd" in
                    "")
                        COMPREPLY=($(compgen -W "\(commandWords)" -- "$cur")) ;;
            \(commandCases.joined(separator: "\n"))
                esac
            }
            complete -F _pim pim

            """
    }

    /// Escapes text for a single-quoted zsh `_arguments` spec.
    static func zshEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "'", with: "'\\''")
            .replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
            .replacingOccurrences(of: ":", with: "\\:")
    }

    static func zshSpec(_ option: OptionSpec) -> [String] {
        var action = ""
        if !option.isFlag {
            let value = option.valueName ?? "VALUE"
            switch option.completion {
            case .choices: action = ":\(value):(\(option.choices.joined(separator: " ")))"
            case .personas: action = ":\(value):_pim_personas"
            case .targets: action = ":\(value):_pim_targets"
            case .commands: action = ":\(value):(\(commandNames))"
            case .myRequests, .approvals, .reviewDecisions: action = ":\(value):_pim_\(option.completion.rawValue)"
            case .file: action = ":\(value):_files"
            case .none: action = ":\(value): "
            }
        }
        var specs = ["'--\(option.name)[\(zshEscape(option.help))]\(action)'"]
        if let short = option.short { specs.append("'-\(short)[\(zshEscape(option.help))]\(action)'") }
        return specs
    }

    static func zsh() -> String {
        // One completion function per kind of cached id, each reading its own cache.
        let idFunctions = [CompletionKind.myRequests, .approvals, .reviewDecisions].map { kind in
            "_pim_\(kind.rawValue)() {\n    local -a ids\n    ids=(${(f)\"$(\(candidates(kind)))\"})\n"
                + "    compadd -a ids\n}"
        }.joined(separator: "\n\n")
        let globals = CommandTable.globalOptions.flatMap(zshSpec).joined(separator: " \\\n        ")
        let list = commands.map { "        '\($0.name):\(zshEscape($0.abstract))'" }.joined(separator: "\n")
        var cases: [String] = []
        for command in commands {
            var specs = command.options.flatMap(zshSpec)
            for argument in command.arguments {
                let action: String =
                    switch argument.completion {
                    case .targets: "_pim_targets"
                    case .choices: "(\(argument.choices.joined(separator: " ")))"
                    case .commands: "(\(commandNames))"
                    case .myRequests, .approvals, .reviewDecisions: "_pim_\(argument.completion.rawValue)"
                    default: " "
                    }
                specs.append("'\(argument.repeating ? "*" : "1"):\(argument.name):\(action)'")
            }
            cases.append("            \(command.name)) _arguments \"${globals[@]}\" \(specs.joined(separator: " ")) ;;")
        }
        return """
            #compdef pim
            # zsh completion for pim. Install: pim completion zsh > "${fpath[1]}/_pim"

            _pim_targets() {
                local -a targets
                targets=(${(f)"$(pim __complete targets 2>/dev/null)"})
                compadd -a targets
            }

            \(idFunctions)

            _pim_personas() {
                local -a personas
                personas=(${(f)"$(pim __complete personas 2>/dev/null)"})
                compadd -a personas
            }

            _pim() {
                local -a globals commands
                globals=(\(globals))
                commands=(
            \(list)
                )
                local curcontext="$curcontext" state line
                _arguments -C "${globals[@]}" '1: :->command' '*:: :->args'
                case $state in
                    command) _describe -t commands 'pim command' commands ;;
                    args)
                        case $line[1] in
            \(cases.joined(separator: "\n"))
                        esac ;;
                esac
            }

            _pim "$@"

            """
    }

    static func fishEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    static func fishLine(_ option: OptionSpec, condition: String?) -> String {
        var line = "complete -c pim"
        if let condition { line += " -n '\(condition)'" }
        line += " -l \(option.name)"
        if let short = option.short { line += " -s \(short)" }
        if !option.isFlag {
            switch option.completion {
            case .choices: line += " -x -a '\(option.choices.joined(separator: " "))'"
            case .personas: line += " -x -a '(pim __complete personas 2>/dev/null)'"
            case .targets: line += " -x -a '(pim __complete targets 2>/dev/null)'"
            case .commands: line += " -x -a '\(commandNames)'"
            case .myRequests, .approvals, .reviewDecisions: line += " -x -a '(\(candidates(option.completion)))'"
            case .file: line += " -r -F"
            case .none: line += " -x"
            }
        }
        return line + " -d '\(fishEscape(option.help))'"
    }

    static func fish() -> String {
        var lines = [
            "# fish completion for pim. Install: pim completion fish > ~/.config/fish/completions/pim.fish",
            "complete -c pim -f",
        ]
        let names = commands.map(\.name).joined(separator: " ")
        for command in commands {
            lines.append(
                """
                complete -c pim -n 'not __fish_seen_subcommand_from \(names)' -a \(command.name) -d \
                '\(fishEscape(command.abstract))'
                """
            )
        }
        for option in CommandTable.globalOptions where !option.hidden {
            lines.append(fishLine(option, condition: nil))
        }
        for command in commands {
            let condition = "__fish_seen_subcommand_from \(command.name)"
            for option in command.options where !option.hidden { lines.append(fishLine(option, condition: condition)) }
            for argument in command.arguments {
                switch argument.completion {
                case .targets:
                    lines.append("complete -c pim -n '\(condition)' -x -a '(pim __complete targets 2>/dev/null)'")
                case .choices:
                    lines.append("complete -c pim -n '\(condition)' -x -a '\(argument.choices.joined(separator: " "))'")
                case .commands:
                    lines.append("complete -c pim -n '\(condition)' -x -a '\(commandNames)'")
                case .myRequests, .approvals, .reviewDecisions:
                    lines.append("complete -c pim -n '\(condition)' -x -a '(\(candidates(argument.completion)))'")
                default:
                    break
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
