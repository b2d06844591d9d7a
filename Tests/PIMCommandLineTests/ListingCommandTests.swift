import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

@Suite struct ListingCommandTests {
    static func withActive() -> FakeService {
        FakeService(now: testNow) { state in
            state.active = [
                ActiveAssignment(
                    id: "a1", target: FakeService.globalAdmin, principal: state.me,
                    start: testNow.addingTimeInterval(-600), end: testNow.addingTimeInterval(1800))
            ]
        }
    }

    @Test func rolesJSONRowsCarryTheContractKeys() async throws {
        let result = await run(["roles", "--output", "json"], service: Self.withActive())
        #expect(result.code == 0)
        let rows = try #require(json(result.stdout) as? [[String: Any]])
        #expect(rows.count == 6)
        let admin = try #require(rows.first)
        #expect(admin["kind"] as? String == "role")
        #expect(admin["name"] as? String == "Global Administrator")
        #expect(admin["id"] as? String == "62e90394-69f5-4237-9190-012177145e10")
        #expect(admin["state"] as? String == "active")
        #expect(admin["endDateTime"] as? String == "2026-11-23T12:30:00Z")
        #expect(admin["tier"] as? String == "Tier 0")
        let policy = try #require(admin["policy"] as? [String: Any])
        #expect(policy["maxDuration"] as? String == "PT2H")
        #expect(policy["requiresJustification"] as? Bool == true)
        #expect(policy["requiresTicket"] as? Bool == true)
        #expect(policy["requiresMfa"] as? Bool == true)
        #expect(policy["authenticationContext"] is NSNull)
        #expect(policy["requiresApproval"] as? Bool == true)
        let readers = try #require(rows.first { $0["name"] as? String == "Directory Readers" })
        #expect(readers["state"] as? String == "eligible")
        #expect(readers["endDateTime"] is NSNull)
        let readersPolicy = try #require(readers["policy"] as? [String: Any])
        #expect(readersPolicy["requiresMfa"] as? Bool == true)
        #expect(readersPolicy["authenticationContext"] as? String == "c1")
        let group = try #require(rows.first { $0["access"] as? String == "owner" })
        #expect(group["kind"] as? String == "group")
    }

    @Test func rolesFilters() async throws {
        let active = await run(["roles", "--active", "-o", "json"], service: Self.withActive())
        #expect((json(active.stdout) as? [Any])?.count == 1)
        let eligible = await run(["roles", "--eligible", "-o", "json"], service: Self.withActive())
        #expect((json(eligible.stdout) as? [Any])?.count == 5)
    }

    @Test func rolesTableAlignsWideCharactersAndShowsCountdowns() async {
        let result = await run(["roles"], service: Self.withActive())
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("NAME"))
        #expect(lines[1].contains("Global Administrator"))
        #expect(lines[1].contains("30m 00s"))
        #expect(lines[1].contains("12:30"))
        // The KIND column starts at the same display column on every row, CJK included.
        let roleRows = lines.filter { $0.contains("  role ") }
        let columns = Set(roleRows.map { DisplayWidth.of($0.components(separatedBy: "  role ")[0]) })
        #expect(columns.count == 1, "\(lines.joined(separator: "\n"))")
        #expect(roleRows.count == 4)
        #expect(result.stdout.contains("日本語 管理者"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour without a terminal")
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() async {
        let colored = await run(["roles"], service: Self.withActive(), terminal: true)
        #expect(colored.stdout.contains("\u{1B}["))
        let noColor = await run(["roles"], service: Self.withActive(), environment: ["NO_COLOR": "1"], terminal: true)
        #expect(!noColor.stdout.contains("\u{1B}["))
        let flag = await run(["roles", "--no-color"], service: Self.withActive(), terminal: true)
        #expect(!flag.stdout.contains("\u{1B}["))
    }

