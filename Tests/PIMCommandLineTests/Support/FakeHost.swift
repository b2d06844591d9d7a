import Foundation
import PIMCommandLine
import PIMDomain
import PIMTestSupport
import Synchronization

/// A host that hands out the fake service and records what the session commands asked for.
struct FakeHost: CommandLineHost {
    let service: FakeService

    func makeService(_ settings: GlobalSettings) async throws -> any PIMService { service }

    func login(
        _ settings: GlobalSettings, method: LoginMethod, includeAudit: Bool, console: Console
    ) async throws -> String {
        "Signed in with \(method.rawValue)\(includeAudit ? " and the audit scopes" : "")."
    }

    func logout(_ settings: GlobalSettings) throws -> String { "Deleted the cached tokens." }

    func connectionSummary(_ settings: GlobalSettings) -> [(String, String)] { [("service", "fake")] }

    func demoReset(_ settings: GlobalSettings) throws -> String { "The demo tenant starts afresh." }

    func demoPersonas(_ settings: GlobalSettings) -> [DemoPersona] {
        [
            DemoPersona(name: "ada", displayName: "Ada Lovelace", summary: "requester", isDefault: true),
            DemoPersona(name: "ben", displayName: "Ben Okafor", summary: "approver"),
        ]
    }

    func runFullScreen(service: any PIMService, settings: GlobalSettings) async -> Int32 { 0 }
}

/// The outcome of one run of the command line.
struct RunResult {
    var code: Int32
    var stdout: String
    var stderr: String
}

/// A fixed "now": Monday 23 November 2026, 12:00 UTC.
let testNow = Date(timeIntervalSince1970: 1_795_435_200)

/// Runs the command line against `service` with an isolated environment.
func run(
    _ arguments: [String], service: FakeService? = nil, environment: [String: String] = [:],
    input: [String] = [], stdinIsTerminal: Bool = false, terminal: Bool = false, width: Int? = nil,
    sleeps: Int = 0
) async -> RunResult {
    let service = service ?? FakeService(now: testNow)
    let (console, captured) = Console.capturing(
        input: input, stdinIsTerminal: stdinIsTerminal, terminal: terminal,
        width: width)
    var env = ["HOME": isolatedHome()]
    env.merge(environment) { $1 }
    let counter = SleepCounter(limit: sleeps)
    let clock = CommandClock(now: { testNow }, sleep: { _ in try counter.tick() })
    let code = await CommandLineTool.run(
        arguments: arguments, environment: env, console: console,
        host: FakeHost(service: service), clock: clock,
        timeZone: TimeZone(identifier: "UTC")!)
    return RunResult(code: code, stdout: captured.stdout, stderr: captured.stderr)
}

/// Lets a polling loop sleep `limit` times, then stops it (as Ctrl-C would).
final class SleepCounter: Sendable {
    let limit: Int
    let count = Mutex(0)
    init(limit: Int) { self.limit = limit }
    func tick() throws {
        try count.withLock { count in
            count += 1
            if count > limit { throw CancellationError() }
        }
    }
}

/// A fresh temporary HOME so no test reads or writes the user's configuration or cache.
func isolatedHome() -> String {
    let path = NSTemporaryDirectory() + "pim-cli-tests-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes a configuration file in a fresh home and returns the environment pointing at it.
func environment(withConfig json: String) -> [String: String] {
    let home = isolatedHome()
    let dir = home + "/.config/pim"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: dir + "/config.json", contents: Data(json.utf8))
    return ["HOME": home]
}

/// Parses stdout as JSON.
func json(_ text: String) -> Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
