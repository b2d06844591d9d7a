import Foundation
import Testing
@testable import PIMCommandLine

/// The bash script completes TARGET words that bash splits at `:` and `@` (`group:NAME`,
/// `azure:ROLE@SCOPE`): it matches the whole word and answers only what follows the last split,
/// which is what bash puts in place of the current piece.
@Suite struct BashTargetCompletionTests {
    static let cached = [
        "Global Administrator", "group:Finance Admins", "azure:Contributor@Prod-Payments",
        "azure:Contributor@Prod-Payments / app-rg", "azure:Owner",
    ]

    /// COMPREPLY for the words bash would hand `_pim`, with `pim __complete targets` answering `cached`.
    static func complete(_ words: [String]) throws -> [String] {
        let directory = NSTemporaryDirectory() + "pim-bash-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = directory + "/pim.bash"
        try Completions.script(for: "bash").write(toFile: script, atomically: true, encoding: .utf8)
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let names = cached.map { "'\($0)'" }.joined(separator: " ")
        let driver = """
            source '\(script)'
            pim() { [[ $1 == __complete ]] && printf '%s\\n' \(names); }
            COMP_WORDS=(\(quoted)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _pim
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", driver]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func completesAzureWordsSplitAtTheColonAndTheAt() throws {
        #expect(try Self.complete(["pim", "activate", "azure", ":", "Ow"]) == ["Owner"])
        #expect(
            try Self.complete(["pim", "activate", "azure", ":", "Contributor", "@", "Prod-Payments\\ /"])
                == ["Prod-Payments\\ /\\ app-rg"])
        #expect(
            try Self.complete(["pim", "activate", "azure", ":", "Contributor", "@", ""])
                == ["Prod-Payments", "Prod-Payments\\ /\\ app-rg"])
        #expect(
            try Self.complete(["pim", "activate", "azure", ":", "Contributor", "@"])
                == ["Prod-Payments", "Prod-Payments\\ /\\ app-rg"])
        #expect(try Self.complete(["pim", "activate", "group", ":", "Fin"]) == ["Finance\\ Admins"])
        #expect(try Self.complete(["pim", "activate", "group", ":"]) == ["Finance\\ Admins"])
        #expect(try Self.complete(["pim", "activate", "Glo"]) == ["Global\\ Administrator"])
    }
}
