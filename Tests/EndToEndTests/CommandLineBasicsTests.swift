import Foundation
import Testing

/// The built binary without any service: help, version, usage errors, completions, configuration.
@Suite struct CommandLineBasicsTests {
    let sandbox = Sandbox()

    @Test func versionAndHelp() throws {
        let version = try PimBinary.run(["--version"], in: sandbox)
        #expect(version.code == 0)
        #expect(version.stdout.hasPrefix("pim "))
        let help = try PimBinary.run(["--help"], in: sandbox)
        #expect(help.code == 0)
        for command in [
            "roles", "activate", "deactivate", "extend", "requests", "cancel", "approvals", "approve", "deny",
            "elevations", "history", "login", "logout", "whoami", "completion", "demo",
        ] {
            #expect(help.stdout.contains("  \(command) "), "\(command)")
            let sub = try PimBinary.run([command, "--help"], in: sandbox)
            #expect(sub.code == 0, "\(command): \(sub)")
            #expect(sub.stdout.contains("USAGE: pim \(command)"))
        }
    }

    @Test func usageErrorsExitTwoNamingTheFix() throws {
        let unknown = try PimBinary.run(["rolse"], in: sandbox)
        #expect(unknown.code == 2)
        #expect(
            unknown.stderr
                == "pim: Unknown command \"rolse\". Did you mean roles? Run pim --help to see every command.\n")
        #expect(unknown.stdout.isEmpty)
        let option = try PimBinary.run(["--demo", "activate", "x", "--durtion", "2h"], in: sandbox)
        #expect(option.code == 2)
        #expect(option.stderr.contains("Did you mean --duration?"))
        let missing = try PimBinary.run(["--demo", "approve", "id"], in: sandbox)
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("--justification"))
        let duration = try PimBinary.run(["--demo", "elevations", "--expiring-within", "soon"], in: sandbox)
        #expect(duration.code == 2)
        #expect(duration.stderr.contains("--expiring-within"))
        let graphURL = try PimBinary.run(["roles"], in: sandbox, environment: ["PIM_GRAPH_URL": "not a url"])
        #expect(graphURL.code == 2)
        #expect(graphURL.stderr.contains("PIM_GRAPH_URL"))
    }

    @Test func fullScreenWithoutATerminalIsAUsageError() throws {
        let result = try PimBinary.run(["--demo"], in: sandbox)
        #expect(result.code == 2)
        #expect(result.stderr.contains("needs a terminal"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let result = try PimBinary.run(["completion", shell], in: sandbox)
        #expect(result.code == 0)
        #expect(result.stdout.contains("__complete targets"))
    }

    @Test func corruptConfigurationIsRefusedAndKept() throws {
        try sandbox.writeConfig("{ \"tenant\": ")
        let result = try PimBinary.run(["--demo", "roles"], in: sandbox)
        #expect(result.code == 2)
        #expect(result.stderr.contains("config.json is not valid JSON"))
        #expect(try String(contentsOfFile: sandbox.configFile, encoding: .utf8) == "{ \"tenant\": ")
    }

    @Test func manPageCommandMatchesTheDocs() throws {
        let result = try PimBinary.run(["__manpage"], in: sandbox)
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/pim.1")
        #expect(result.stdout == (try String(contentsOf: docs, encoding: .utf8)))
    }
}

/// The bash completion script, sourced in bash with the built pim on PATH, completes commands,
/// options, choices and the role names the last listing cached.
@Suite struct BashCompletionTests {
    @Test func completesFromTheCache() throws {
        let sandbox = Sandbox()
        _ = try PimBinary.run(["--demo", "roles"], in: sandbox)
        let script = """
            source <(pim completion bash)
            complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _pim; printf \
            '%s\\n' "${COMPREPLY[@]}"; echo ---; }
            complete_words pim activate Exch
            complete_words pim --demo act
            complete_words pim activate x --dur
            complete_words pim --output ''
            complete_words pim activate group : itops-sysadmin-prod-n
            """
        let file = sandbox.root + "/complete.sh"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [file]
        var env = sandbox.environment
        env["PATH"] = URL(fileURLWithPath: PimBinary.path).deletingLastPathComponent().path + ":" + (env["PATH"] ?? "")
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let blocks = String(decoding: data, as: UTF8.self).components(separatedBy: "---\n")
        #expect(blocks.count >= 5, "\(blocks)")
        guard blocks.count >= 5 else { return }
        #expect(blocks[0] == "Exchange\\ Administrator\n")
        #expect(blocks[1] == "activate\n")
        #expect(blocks[2] == "--duration\n")
        #expect(blocks[3] == "table\njson\ncsv\n")
        // bash splits group:NAME at the colon; the reply completes what follows it.
        #expect(blocks[4] == "itops-sysadmin-prod-noapproval\n")
    }
}
