import Foundation
import Testing

/// The promises of product.md that scripts outside the project rely on, checked on the built binary:
/// option spellings, environment variables and their precedence, DURATION and TARGET forms, the
/// `roles` policy object, persistence of the simulated tenant, personas, and usage errors.
@Suite struct ProductContractTests {
    let sandbox = Sandbox()

    func pim(_ arguments: [String], environment: [String: String] = [:]) throws -> PimBinary.Result {
        try PimBinary.run(arguments, in: sandbox, environment: environment)
    }

    func rows(_ result: PimBinary.Result) throws -> [[String: Any]] {
        try #require(result.json as? [[String: Any]], "\(result)")
    }

    func object(_ result: PimBinary.Result) throws -> [String: Any] {
        try #require(result.json as? [String: Any], "\(result)")
    }

    // MARK: Command line syntax

    @Test func optionSpellingsAndPlacement() throws {
        // --flag=value, and global options after the subcommand.
        let equals = try pim(["--demo", "roles", "--output=json"])
        #expect(equals.code == 0, "\(equals)")
        #expect(!(try rows(equals)).isEmpty)
        let after = try pim(["roles", "--active", "--demo", "-o", "json"])
        #expect(after.code == 0, "\(after)")
        #expect(try rows(after).allSatisfy { $0["state"] as? String == "active" })
        let persona = try pim(["approvals", "--demo", "--as=ben", "-o", "json"])
        #expect(persona.code == 0, "\(persona)")
        #expect(!(try rows(persona)).isEmpty, "Ben has requests waiting for him")

        // `--` ends the options: what follows is a TARGET even when it looks like an option.
        let dashed = try pim([
            "--demo", "activate", "--justification=Password resets", "--duration=1h", "--", "Helpdesk Administrator",
        ])
        #expect(dashed.code == 0, "\(dashed)")
        #expect(dashed.stdout.contains("Activated Helpdesk Administrator"))
        let literal = try pim(["--demo", "activate", "--", "--justification"])
        #expect(literal.code == 4, "\(literal)")
        #expect(literal.stderr.contains("\"--justification\""))
    }

