/// How the shell should complete a value: the completions generator reads this.
public enum CompletionKind: String, Sendable, Hashable {
    case none
    /// Role and group names from the cache `pim roles` keeps.
    case targets
    /// The fixed `choices` of the option or argument.
    case choices
    /// A path on disk.
    case file
    /// Demo personas.
    case personas
    /// The names of pim's commands (what `pim help` explains).
    case commands
    /// The ids of my pending requests, from the cache `pim requests` keeps.
    case myRequests
    /// The ids of the requests waiting for my decision, from the cache `pim approvals` keeps.
    case approvals
    /// The ids of my access review decisions, from the cache `pim reviews` keeps.
    case reviewDecisions
}

/// One option of a command: a flag (`--wait`) or an option with a value (`--duration 2h`).
public struct OptionSpec: Sendable, Hashable {
    /// The long name without dashes: `justification`.
    public var name: String
    /// A one-letter alias: `-j`.
    public var short: Character?
    /// The placeholder of the value (`TEXT`); nil for a flag.
    public var valueName: String?
    public var help: String
    /// The environment variable that supplies a default.
    public var environment: String?
    /// Accepted values; empty means anything.
    public var choices: [String]
    public var completion: CompletionKind
    /// May be given several times (values accumulate).
    public var repeatable: Bool
    /// Left out of help, completions and the man page.
    public var hidden: Bool

    public init(
        _ name: String, short: Character? = nil, value: String? = nil, help: String,
        environment: String? = nil, choices: [String] = [], completion: CompletionKind? = nil,
        repeatable: Bool = false, hidden: Bool = false
    ) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
        self.environment = environment
        self.choices = choices
        self.completion = completion ?? (choices.isEmpty ? .none : .choices)
        self.repeatable = repeatable
        self.hidden = hidden
    }

    public var isFlag: Bool { valueName == nil }

    /// The same option with the help another command words it with (`--justification` is "Why (optional)."
    /// for deactivate): the name, and so every lookup of it, stays the one declared.
    public func with(help: String) -> OptionSpec {
        var copy = self
        copy.help = help
        return copy
    }

    /// `--duration DURATION`, `-j, --justification TEXT`.
    public var synopsis: String {
        var text = "--\(name)"
        if let valueName { text += " \(valueName)" }
        return text
    }

    public var helpLabel: String {
        let long = synopsis
        if let short { return "-\(short), \(long)" }
        return long
    }
}

/// A positional argument.
public struct ArgumentSpec: Sendable, Hashable {
    public var name: String
    public var help: String
    public var optional: Bool
    /// Takes every remaining positional value.
    public var repeating: Bool
    public var choices: [String]
    public var completion: CompletionKind

    public init(
        _ name: String, help: String, optional: Bool = false, repeating: Bool = false,
        choices: [String] = [], completion: CompletionKind? = nil
    ) {
        self.name = name
        self.help = help
        self.optional = optional
        self.repeating = repeating
        self.choices = choices
        self.completion = completion ?? (choices.isEmpty ? .none : .choices)
    }

    /// The same argument worded for one command (its name, and so its lookup, stay the same).
    public func with(help: String) -> ArgumentSpec {
        var copy = self
        copy.help = help
        return copy
    }

    /// The same argument completed from other candidates.
    public func completing(_ completion: CompletionKind) -> ArgumentSpec {
        var copy = self
        copy.completion = completion
        return copy
    }

    /// `TARGET...`, `[REQUEST_ID]`, `bash|zsh|fish`.
    public var synopsis: String {
        var text = choices.isEmpty ? name : choices.joined(separator: "|")
        if repeating { text += "..." }
        return optional ? "[\(text)]" : text
    }
}

/// One example in the help text and the man page.
public struct Example: Sendable, Hashable {
    public var command: String
    public var explanation: String
    public init(_ command: String, _ explanation: String) {
        self.command = command
        self.explanation = explanation
    }
}

/// A subcommand: everything the parser, help, completions and the man page need to know about it.
public struct CommandSpec: Sendable, Hashable {
    public var name: String
    public var abstract: String
    public var discussion: String
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    public var examples: [Example]
    /// Options that cannot be combined.
    public var exclusive: [[OptionSpec]]
    /// Hidden commands (used by completion scripts) are not listed anywhere.
    public var hidden: Bool
    /// Talks to the PIM service (so needs sign-in or the demo tenant).
    public var usesService: Bool

    public init(
        _ name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], examples: [Example] = [], exclusive: [[OptionSpec]] = [],
        hidden: Bool = false, usesService: Bool = true
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.examples = examples
        self.exclusive = exclusive
        self.hidden = hidden
        self.usesService = usesService
    }

    public func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
    public func option(short: Character) -> OptionSpec? { options.first { $0.short == short } }

    /// `pim activate TARGET... [options]`.
    public var usage: String {
        var parts = ["pim", name]
        parts += arguments.map(\.synopsis)
        if !options.filter({ !$0.hidden }).isEmpty { parts.append("[options]") }
        return parts.joined(separator: " ")
    }
}
