import Foundation
import Testing

/// The built binary on a pseudo-terminal (util-linux `script`), for what only happens on a
/// terminal: colour, and asking for a missing value instead of failing.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux script"))
struct TerminalTests {
    let sandbox = Sandbox()

    /// Runs `pim arguments…` with stdin, stdout and stderr on one pseudo-terminal; `input` is typed.
    func onTerminal(
        _ arguments: [String], environment: [String: String] = [:], input: String = ""
    ) throws -> PimBinary.Result {
        let quoted = ([PimBinary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", quoted.joined(separator: " "), "/dev/null"]
        var env = sandbox.environment
        env["TERM"] = "xterm-256color"
        env["COLUMNS"] = "200"
        env.merge(environment) { $1 }
        process.environment = env
        let outFile = sandbox.root + "/tty-\(UUID().uuidString)"
        let inFile = outFile + ".in"
        #expect(FileManager.default.createFile(atPath: outFile, contents: nil))
        #expect(FileManager.default.createFile(atPath: inFile, contents: Data(input.utf8)))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outFile))
        process.standardError = process.standardOutput
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inFile))
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let output = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
        return PimBinary.Result(
            code: process.terminationStatus, stdout: output.replacingOccurrences(of: "\r\n", with: "\n"), stderr: "")
    }

    @Test func colourOnATerminalButNeverWithNoColor() throws {
        let coloured = try onTerminal(["--demo", "roles"])
        #expect(coloured.code == 0, "\(coloured)")
        #expect(coloured.stdout.contains("\u{1B}[1mNAME"))
        let noColor = try onTerminal(["--demo", "roles"], environment: ["NO_COLOR": "1"])
        #expect(noColor.code == 0)
        #expect(!noColor.stdout.contains("\u{1B}["))
        let flag = try onTerminal(["--demo", "roles", "--no-color"])
        #expect(!flag.stdout.contains("\u{1B}["))
    }

    @Test func asksForAMissingJustificationOnATerminalOnly() throws {
        let typed = try onTerminal(
            ["--demo", "activate", "Helpdesk Administrator", "-d", "1h"],
            input: "Password resets for the help desk\n")
        #expect(typed.code == 0, "\(typed)")
        #expect(typed.stdout.contains("Justification: "))
        #expect(typed.stdout.contains("Activated Helpdesk Administrator"))
        // The same command in a script (stdin not a terminal) names the flag instead of asking.
        let scripted = try PimBinary.run(
            ["--demo", "activate", "Groups Administrator", "-d", "1h"], in: sandbox,
            input: "never read\n")
        #expect(scripted.code == 4)
        #expect(scripted.stderr.contains("--justification"))
        #expect(!scripted.stderr.contains("Justification: "))
    }
}
