import Foundation
import PIMDomain

/// The command line of pim: parses, loads the configuration, runs the command, and turns every
/// failure into one sentence on stderr and an exit code of product.md.
public enum CommandLineTool {
    public static let version = CommandTable.version

    /// Runs pim with `arguments` (without the program name) and returns the exit code.
    public static func run(
        arguments: [String], environment: [String: String], console: Console,
        host: any CommandLineHost, clock: CommandClock = .system,
        timeZone: TimeZone = .current
    ) async -> Int32 {
        do {
            let invocation = try ArgumentParser.parse(arguments)
            if invocation.wantsVersion {
                console.out("pim \(version)")
                return ExitCode.success.rawValue
            }
            if invocation.wantsHelp {
                console.writeOut(HelpText.help(for: invocation.command))
                return ExitCode.success.rawValue
            }
            let paths = Paths(environment: environment)
            let configPath =
                invocation.value(.config)
                ?? environment["PIM_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? paths.configFile
            let (configuration, warnings) = try Configuration.load(path: configPath)
            for warning in warnings { console.err(warning) }
            let settings = GlobalSettings(
                invocation: invocation, environment: environment, configuration: configuration,
                configPath: configPath, stdoutIsTerminal: console.stdoutIsTerminal)
            try settings.validate()
            if let token = settings.accessToken { SecretMask.remember(token) }
            if let token = settings.armAccessToken { SecretMask.remember(token) }
            let context = CommandContext(
                invocation: invocation, settings: settings, console: console, clock: clock,
                host: host, timeZone: timeZone, environment: environment)
            return try await dispatch(context)
        } catch {
            return report(error, console: console)
        }
    }

    /// Runs the handler the table pairs with the parsed command's spec.
    static func dispatch(_ context: CommandContext) async throws -> Int32 {
        guard let command = CommandTable.command(for: context.invocation.command) else {
            throw UsageError("Unknown command \"\(context.invocation.command.name)\": run pim --help.")
        }
        if context.settings.output == .csv, command.spec.name != Command.history.spec.name {
            throw UsageError(
                "--output csv is supported by pim history only; use table or json here.",
                command: context.invocation.command.name)
        }
        return try await command.run(context)
    }

    /// Writes the failure as one sanitised sentence on stderr and returns its exit code.
    static func report(_ error: any Error, console: Console) -> Int32 {
        let (message, code): (String, ExitCode)
        switch error {
        case let usage as UsageError: (message, code) = (usage.message, .usage)
        case let config as ConfigurationError: (message, code) = (config.description, .usage)
        case let pim as PIMError: (message, code) = (ErrorWording.detailed(pim), ExitCode.for(pim))
        case let problems as DraftProblems:
            (message, code) = (problems.problems.map(\.message).joined(separator: " "), .refused)
        case let refusal as Refusal: (message, code) = (refusal.message, refusal.code)
        default:
            (message, code) = (
                "Unexpected error: \(error). Run again with --verbose and report it if it persists.", .failure
            )
        }
        console.err("pim: " + safeLines(message))
        return code.rawValue
    }
}

/// A failure the command already explained (possibly over several lines) with its exit code.
struct Refusal: Error, Sendable {
    var message: String
    var code: ExitCode
    init(_ message: String, code: ExitCode = .refused) {
        self.message = message
        self.code = code
    }
}

/// Sanitises each line of `text` but keeps the line breaks of pim's own multi-line messages.
func safeLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { Sanitizer.sanitize(String($0)) }.joined(separator: "\n")
}