    @Test func tablesFitTheTerminalWidth() async {
        let result = await run(["roles"], service: Self.withActive(), width: 72)
        for line in result.stdout.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 72, "\(line)") }
        #expect(result.stdout.contains("…"))
    }

    @Test func serviceStringsAreSanitised() async throws {
        let evil = ElevationTarget(id: .role("evil"), displayName: "Evil\u{1B}]0;owned\u{07}Role")
        let service = FakeService(now: testNow) { state in
            state.eligibilities.append(Eligibility(id: "ev", target: evil, principalId: state.me.id))
        }
        let table = await run(["roles"], service: service)
        #expect(!table.stdout.contains("\u{1B}"))
        #expect(table.stdout.contains("Evil␛]0;owned␇Role"))
        let document = await run(["roles", "-o", "json"], service: service)
        #expect(!document.stdout.contains("\u{1B}"))
        #expect(document.stdout.contains("\\u001b"))
    }

    @Test func outputFormatFromEnvironment() async {
        let result = await run(["roles"], service: Self.withActive(), environment: ["PIM_OUTPUT": "json"])
        #expect(json(result.stdout) is [Any])
        let bad = await run(["roles"], environment: ["PIM_OUTPUT": "yaml"])
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("PIM_OUTPUT"))
    }

    @Test func elevationsFilterSortAndCarryATier() async throws {
        let service = FakeService(now: testNow) { state in
            let ben = Principal(id: "u-ben", displayName: "Ben Okafor")
            state.elevations = [
                ActiveAssignment(
                    id: "x1", target: FakeService.exchangeAdmin, principal: ben, end: testNow.addingTimeInterval(3600)),
                ActiveAssignment(
                    id: "x2", target: FakeService.globalAdmin, principal: state.me, end: testNow.addingTimeInterval(600)
                ),
                ActiveAssignment(
                    id: "x3", target: FakeService.reader, principal: ben, end: nil, assignmentType: .assigned),
            ]
        }
        let all = await run(["elevations", "-o", "json"], service: service)
        let rows = try #require(json(all.stdout) as? [[String: Any]])
        #expect(rows.map { $0["assignmentId"] as? String } == ["x2", "x1", "x3"])
        #expect(rows.allSatisfy { ($0["tier"] as? String)?.hasPrefix("Tier ") == true })
        #expect(rows.allSatisfy { $0["state"] as? String == "active" })
        let soon = await run(["elevations", "--expiring-within", "15m", "-o", "json"], service: service)
        #expect((json(soon.stdout) as? [[String: Any]])?.map { $0["assignmentId"] as? String } == ["x2"])
        let table = await run(["elevations", "--user", "ben"], service: service)
        #expect(table.stdout.contains("Tier 0"))
        #expect(table.stdout.contains("Tier 2"))
        #expect(!table.stdout.contains("Ada"))
        let nobody = await run(["elevations", "--user", "nobody"], service: service)
        #expect(nobody.code == 0)
        #expect(nobody.stdout.contains("No active elevation matches --user nobody."), "\(nobody.stdout)")
        let bad = await run(["elevations", "--expiring-within", "15"], service: service)
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("write 15m for minutes"))
    }

    /// A section the rows are made of that did not load: nothing listed as if whole, the section named
    /// in one sentence with the next step of what failed, exit 5 (table and JSON alike).
    @Test(arguments: [["roles"], ["roles", "-o", "json"]])
    func aListingMissingASectionIsNotShownAndNamesIt(arguments: [String]) async throws {
        let service = FakeService(now: testNow) { state in
            state.sectionFailures[.eligibleGroups] = PIMError(
                .forbidden, "Graph refused this for your account",
                step: .askAdministrator)
        }
        let result = await run(arguments, service: service)
        #expect(result.code == 5)
        #expect(
            result.stderr
                == """
                pim: Could not read your eligible groups (Graph refused this for your account), so the listing is \
                incomplete: ask an administrator.\n
                """,
            "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// A section the rows do not depend on (the policies: `policy` is null when unknown) is named on stderr; the rows
    /// are listed.
    @Test func aPolicySectionThatDidNotLoadIsNamedAndTheRowsListed() async throws {
        let service = FakeService(now: testNow) { state in
            state.sectionFailures[.policies] = PIMError(
                .service, "Graph answered with a server error (HTTP 500): try again in a few minutes.")
        }
        let result = await run(["roles"], service: service)
        #expect(result.code == 0)
        #expect(
            result.stderr.contains(
                """
                Could not load the role and group policies: Graph answered with a server error (HTTP 500): try again \
                in a few minutes.
                """
            ), "\(result.stderr)")
        #expect(result.stdout.contains("Exchange Administrator"))
    }

    @Test func requestsNewestFirstWithPendingMarked() async throws {
        let service = FakeService(now: testNow) { state in
            state.requests = [
                ElevationRequest(
                    id: "old", target: FakeService.reader, action: .selfActivate, status: .provisioned,
                    principal: state.me, createdAt: testNow.addingTimeInterval(-7200), duration: .hours(1)),
                ElevationRequest(
                    id: "new", target: FakeService.globalAdmin, action: .selfActivate, status: .pendingApproval,
                    principal: state.me, createdAt: testNow.addingTimeInterval(-60), duration: .hours(1)),
            ]
        }
        let table = await run(["requests"], service: service)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines[1].hasPrefix("*  new"))
        #expect(lines[2].contains("old"))
        let rows = try #require(
            json(await run(["requests", "-o", "json"], service: service).stdout) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["new", "old"])
        #expect(rows[0]["state"] as? String == "eligible")
        #expect(rows[0]["requestState"] as? String == "pending")
        #expect(rows[0]["status"] as? String == "PendingApproval")
    }

    @Test func historyPassesSinceAndAll() async throws {
        let service = FakeService(now: testNow) { state in
            state.history = [
                AuditEvent(
                    id: "h1", date: testNow.addingTimeInterval(-3600),
                    activity: "Add member to role completed (PIM activation)",
                    result: "success", targetName: "Global Administrator")
            ]
        }
        let result = await run(["history", "--since", "7d", "--all"], service: service)
        #expect(result.code == 0)
        #expect(result.stdout.contains("Add member to role completed"))
        let query = try #require(service.read { $0.auditQueries.first })
        #expect(query.tenantWide)
        #expect(query.since == testNow.addingTimeInterval(-7 * 86_400))
    }

    /// product.md: listing rows carry at least kind, name, id, state (eligible or active) and endDateTime.
    @Test func everyListingRowHasTheDocumentedKeys() async throws {
        let service = FakeService(now: testNow) { state in
            state.history = [
                AuditEvent(
                    id: "h1", date: testNow.addingTimeInterval(-3600),
                    activity: "Add member to role completed (PIM activation)",
                    result: "success", category: "RoleManagement", targetName: "Global Administrator")
            ]
            state.requests = [
                ElevationRequest(
                    id: "new", target: FakeService.globalAdmin, action: .selfActivate, status: .pendingApproval,
                    principal: state.me, createdAt: testNow.addingTimeInterval(-60), duration: .hours(1))
            ]
        }
        for command in [["history"], ["requests"]] {
            let rows = try #require(
                json(await run(command + ["-o", "json"], service: service).stdout) as? [[String: Any]])
            #expect(!rows.isEmpty, "\(command)")
            for row in rows {
                for key in ["kind", "name", "id", "state", "endDateTime"] {
                    #expect(row.keys.contains(key), "\(command) \(key)")
                }
                #expect(["eligible", "active"].contains(row["state"] as? String), "\(command)")
            }
        }
        let history = try #require(
            json(await run(["history", "-o", "json"], service: service).stdout) as? [[String: Any]])
        #expect(history.first?["kind"] as? String == "role")
    }
}

