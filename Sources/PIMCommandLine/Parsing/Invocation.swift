/// What the user typed, parsed against the command table: the command, its option values and positionals.
public struct Invocation: Sendable, Hashable {
    public var command: CommandSpec
    /// Values by option name, in the order given; flags hold an empty string per occurrence. Read
    /// through `has(_:)` and `value(_:)` with the option's declared value, never by a typed name.
    var values: [String: [String]]
    public var positionals: [String]
    /// `--help` was given: show help for `command` and do nothing else.
    public var wantsHelp: Bool
    /// `--version` was given.
    public var wantsVersion: Bool

    init(
        command: CommandSpec, values: [String: [String]] = [:], positionals: [String] = [],
        wantsHelp: Bool = false, wantsVersion: Bool = false
    ) {
        self.command = command
        self.values = values
        self.positionals = positionals
        self.wantsHelp = wantsHelp
        self.wantsVersion = wantsVersion
    }

    /// True when the flag (or option) was given.
    public func has(_ option: OptionSpec) -> Bool { values[option.name] != nil }

    /// The last value given for `option` (later occurrences override earlier ones, as in git).
    public func value(_ option: OptionSpec) -> String? { values[option.name]?.last }

    /// The values given for `argument`, one of the command's positionals (matched by name): every
    /// remaining one for a repeating argument. Positionals are handed out as the parser checked them,
    /// in the order the command declares its arguments, an optional one only when one is left.
    public func values(_ argument: ArgumentSpec) -> [String] {
        var remaining = positionals[...]
        for declared in command.arguments {
            let taken = declared.repeating ? remaining : remaining.prefix(1)
            if declared.name == argument.name { return Array(taken) }
            remaining = remaining.dropFirst(taken.count)
        }
        return []
    }

    /// The value given for a single `argument`; nil when an optional one was left out.
    public func value(_ argument: ArgumentSpec) -> String? { values(argument).first }

    /// The value of a required single `argument`: the parser refuses a command line without it.
    public func required(_ argument: ArgumentSpec) -> String {
        guard let value = value(argument) else {
            preconditionFailure("pim \(command.name) ran without its \(argument.name): the parser checks it")
        }
        return value
    }
}

/// A command line that does not fit the command table: exit code 2, with the problem and the fix.
public struct UsageError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// The command whose usage line to show under the message.
    public var command: String?

    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    public var description: String { message }
}
