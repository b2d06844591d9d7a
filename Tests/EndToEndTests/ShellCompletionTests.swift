import Foundation
import Testing

/// The zsh and fish completion scripts, loaded by the real shells with the built pim on PATH,
/// complete commands, options and the role names the last listing cached. Skipped where the shell
/// is not installed (`.ci/run` installs both).
@Suite struct ShellCompletionTests {
    static func installed(_ shell: String) -> Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/\(shell)") }

    /// Runs `shell arguments…` in `sandbox` with the built pim first on PATH; returns stdout.
    static func run(_ shell: String, _ arguments: [String], in sandbox: Sandbox) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(shell)")
        process.arguments = arguments
        var env = sandbox.environment
        env["PATH"] = URL(fileURLWithPath: PimBinary.path).deletingLastPathComponent().path + ":/usr/bin:/bin"
        env["TERM"] = "xterm"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: installed("fish"), "fish is not installed"))
    func fishCompletesCommandsOptionsAndCachedNames() throws {
        let sandbox = Sandbox()
        _ = try PimBinary.run(["--demo", "roles"], in: sandbox)
        let script = sandbox.root + "/pim.fish"
        try PimBinary.run(["completion", "fish"], in: sandbox).stdout.write(
            toFile: script, atomically: true, encoding: .utf8)
        let output = try Self.run(
            "fish",
            [
                "--no-config", "-c",
                """
                source \(script)
                complete --do-complete 'pim act'; echo ---
                complete --do-complete 'pim activate --dur'; echo ---
                complete --do-complete 'pim --demo activate Exch'; echo ---
                """,
            ], in: sandbox)
        let blocks = output.components(separatedBy: "---\n")
        #expect(blocks.count >= 3, "\(output)")
        guard blocks.count >= 3 else { return }
        #expect(blocks[0].hasPrefix("activate\t"), "\(blocks[0])")
        #expect(blocks[1].hasPrefix("--duration\t"), "\(blocks[1])")
        #expect(blocks[2] == "Exchange Administrator\n", "\(blocks[2])")
    }

    /// zsh completes only inside its line editor: a pseudo-terminal (zpty) runs an interactive zsh
    /// with compinit, types the words and Tab, and reads back what the line became.
    static let zshHarness = """
        zmodload zsh/zpty
        zpty z zsh -f -i
        zpty -w z "PS1='> '; fpath=($1 \\$fpath); autoload -U compinit; compinit -u -D"
        zpty -w -n z "$2"$'\\t'
        local all="" chunk
        integer i
        for (( i = 0; i < 100; i++ )); do
            if zpty -r -t z chunk; then all+=$chunk; else sleep 0.1; fi
            [[ $all == *"$3"* ]] && break
        done
        zpty -d z
        print -r -- "$all"
        """

    @Test(
        .enabled(if: installed("zsh"), "zsh is not installed"),
        arguments: [
            ("pim act", "pim activate "), ("pim activate --dur", "pim activate --duration "),
            ("pim --demo activate Exch", "pim --demo activate Exchange\\ Administrator "),
        ])
    func zshCompletesInItsLineEditor(typed: String, expected: String) throws {
        let sandbox = Sandbox()
        _ = try PimBinary.run(["--demo", "roles"], in: sandbox)
        let functions = sandbox.root + "/zfunc"
        try FileManager.default.createDirectory(atPath: functions, withIntermediateDirectories: true)
        try PimBinary.run(["completion", "zsh"], in: sandbox).stdout.write(
            toFile: functions + "/_pim", atomically: true, encoding: .utf8)
        let harness = sandbox.root + "/complete.zsh"
        try Self.zshHarness.write(toFile: harness, atomically: true, encoding: .utf8)
        // The editor redraws with escape sequences; the completed line is the text after the prompt.
        // The harness stops reading once the completed word shows (its trailing space comes wrapped in
        // attribute escapes, so it is not part of the mark).
        let mark = String(expected.split(separator: "\\").first ?? "").trimmingCharacters(in: .whitespaces)
        let screen = try Self.run("zsh", ["-f", harness, functions, typed, mark], in: sandbox)
        let visible = screen.replacingOccurrences(
            of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
        #expect(visible.contains(expected), "\(visible.debugDescription)")
    }
}
