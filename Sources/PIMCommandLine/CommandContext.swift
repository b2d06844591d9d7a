import Foundation
import PIMDomain

/// Everything a command runs with: what was typed, the resolved settings, the console, the clock
/// and the host. Commands get the service through `service()` so commands that need none never
/// sign in.
public struct CommandContext: Sendable {
    public var invocation: Invocation
    public var settings: GlobalSettings
    public var console: Console
    public var clock: CommandClock
    public var host: any CommandLineHost
    /// The zone local times are shown in.
    public var timeZone: TimeZone
    /// The process's environment (which terminal pim writes to, for desktop notifications).
    public var environment: [String: String]

    public init(
        invocation: Invocation, settings: GlobalSettings, console: Console, clock: CommandClock,
        host: any CommandLineHost, timeZone: TimeZone = .current, environment: [String: String] = [:]
    ) {
        self.invocation = invocation
        self.settings = settings
        self.console = console
        self.clock = clock
        self.host = host
        self.timeZone = timeZone
        self.environment = environment
    }

    public func service() async throws -> any PIMService { try await host.makeService(settings) }

    var json: Bool { settings.output == .json }
    var color: Bool { settings.color }

    /// Prints a table to stdout, fitted to the terminal.
    func print(_ table: Table) { console.writeOut(table.render(width: console.width, color: color)) }

    /// Prints one JSON document to stdout.
    func print(_ json: JSONValue) { console.writeOut(json.rendered()) }

    /// A sentence for the user on stderr (progress, notices, "nothing sent"), sanitised.
    func notice(_ text: String) { console.err(safeLines(text)) }

    /// A sentence of the program's own for stdout in table mode.
    func say(_ text: String) { console.out(text) }

    /// The outcome of a command that has no rows (`login`, `logout`, `demo reset`): the sentence, or
    /// with `--output json` an object `{"message": …}` so scripts always read JSON.
    func report(_ text: String) {
        if json { print(.object([("message", .string(text))])) } else { say(text) }
    }

    /// Local clock time of `date`: `14:05` today, `Tue 24 Nov 14:05` otherwise.
    func localTime(_ date: Date?) -> String {
        guard let date else { return "-" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = calendar.isDate(date, inSameDayAs: clock.now()) ? "HH:mm" : "EEE d MMM HH:mm"
        return formatter.string(from: date)
    }

    /// A duration option's value, or a usage error naming the option.
    func durationOption(_ option: OptionSpec) throws -> ActivationDuration? {
        guard let text = invocation.value(option) else { return nil }
        do throws(DurationParseError) { return try ActivationDuration(parsing: text) } catch {
            throw UsageError("--\(option.name): \(error.message)", command: invocation.command.name)
        }
    }

    /// How this command sends desktop notifications: off when the configuration says so; a terminal
    /// sequence only when stdout is a terminal that shows it; else `notify-send` when present.
    func desktopNotifier() -> DesktopNotifier {
        guard settings.configuration.notifications else { return .off }
        let channel = NotificationChannel.choose(
            environment: environment, oscAllowed: console.stdoutIsTerminal,
            notifySendPath: host.notifySendPath(environment: environment))
        let host = self.host
        return DesktopNotifier(channel: channel) { host.launch($0, $1) }
    }

    /// Sends one desktop notification through `notifier`; a terminal sequence goes to stdout.
    func send(_ notification: DesktopNotification?, through notifier: DesktopNotifier) {
        guard let notification else { return }
        notifier.send(notification) { console.writeOut($0) }
    }

    /// Asks on the terminal for a missing value; nil when stdin is not a terminal (scripts never block).
    func prompt(_ label: String) -> String? {
        guard console.stdinIsTerminal, console.stderrIsTerminal else { return nil }
        console.writeErr("\(label): ")
        let answer = console.readLine()?.trimmingCharacters(in: .whitespaces)
        return answer?.isEmpty == false ? answer : nil
    }
}
