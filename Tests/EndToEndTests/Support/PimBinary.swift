import Foundation

/// Runs the built `pim` executable as a process, the way a user or a script does: arguments,
/// environment, stdin that is not a terminal; returns exit code, stdout and stderr.
enum PimBinary {
    /// `.build/<triple>/debug/pim`, next to the test bundle.
    static let path: String = {
        let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
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
    static func run(_ arguments: [String], in sandbox: Sandbox, environment: [String: String] = [:],
                    input: String = "", timeout: Double = 60) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = sandbox.environment
        env.merge(environment) { $1 }
        process.environment = env
        let outFile = sandbox.root + "/stdout-\(UUID().uuidString)"
        let errFile = sandbox.root + "/stderr-\(UUID().uuidString)"
        let inFile = sandbox.root + "/stdin-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: outFile, contents: nil)
        FileManager.default.createFile(atPath: errFile, contents: nil)
        FileManager.default.createFile(atPath: inFile, contents: Data(input.utf8))
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outFile))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errFile))
        let inp = try FileHandle(forReadingFrom: URL(fileURLWithPath: inFile))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        try inp.close()
        let stdout = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
        return Result(code: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// A fresh HOME with its own XDG directories, so tests never touch the user's files or each other's
/// demo tenant.
struct Sandbox {
    let root: String

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
