import Foundation
import Testing
@testable import PIMCommandLine

@Suite struct GeneratedTextTests {
    @Test func everyCommandHasHelpWithItsOptions() {
        for command in CommandTable.visibleCommands where command.name != "help" {
            let help = HelpText.help(for: command)
            #expect(help.contains("USAGE: pim \(command.name)"), "\(command.name)")
            for option in command.options {
                #expect(help.contains("--\(option.name)"), "\(command.name) --\(option.name)")
            }
            #expect(!command.examples.isEmpty, "\(command.name) has no example")
            for example in command.examples { #expect(help.contains(example.command)) }
            #expect(help.contains("--output FORMAT"))
        }
    }

    @Test func overviewListsEveryCommandAndExitCode() {
        let overview = HelpText.overview()
        for command in CommandTable.visibleCommands { #expect(overview.contains("  \(command.name) ")) }
        for code in ExitCode.allCases { #expect(overview.contains("  \(code.rawValue)  ")) }
        #expect(!overview.contains("__complete"))
    }

    @Test func helpLinesFitEightyColumns() {
        for command in CommandTable.visibleCommands {
            for line in HelpText.help(for: command).split(separator: "\n") {
                #expect(line.count <= 80, "\(command.name): \(line)")
            }
        }
    }

    /// The man page in docs/ is the generated one; regenerate with `swift run pim __manpage > docs/pim.1`.
    @Test func manPageInDocsIsUpToDate() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/pim.1")
        let onDisk = try String(contentsOf: docs, encoding: .utf8)
        #expect(onDisk == ManPage.render(), "docs/pim.1 is stale: run swift run pim __manpage > docs/pim.1")
    }

    @Test func manPageDescribesEveryCommandOptionAndVariable() {
        let page = ManPage.render()
        for command in CommandTable.visibleCommands {
            #expect(page.contains(".SS \"pim \(command.name)"))
            for option in command.options { #expect(page.contains("\\-\\-\(ManPage.escape(option.name))")) }
        }
        for variable in [
            "PIM_DEMO", "PIM_DEMO_PERSONA", "PIM_TENANT", "PIM_CLOUD", "PIM_GRAPH_URL", "PIM_LOGIN_URL",
            "PIM_CLIENT_ID", "PIM_ACCESS_TOKEN", "PIM_OUTPUT", "NO_COLOR",
        ] {
            #expect(page.contains(ManPage.escape(variable)), "\(variable)")
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionsCoverEveryCommandAndOption(shell: String) {
        let script = Completions.script(for: shell)
        for command in CommandTable.visibleCommands { #expect(script.contains(command.name)) }
        for option in CommandTable.globalOptions + CommandTable.commands.flatMap(\.options) {
            #expect(
                script.contains(shell == "fish" ? "-l \(option.name)" : "--\(option.name)"), "\(shell) \(option.name)")
        }
        #expect(script.contains("pim __complete targets"))
        #expect(!script.contains("__manpage"))
    }

    @Test func bashCompletionIsValidBash() throws {
        let file = NSTemporaryDirectory() + "pim-completion-\(UUID().uuidString).bash"
        try Completions.script(for: "bash").write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-n", file]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