/// At 80 columns `pim roles` keeps what an administrator reads a row by (name, tier, state, time
/// left) and leaves out what repeats the kind (scope); names that would read alike once cut are
/// cut in the middle.
@Suite struct NarrowRolesTableTests {
    static func sysadminGroups() -> FakeService {
        FakeService(now: testNow) { state in
            for (index, name) in ["itops-sysadmin-prod-noapproval", "itops-sysadmin-prod-requireapproval"].enumerated()
            {
                state.eligibilities.append(
                    Eligibility(
                        id: "g\(index)", target: ElevationTarget(id: .group("g-sys\(index)"), displayName: name),
                        principalId: state.me.id))
            }
        }
    }

    @Test func at80ColumnsTierAndScopeStayAndKindGoesFirst() async {
        let result = await run(["roles"], service: Self.sysadminGroups(), width: 80)
        let header = String(result.stdout.split(separator: "\n").first ?? "")
        #expect(header.contains("TIER"), "\(result.stdout)")
        #expect(header.contains("SCOPE"), "\(result.stdout)")
        #expect(!header.contains("KIND"), "\(result.stdout)")
        for line in result.stdout.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80, "\(line)") }
    }

    @Test func namesThatWouldReadAlikeWhenCutAreCutInTheMiddle() async {
        let result = await run(["roles"], service: Self.sysadminGroups(), width: 56)
        let names = result.stdout.split(separator: "\n").filter { $0.hasPrefix("itops") }.map {
            String($0.prefix { $0 != " " })
        }
        #expect(names.count == 2, "\(result.stdout)")
        #expect(Set(names).count == 2, "two rows read alike: \(names)")
        #expect(names.allSatisfy { $0.contains("…") }, "\(names)")
    }
}
