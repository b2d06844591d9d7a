import Foundation

/// Runs the built `pim` executable as a process, the way a user or a script does: arguments,
/// environment, stdin that is not a terminal; returns exit code, stdout and stderr.
enum PimBinary {
    /// `.build/<triple>/debug/pim`, next to the test bundle.
    static let path: String = {
        let selfPath =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: selfPath).deletingLastPathComponent()
        // On macOS the test binary sits inside an .xctest bundle.
        while directory.path.contains(".xctest") { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("pim").path
    }()

    struct Result: CustomStringConvertible {
        var code: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(code)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }

        /// stdout parsed as JSON.
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    /// Runs `pim arguments…` with `environment` (added to a minimal, isolated one) and `input` on stdin.
    static func run(
        _ arguments: [String], in sandbox: Sandbox, environment: [String: String] = [:],
        input: String = "", timeout: Double = 60
    ) throws -> Result {
        try start(arguments, in: sandbox, environment: environment, input: input).wait(timeout: timeout)
    }

    /// Starts `pim` without waiting, for commands that run until something happens (`--wait`, `--watch`).
    static func start(
        _ arguments: [String], in sandbox: Sandbox, environment: [String: String] = [:],
        input: String = ""
    ) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = sandbox.environment
        env.merge(environment) { $1 }
        process.environment = env
        let id = UUID().uuidString
        let running = Running(
            process: process, outFile: sandbox.root + "/stdout-\(id)", errFile: sandbox.root + "/stderr-\(id)")
        let inFile = sandbox.root + "/stdin-\(id)"
        _ = FileManager.default.createFile(atPath: running.outFile, contents: nil)
        _ = FileManager.default.createFile(atPath: running.errFile, contents: nil)
        _ = FileManager.default.createFile(atPath: inFile, contents: Data(input.utf8))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: running.outFile))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: running.errFile))
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inFile))
        try process.run()
        return running
    }

    /// A started `pim`: read its output so far, wait for it, or stop it.
    struct Running {
        let process: Process
        let outFile: String
        let errFile: String

        var stdoutSoFar: String { (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? "" }

        /// Polls until `condition` holds on stdout (a deadline, not a timing assumption).
        @discardableResult
        func waitForOutput(timeout: Double = 30, _ condition: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if condition(stdoutSoFar) { return true }
                if !process.isRunning { return condition(stdoutSoFar) }
                usleep(50_000)
            }
            return false
        }

        func wait(timeout: Double = 60) -> Result {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            return Result(
                code: process.terminationStatus, stdout: stdoutSoFar,
                stderr: (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? "")
        }

        /// Sends SIGINT (Ctrl-C) and waits for the process to end.
        func interrupt() -> Result {
            if process.isRunning { process.interrupt() }
            return wait(timeout: 10)
        }
    }
}

/// A fresh HOME with its own XDG directories, so tests never touch the user's files or each other's
/// demo tenant. Removed when the test that made it is done.
final class Sandbox: Sendable {
    let root: String

    deinit { try? FileManager.default.removeItem(atPath: root) }

    init() {
        root = NSTemporaryDirectory() + "pim-e2e-" + UUID().uuidString
        for sub in ["home", "config", "cache", "state"] {
            try? FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
    }

    var environment: [String: String] {
        [
            "HOME": root + "/home",
            "XDG_CONFIG_HOME": root + "/config",
            "XDG_CACHE_HOME": root + "/cache",
            "XDG_STATE_HOME": root + "/state",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "TERM": "dumb",
        ]
    }

    /// Writes `$XDG_CONFIG_HOME/pim/config.json`.
    func writeConfig(_ json: String) throws {
        try FileManager.default.createDirectory(atPath: root + "/config/pim", withIntermediateDirectories: true)
        try json.write(toFile: root + "/config/pim/config.json", atomically: true, encoding: .utf8)
    }

    var configFile: String { root + "/config/pim/config.json" }
}