    @Test func environmentVariablesAndPrecedence() throws {
        let demo = try pim(["roles"], environment: ["PIM_DEMO": "1"])
        #expect(demo.code == 0, "\(demo)")
        #expect(demo.stdout.hasPrefix("NAME"))

        let persona = try pim(["approvals", "-o", "json"], environment: ["PIM_DEMO": "1", "PIM_DEMO_PERSONA": "ben"])
        #expect(!(try rows(persona)).isEmpty, "\(persona)")
        let who = try object(
            try pim(["whoami", "-o", "json"], environment: ["PIM_DEMO": "1", "PIM_DEMO_PERSONA": "hana"]))
        #expect(who["displayName"] as? String == "Hana Helpdesk")

        // Flags beat the environment, the environment beats the file.
        let env = try pim(["--demo", "roles"], environment: ["PIM_OUTPUT": "json"])
        #expect(env.json is [Any], "\(env)")
        let flag = try pim(["--demo", "roles", "-o", "table"], environment: ["PIM_OUTPUT": "json"])
        #expect(flag.stdout.hasPrefix("NAME"), "\(flag)")
        try sandbox.writeConfig(#"{"output": "json"}"#)
        let file = try pim(["--demo", "roles"])
        #expect(file.json is [Any], "\(file)")
        let envOverFile = try pim(["--demo", "roles"], environment: ["PIM_OUTPUT": "table"])
        #expect(envOverFile.stdout.hasPrefix("NAME"), "\(envOverFile)")
    }

    /// Usage errors: exit 2, nothing on stdout, one line on stderr that starts with `pim: `.
    @Test(arguments: [
        ["--demo", "roles", "--output", "xml"],
        ["--cloud", "mars", "roles"],
        ["--as", "ben", "roles"],
        ["--demo", "roles", "--eligible", "--active"],
        ["--demo", "--as", "nobody", "roles"],
        ["completion", "tcsh"],
        ["demo", "fly"],
        ["--demo", "roles", "extra"],
        ["--demo", "cancel"],
        ["--demo", "history", "--since", "soon"],
    ])
    func usageErrorsExitTwoWithOneSentence(arguments: [String]) throws {
        let result = try PimBinary.run(arguments, in: Sandbox())
        #expect(result.code == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("pim: "))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
    }

    @Test func outputVariableIsCheckedToo() throws {
        let result = try pim(["--demo", "roles"], environment: ["PIM_OUTPUT": "xml"])
        #expect(result.code == 2, "\(result)")
        #expect(result.stderr.contains("PIM_OUTPUT"))
    }

    // MARK: DURATION and TARGET

    @Test(arguments: [("90m", "PT1H30M"), ("1h30m", "PT1H30M"), ("2h", "PT2H"), ("PT1H30M", "PT1H30M"), ("1d", "P1D")])
    func durationForms(written: String, sent: String) throws {
        // Global Reader's policy allows a day and asks for nothing else.
        let result = try PimBinary.run(
            ["--demo", "activate", "Global Reader", "--duration", written, "-o", "json"], in: Sandbox())
        #expect(result.code == 0, "\(result)")
        let request = try object(result)
        #expect(request["duration"] as? String == sent)
        #expect(request["status"] as? String == "Provisioned")
    }

    @Test func durationOverThePolicyMaximumIsRefused() throws {
        let result = try pim([
            "--demo", "activate", "Exchange Administrator", "-j", "Mailbox migration", "-t", "CHG-1",
            "--ticket-system", "ServiceNow", "-d", "1d",
        ])
        #expect(result.code == 4, "\(result)")
        #expect(result.stderr.contains("maximum of 8h"))
        #expect(result.stdout.isEmpty)
    }

    @Test func targetsByNamePrefixIdAndGroup() throws {
        let lower = try object(try pim(["--demo", "activate", "global reader", "-d", "1h", "-o", "json"]))
        #expect(lower["name"] as? String == "Global Reader")
        #expect(lower["kind"] as? String == "role")

        let prefix = try object(
            try pim(["--demo", "activate", "helpdesk", "-j", "Password resets", "-d", "1h", "-o", "json"]))
        #expect(prefix["name"] as? String == "Helpdesk Administrator")

        // The id printed by `pim roles -o json`.
        let listed = try rows(try pim(["--demo", "roles", "--eligible", "-o", "json"]))
        let teams = try #require(listed.first { $0["name"] as? String == "Teams Administrator" })
        let teamsId = try #require(teams["id"] as? String)
        let byId = try object(
            try pim(["--demo", "activate", teamsId, "-j", "Meeting policy fix", "-d", "30m", "-o", "json"]))
        #expect(byId["name"] as? String == "Teams Administrator")
        #expect(byId["targetId"] as? String == teamsId)

        let group = try object(
            try pim(["--demo", "activate", "group:pag_tier3", "-j", "Client policy", "-d", "1h", "-o", "json"]))
        #expect(group["name"] as? String == "pag_Tier3.Intune.DefaultClientAdmin")
        #expect(group["kind"] as? String == "group")
        #expect(group["access"] as? String == "member")

        let owner = try pim([
            "--demo", "activate", "pag_Tier1.Exchange.MailboxAdmin", "--owner", "-j", "Mailbox rules",
            "-d", "30m", "-o", "json",
        ])
        #expect(owner.code == 0, "\(owner)")
        let ownerRequest = try object(owner)
        #expect(ownerRequest["access"] as? String == "owner")
        #expect(ownerRequest["status"] as? String == "PendingApproval", "a request waiting for approval is a success")
    }

    @Test func severalTargetsShareJustificationAndDuration() throws {
        let result = try pim([
            "--demo", "activate", "Groups Administrator", "SharePoint Administrator", "-j", "Site migration",
            "-t", "CHG-7", "--ticket-system", "Jira", "-d", "1h", "-o", "json",
        ])
        #expect(result.code == 0, "\(result)")
        let requests = try rows(result)
        #expect(requests.map { $0["name"] as? String } == ["Groups Administrator", "SharePoint Administrator"])
        for request in requests {
            #expect((request["id"] as? String)?.isEmpty == false)
            #expect(request["status"] as? String == "Provisioned")
            #expect(request["justification"] as? String == "Site migration")
            #expect(request["duration"] as? String == "PT1H")
        }
        // One refusal means nothing is sent.
        let partial = try pim([
            "--demo", "activate", "Intune Administrator", "Exchange Administrator", "-j", "x", "-d", "1h",
        ])
        #expect(partial.code == 4, "\(partial)")
        let active = try rows(try pim(["--demo", "roles", "--active", "-o", "json"])).compactMap {
            $0["name"] as? String
        }
        #expect(!active.contains("Intune Administrator"))
    }

    // MARK: The roles listing

    @Test func rolesRowsCarryThePromisedPolicy() throws {
        let listed = try rows(try pim(["--demo", "roles", "-o", "json"]))
        let iso = ISO8601DateFormatter()
        let isoDuration = try Regex("^P(?:[0-9]+D)?(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+S)?)?$")
        for row in listed {
            let end = row["endDateTime"]
            #expect(end is NSNull || (end as? String).flatMap(iso.date(from:)) != nil, "\(row)")
            let policy = try #require(row["policy"] as? [String: Any], "\(row)")
            let maximum = try #require(policy["maxDuration"] as? String)
            #expect(maximum.wholeMatch(of: isoDuration) != nil, "\(maximum)")
            for key in ["requiresJustification", "requiresTicket", "requiresMfa", "requiresApproval"] {
                #expect(policy[key] is Bool, "\(key)")
            }
            #expect(policy["authenticationContext"] is NSNull || policy["authenticationContext"] is String)
            // requiresMfa is true whenever an authentication context is demanded.
            if policy["authenticationContext"] is String { #expect(policy["requiresMfa"] as? Bool == true) }
        }
        let globalAdmin = try #require(listed.first { $0["name"] as? String == "Global Administrator" })
        let policy = try #require(globalAdmin["policy"] as? [String: Any])
        #expect(policy["maxDuration"] as? String == "PT1H")
        #expect(policy["authenticationContext"] as? String == "c1")
        #expect(policy["requiresApproval"] as? Bool == true)
        #expect(policy["requiresTicket"] as? Bool == true)
        let reader = try #require(listed.first { $0["name"] as? String == "Global Reader" })
        let readerPolicy = try #require(reader["policy"] as? [String: Any])
        #expect(readerPolicy["requiresJustification"] as? Bool == false)
        #expect(readerPolicy["requiresApproval"] as? Bool == false)
    }

    /// `--output json`: an array for listings, an object for a single result, on stdout only.
    @Test func singleResultsAreObjectsAndListingsArrays() throws {
        let personas = try pim(["demo", "personas", "-o", "json"])
        let names = try rows(personas).compactMap { $0["name"] as? String }
        #expect(Set(["ada", "ben", "hana"]).isSubset(of: Set(names)), "\(names)")

        let made = try object(
            try pim([
                "--demo", "activate", "Security Administrator", "-j", "Investigate alert", "-d", "1h", "-o", "json",
            ]))
        let id = try #require(made["id"] as? String)
        #expect(made["status"] as? String == "PendingApproval")
        let requests = try rows(try pim(["--demo", "requests", "-o", "json"]))
        #expect(requests.first?["id"] as? String == id, "newest first")
        let cancel = try pim(["--demo", "cancel", id, "-o", "json"])
        #expect(cancel.code == 0, "\(cancel)")
        let cancelled = try object(cancel)
        #expect(cancelled["id"] as? String == id)
        #expect(cancelled["status"] as? String == "Canceled")

        let queue = try rows(try pim(["--demo", "--as", "ben", "approvals", "-o", "json"]))
        let waiting = try #require(queue.first?["id"] as? String)
        let approve = try pim([
            "--demo", "--as", "ben", "approve", waiting, "--justification", "Reviewed", "-o", "json",
        ])
        #expect(approve.code == 0, "\(approve)")
        #expect(try object(approve)["id"] as? String == waiting)
        let remaining = try rows(try pim(["--demo", "--as", "ben", "approvals", "-o", "json"])).compactMap {
            $0["id"] as? String
        }
        #expect(!remaining.contains(waiting))
    }

    // MARK: The simulated tenant

    @Test func stateSurvivesInvocationsUntilReset() throws {
        let activate = try pim(["--demo", "activate", "Global Reader", "-d", "2h"])
        #expect(activate.code == 0, "\(activate)")
        #expect(FileManager.default.fileExists(atPath: sandbox.root + "/state/pim/demo-tenant.json"))
        let active = try rows(try pim(["--demo", "roles", "--active", "-o", "json"]))
        let reader = try #require(active.first { $0["name"] as? String == "Global Reader" })
        #expect(reader["state"] as? String == "active")
        #expect(reader["endDateTime"] is String)

        let reset = try pim(["demo", "reset"])
        #expect(reset.code == 0, "\(reset)")
        let afterReset = try rows(try pim(["--demo", "roles", "-o", "json"]))
        #expect(afterReset.first { $0["name"] as? String == "Global Reader" }?["state"] as? String == "eligible")
    }

    @Test func personasAreListedAndUsable() throws {
        let personas = try pim(["demo", "personas"])
        #expect(personas.code == 0, "\(personas)")
        for name in ["ada", "ben", "hana"] { #expect(personas.stdout.contains(name), "\(name)") }
        let helpdesk = try rows(
            try pim(["--demo", "--as", "hana", "elevations", "--expiring-within", "30m", "-o", "json"]))
        #expect(!helpdesk.isEmpty)
        #expect(helpdesk.allSatisfy { ($0["remainingSeconds"] as? Int).map { $0 <= 30 * 60 } ?? false })

        // Filterable by user and role, both at once.
        let filtered = try rows(
            try pim(["--demo", "--as", "hana", "elevations", "--user", "eve", "--role", "intune", "-o", "json"]))
        #expect(!filtered.isEmpty)
        for row in filtered {
            let user = ((row["principal"] as? [String: Any])?["displayName"] as? String ?? "").lowercased()
            #expect(user.contains("eve"), "\(row)")
            #expect((row["name"] as? String ?? "").lowercased().contains("intune"), "\(row)")
        }
    }
}

/// product.md's Graph settings on the built binary against a local "Graph": the documented `/me`
/// body, `--graph-url` beating `PIM_GRAPH_URL`, and throttling with `Retry-After`.
@Suite struct GraphSettingsContractTests {
    /// The `/me` body of the Graph reference (user-get.md), as the service sends it.
    static let meBody =
        #"""
        {"businessPhones":["+1 425 555 0109"],"displayName":"Adele Vance","givenName":"Adele",\#
        "jobTitle":"Retail Manager","mail":"AdeleV@contoso.com","mobilePhone":"+1 425 555 0109",\#
        "officeLocation":"18/2111","preferredLanguage":"en-US","surname":"Vance",\#
        "userPrincipalName":"AdeleV@contoso.com","id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd"}
        """#

    @Test func graphURLFlagBeatsTheEnvironment() throws {
        let server = try LocalHTTPServer(status: 200, body: Self.meBody)
        let closed = try LocalHTTPServer.closedPort()
        let result = try PimBinary.run(
            ["--verbose", "whoami", "-o", "json", "--graph-url=\(server.url)"], in: Sandbox(),
            environment: ["PIM_GRAPH_URL": "http://127.0.0.1:\(closed)", "PIM_ACCESS_TOKEN": "secret-token"])
        #expect(result.code == 0, "\(result)")
        let who = try #require(result.json as? [String: Any], "\(result)")
        #expect(who["displayName"] as? String == "Adele Vance")
        #expect(who["id"] as? String == "87d349ed-44d7-43e1-9a83-5f2406dee5bd")
        #expect(result.stderr.split(separator: "\n").contains { $0.hasPrefix("GET /v1.0/me") && $0.contains(" 200 ") })
        #expect(!result.stderr.contains("secret-token") && !result.stdout.contains("secret-token"))
    }

    @Test func throttlingAfterRetriesIsAServiceError() throws {
        let body =
            #"""
            {"error":{"code":"TooManyRequests","innerError":{"code":"429","date":"2020-08-18T12:51:51",\#
            "message":"Please retry after","request-id":"94fb3b52-452a-4535-a601-69e0a90e3aa2","status":"429"},\#
            "message":"Please retry again later."}}
            """#
        let server = try LocalHTTPServer(status: 429, headers: ["Retry-After": "0"], body: body)
        let result = try PimBinary.run(
            ["whoami"], in: Sandbox(),
            environment: ["PIM_GRAPH_URL": server.url, "PIM_ACCESS_TOKEN": "token"])
        #expect(result.code == 5, "\(result)")
        #expect(server.requestCount > 1, "retried as Retry-After allows")
        #expect(result.stderr.hasPrefix("pim: "))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
        #expect(result.stdout.isEmpty)
    }
}
