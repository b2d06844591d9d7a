import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The whole program against a tenant whose names, descriptions, justifications and audit text
/// carry terminal attacks: walking through every pane, the details and the dialogs, no byte that
/// would make the terminal act (OSC, DCS, status reports, C1 CSI, bidi, zero-width) is written.
@Suite("pim shows hostile tenant text inert in every pane")
struct HostileTenantTests {
    /// Attacks a requester or a tenant admin can type into a field an approver reads.
    static let payloads = [
        "\u{1B}]52;c;Y3VybCBldmlsLnNofHNo\u{7}",  // write the clipboard
        "\u{1B}]0;pwned\u{7}",  // window title
        "\u{1B}]8;;https://evil.example/\u{1B}\\here\u{1B}]8;;\u{1B}\\",  // hyperlink
        "\u{1B}[6n",  // cursor position report: the terminal types an answer
        "\u{1B}[21t",  // report the title back as input
        "\u{9B}6n",  // the same through the C1 CSI
        "\u{1B}P+q544e\u{1B}\\",  // DCS request
        "\u{202E}exe.txt",  // bidi override
        "zero\u{200B}width\u{2066}iso",  // zero width, isolate
    ]

    /// Byte sequences that must never reach the terminal.
    static let forbidden: [(String, [UInt8])] = [
        ("OSC", Array("\u{1B}]".utf8)), ("DCS", Array("\u{1B}P".utf8)), ("ST", Array("\u{1B}\\".utf8)),
        ("DSR", Array("\u{1B}[6n".utf8)), ("title report", Array("\u{1B}[21t".utf8)),
        ("C1 CSI", [0xC2, 0x9B]), ("bidi override", Array("\u{202E}".utf8)),
        ("zero width space", Array("\u{200B}".utf8)),
        ("bidi isolate", Array("\u{2066}".utf8)),
    ]

    /// Seeds the demo tenant, then rewrites its text fields with the payloads.
    static func poisonedHome() throws -> PimHome {
        let home = PimHome()
        try #require(try home.run(["--demo", "roles"]) == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: home.demoTenant))
        var tenant = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var counter = 0
        func hostile(_ original: Any?) -> String {
            counter += 1
            return "\(original ?? "")\(payloads[counter % payloads.count])#\(counter)"
        }
        for (list, fields) in [
            ("roles", ["displayName", "description"]), ("groups", ["displayName", "description"]),
            ("users", ["displayName", "jobTitle"]), ("requests", ["justification"]),
            ("audit", ["targetName", "initiatorName", "subjectName", "resultReason", "activity"]),
        ] {
            guard var items = tenant[list] as? [[String: Any]] else {
                Issue.record("the demo tenant has no \(list)")
                continue
            }
            for index in items.indices {
                for field in fields where items[index][field] != nil {
                    items[index][field] = hostile(items[index][field])
                }
            }
            tenant[list] = items
        }
        try JSONSerialization.data(withJSONObject: tenant).write(to: URL(fileURLWithPath: home.demoTenant))
        return home
    }

    @Test(
        "every pane, detail and dialog, as a requester and as an approver",
        arguments: [["--demo"], ["--demo", "--as", "ben"]])
    func walkThroughPanes(arguments: [String]) throws {
        let home = try Self.poisonedHome()
        let pim = try PimUnderTerminal(arguments, home: home, columns: 132, rows: 40)
        // The tenant's text is on screen, made visible (␛ is how the sanitiser shows ESC).
        try #require(
            pim.waitFor("␛"),
            "no hostile text shown: is the tenant poisoned? \(Array(pim.output.suffix(600)).visible)")
        // My roles rows and their details; the activation form; Approvals and the request dialog;
        // History; Elevations; the filter line; help.
        let keys = [
            "j", "j", "G", "g", "\r", "\u{1B}", "2", "\r", "\u{1B}", "3", "j", "j", "4", "j", "/", "a", "\u{1B}", "?",
            "\u{1B}", "1",
        ]
        for key in keys {
            pim.pty.type(key)
            _ = pim.waitForMoreOutput(timeout: .milliseconds(800))
        }
        pim.pty.type("q")
        if pim.waitForExit(timeout: .seconds(3)) == nil {
            pim.pty.type("y")
            #expect(pim.waitForExit() == 0)
        }
        let bytes = pim.output
        for (name, sequence) in Self.forbidden {
            let count = bytes.occurrences(of: sequence)
            #expect(count == 0, "\(name) reached the terminal \(count) times")
        }
    }
}
