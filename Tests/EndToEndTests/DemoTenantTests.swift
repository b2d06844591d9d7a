import Foundation
import Testing

/// Each subcommand of the built binary against the simulated tenant (`--demo`), in a fresh sandbox:
/// stdout, stderr and exit code, including every refusal.
@Suite struct DemoTenantTests {
    let sandbox = Sandbox()

    func pim(_ arguments: [String], environment: [String: String] = [:]) throws -> PimBinary.Result {
        try PimBinary.run(["--demo"] + arguments, in: sandbox, environment: environment)
    }

    @Test func rolesAsTableAndJSON() throws {
        let table = try pim(["roles"])
        #expect(table.code == 0, "\(table)")
        #expect(table.stdout.hasPrefix("NAME"))
        #expect(table.stdout.contains("Global Administrator"))
        #expect(!table.stdout.contains("\u{1B}["), "no colour on a pipe")
        let json = try pim(["roles", "--output", "json"])
        let rows = try #require(json.json as? [[String: Any]], "\(json)")
        #expect(!rows.isEmpty)
        for row in rows {
            for key in ["kind", "name", "id", "state", "endDateTime", "policy"] { #expect(row[key] != nil, "\(key)") }
            #expect(["role", "group", "azure"].contains(row["kind"] as? String))
            #expect(["eligible", "active"].contains(row["state"] as? String))
            let policy = try #require(row["policy"] as? [String: Any])
            for key in [
                "maxDuration", "requiresJustification", "requiresTicket", "requiresMfa", "authenticationContext",
                "requiresApproval",
            ] {
                #expect(policy[key] != nil, "policy.\(key)")
            }
        }
        let active = try #require(try pim(["roles", "--active", "-o", "json"]).json as? [[String: Any]])
        #expect(active.allSatisfy { $0["state"] as? String == "active" })
        let env = try pim(["roles"], environment: ["PIM_OUTPUT": "json"])
        #expect(env.json is [Any])
    }

    @Test func scriptedSessionActivateRolesDeactivate() throws {
        let activate = try pim([
            "activate", "Exchange Administrator", "--justification", "CHG-1234 mailbox migration",
            "--ticket", "CHG-1234", "--ticket-system", "ServiceNow", "--duration", "2h",
        ])
        #expect(activate.code == 0, "\(activate)")
        #expect(activate.stdout.contains("Activated Exchange Administrator until"))
        #expect(activate.stdout.contains("Provisioned"))

        let roles = try #require(try pim(["roles", "--active", "-o", "json"]).json as? [[String: Any]])
        let exchange = try #require(roles.first { $0["name"] as? String == "Exchange Administrator" })
        #expect(exchange["state"] as? String == "active")
        #expect(exchange["endDateTime"] is String)

        // Idempotent: asking again sends nothing and says until when.
        let again = try pim([
            "activate", "Exchange Administrator", "-j", "again", "-t", "CHG-1234", "--ticket-system", "ServiceNow",
        ])
        #expect(again.code == 0)
        #expect(again.stdout.contains("is already active until"))
        #expect(again.stdout.contains("nothing sent"))

        // Within five minutes of the start the service refuses a deactivation; pim says when it can.
        let early = try pim(["deactivate", "Exchange Administrator"])
        #expect(early.code == 4, "\(early)")
        #expect(early.stderr.contains("can be deactivated from"))

        // A role activated before the session can be given back at once.
        let deactivate = try pim(["deactivate", "User Administrator"])
        #expect(deactivate.code == 0, "\(deactivate)")
        #expect(deactivate.stdout.contains("Deactivated User Administrator"))
        let idle = try pim(["deactivate", "User Administrator"])
        #expect(idle.code == 0)
        #expect(idle.stdout.contains("is not active: nothing to deactivate."))
    }

    @Test func activateJSONCarriesIdAndStatus() throws {
        let result = try pim(["activate", "Helpdesk Administrator", "-j", "Password resets", "-d", "1h", "-o", "json"])
        #expect(result.code == 0, "\(result)")
        let object = try #require(result.json as? [String: Any], "\(result)")
        #expect((object["id"] as? String)?.isEmpty == false)
        #expect(object["status"] as? String == "Provisioned")
        #expect(object["kind"] as? String == "role")
    }

    @Test func approvalIsPendingAndASuccess() throws {
        let result = try pim([
            "activate", "itops-sysadmin-prod-requireapproval", "-j", "Reboot after patching", "-d", "1h",
            "-o", "json",
        ])
        #expect(result.code == 0, "\(result)")
        let object = try #require(result.json as? [String: Any], "\(result)")
        #expect(object["status"] as? String == "PendingApproval")
        let id = try #require(object["id"] as? String)

        // The pending request is named instead of a duplicate.
        let duplicate = try pim(["activate", "itops-sysadmin-prod-requireapproval", "-j", "again", "-d", "1h"])
        #expect(duplicate.code == 0)
        #expect(duplicate.stdout.contains(id))
        #expect(duplicate.stdout.contains("nothing sent"))

        // Ben sees it with the command to approve it, and approves it.
        let approvals = try pim(["--as", "ben", "approvals", "-o", "json"])
        let rows = try #require(approvals.json as? [[String: Any]], "\(approvals)")
        #expect(rows.contains { $0["id"] as? String == id })
        let approve = try pim(["--as", "ben", "approve", id, "--justification", "Matches the patch window"])
        #expect(approve.code == 0, "\(approve)")
        #expect(approve.stdout.contains("Approved request \(id)"))
        // Deciding it again (a second window, a script run twice) says what became of it.
        let twice = try pim(["--as", "ben", "approve", id, "--justification", "again"])
        #expect(twice.code == 4)
        #expect(twice.stderr.contains("Request \(id) was already approved by you at "), "\(twice)")
        #expect(twice.stderr.contains(" UTC: nothing is left to decide."), "\(twice)")
        // An id nobody knows is still just not waiting.
        let unknown = try pim(["--as", "ben", "approve", "no-such-request", "--justification", "again"])
        #expect(unknown.code == 4)
        #expect(unknown.stderr.contains("pim approvals"), "\(unknown)")
    }

    @Test func denyCancelAndRequests() throws {
        let made = try #require(
            try pim(["activate", "Security Administrator", "-j", "Investigate alert", "-d", "1h", "-o", "json"]).json
                as? [String: Any])
        let id = try #require(made["id"] as? String)
        let requests = try pim(["requests", "-o", "json"])
        let rows = try #require(requests.json as? [[String: Any]])
        #expect(rows.first?["id"] as? String == id, "newest first")
        #expect(rows.first?["state"] as? String == "eligible")
        #expect(rows.first?["requestState"] as? String == "pending")
        let table = try pim(["requests"])
        #expect(table.stdout.contains("*  \(id)"))

        let cancel = try pim(["cancel", id])
        #expect(cancel.code == 0, "\(cancel)")
        let cancelled = try pim(["cancel", id])
        #expect(cancelled.code == 4)
        #expect(cancelled.stderr.contains("not pending"))
        let unknown = try pim(["cancel", "00000000-0000-0000-0000-000000000000"])
        #expect(unknown.code == 4)

        let carl = try #require(try pim(["--as", "ben", "approvals", "-o", "json"]).json as? [[String: Any]])
        let carlsRequest = try #require(
            carl.first { ($0["requester"] as? [String: Any])?["displayName"] as? String == "Carl Contractor" })
        let deny = try pim(["--as", "ben", "deny", carlsRequest["id"] as! String, "-j", "No ticket"])
        #expect(deny.code == 0, "\(deny)")
        #expect(deny.stdout.hasPrefix("Denied request"))
    }

    @Test func refusalsBeforeSending() throws {
        let missing = try pim(["activate", "Exchange Administrator", "-d", "1h"])
        #expect(missing.code == 4)
        #expect(missing.stderr.contains("--justification"))
        #expect(missing.stderr.contains("--ticket"))
        #expect(missing.stdout.isEmpty)

        let tooLong = try pim(["activate", "Teams Administrator", "-j", "x", "-d", "2h"])
        #expect(tooLong.code == 4)
        #expect(tooLong.stderr.contains("maximum of 30m"))
        let clamped = try pim(["activate", "Teams Administrator", "-j", "x", "-d", "2h", "--clamp"])
        #expect(clamped.code == 0, "\(clamped)")
        #expect(clamped.stderr.contains("--clamp"))

        let notEligible = try pim(["activate", "Billing Administrator", "-j", "x"])
        #expect(notEligible.code == 4)
        #expect(notEligible.stderr.contains("pim roles"))

        let ambiguous = try pim(["activate", "Global", "-j", "x"])
        #expect(ambiguous.code == 2)
        #expect(ambiguous.stderr.contains("Global Administrator"))
        #expect(ambiguous.stderr.contains("Global Reader"))

        try sandbox.writeConfig(#"{"ticketPattern": "CHG-[0-9]{4}", "ticketSystem": "ServiceNow"}"#)
        let pattern = try pim(["activate", "SharePoint Administrator", "-j", "x", "-t", "12", "-d", "1h"])
        #expect(pattern.code == 4)
        #expect(pattern.stderr.contains("does not match the pattern"))
    }

    @Test func roleSetsFromTheConfiguration() throws {
        try sandbox.writeConfig(
            #"{"roleSets": {"oncall": ["Helpdesk Administrator", "Groups Administrator"]}, "defaultDuration": "1h"}"#)
        let result = try pim(["activate", "@oncall", "-j", "Pager duty", "-o", "json"])
        #expect(result.code == 0, "\(result)")
        let rows = try #require(result.json as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["Helpdesk Administrator", "Groups Administrator"])
        #expect(rows.allSatisfy { $0["duration"] as? String == "PT1H" })
    }

    @Test func elevationsForHelpdesk() throws {
        let all = try pim(["--as", "hana", "elevations", "-o", "json"])
        let rows = try #require(all.json as? [[String: Any]], "\(all)")
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { ($0["tier"] as? String)?.hasPrefix("Tier ") == true })
        let ends = rows.compactMap { $0["endDateTime"] as? String }
        #expect(ends == ends.sorted(), "soonest expiry first")
        let soon = try #require(
            try pim(["--as", "hana", "elevations", "--expiring-within", "15m", "-o", "json"]).json as? [[String: Any]])
        #expect(soon.allSatisfy { ($0["remainingSeconds"] as? Int ?? .max) <= 900 })
        let table = try pim(["--as", "hana", "elevations"])
        #expect(table.stdout.contains("Tier 0"))
    }

    @Test func historyWhoamiPersonasAndReset() throws {
        let history = try pim(["history", "--since", "30d"])
        #expect(history.code == 0, "\(history)")
        #expect(history.stdout.hasPrefix("DATE"))
        let who = try #require(try pim(["--as", "ben", "whoami", "-o", "json"]).json as? [String: Any])
        #expect(who["displayName"] as? String == "Ben Approver")
        let personas = try pim(["demo", "personas"])
        for name in ["ada", "ben", "hana"] { #expect(personas.stdout.contains(name)) }
        let unknown = try pim(["--as", "zed", "roles"])
        #expect(unknown.code == 2)
        #expect(unknown.stderr.contains("ben"))
        _ = try pim(["activate", "Helpdesk Administrator", "-j", "x", "-d", "1h"])
        let reset = try pim(["demo", "reset"])
        #expect(reset.code == 0)
        let after = try #require(try pim(["roles", "-o", "json"]).json as? [[String: Any]])
        #expect(after.first { $0["name"] as? String == "Helpdesk Administrator" }?["state"] as? String == "eligible")
    }

    @Test func completionUsesCachedTargetNames() throws {
        _ = try pim(["roles"])
        let names = try PimBinary.run(["__complete", "targets"], in: sandbox)
        #expect(names.stdout.contains("Exchange Administrator\n"))
        #expect(names.stdout.contains("group:"))
    }

    @Test func verboseLogsRequestsWithoutTokens() throws {
        let result = try pim(["--verbose", "whoami"])
        #expect(result.code == 0)
        #expect(result.stderr.contains("GET /v1.0/me") || result.stderr.contains("/me"))
        #expect(!result.stderr.lowercased().contains("bearer"))
    }
}

@Suite struct ClosedPipeTests {
    /// `pim roles -o json | head -1`: the reader leaves early; pim ends quietly instead of crashing.
    @Test func endsQuietlyWhenTheReaderLeaves() throws {
        let sandbox = Sandbox()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PimBinary.path)
        process.arguments = ["--demo", "roles", "-o", "json"]
        var env = sandbox.environment
        env["PIM_SIM_SCALE"] = "300"
        env["PIM_SIM_STATE"] = "memory"
        process.environment = env
        let out = Pipe()
        let errFile = sandbox.root + "/stderr"
        _ = FileManager.default.createFile(atPath: errFile, contents: nil)
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errFile))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let first = out.fileHandleForReading.readData(ofLength: 1)
        try out.fileHandleForReading.close()
        process.waitUntilExit()
        #expect(first == Data("[".utf8))
        #expect(process.terminationStatus == 0)
        let stderr = try String(contentsOfFile: errFile, encoding: .utf8)
        #expect(!stderr.contains("crashed"), "\(stderr)")
    }
}
