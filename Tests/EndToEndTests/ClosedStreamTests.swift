import Foundation
import Testing

/// A reader that leaves early (`| head -1`) on stdout or stderr ends pim quietly with status 0,
/// like any Unix tool, instead of a trap (status 132) on the next write.
@Suite struct ClosedStreamTests {
    /// The demo commands that write to both streams under `--verbose`.
    static let commands: [[String]] = [
        ["--verbose", "roles"],
        ["--verbose", "whoami"],
        ["--verbose", "activate", "Global Reader", "--justification", "Nightly patching", "--duration", "30m"],
    ]

    /// Runs `pim --demo ARGS` in bash with one stream piped into `head -1`; returns pim's status
    /// (PIPESTATUS) and what bash itself printed on stderr (a crash report would land there).
    static func pipeline(_ arguments: [String], stream: String) throws -> (status: Int32, stderr: String) {
        let sandbox = Sandbox()
        let quoted = ([PimBinary.path, "--demo"] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let redirect = stream == "stderr" ? "2>&1 >/dev/null" : "2>/dev/null"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "\(quoted) \(redirect) | head -1 >/dev/null; exit ${PIPESTATUS[0]}"]
        var environment = sandbox.environment
        environment["PIM_SIM_STATE"] = "memory"
        // A bigger tenant writes more than a pipe holds; activate keeps the small one (one Global Reader).
        if !arguments.contains("activate") { environment["PIM_SIM_SCALE"] = "300" }
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test("a closed stderr ends pim quietly", arguments: commands)
    func closedStandardError(arguments: [String]) throws {
        let result = try Self.pipeline(arguments, stream: "stderr")
        #expect(result.status == 0, "pim \(arguments) ended with \(result.status): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test("a closed stdout ends pim quietly", arguments: commands + [["roles", "-o", "json"]])
    func closedStandardOutput(arguments: [String]) throws {
        let result = try Self.pipeline(arguments, stream: "stdout")
        #expect(result.status == 0, "pim \(arguments) ended with \(result.status): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    /// No race with the reader: the pipe's read end is closed before pim starts, so its first write fails.
    @Test("stderr with no reader at all from the start", arguments: commands)
    func standardErrorWithoutReader(arguments: [String]) throws {
        let sandbox = Sandbox()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PimBinary.path)
        process.arguments = ["--demo"] + arguments
        var environment = sandbox.environment
        environment["PIM_SIM_STATE"] = "memory"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "pim died of signal \(process.terminationStatus)")
        #expect(process.terminationStatus == 0)
    }
}
