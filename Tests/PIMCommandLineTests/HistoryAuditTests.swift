import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

/// A strict RFC 4180 reader: every record ends with CRLF, a quoted field doubles its quotes, and
/// anything else (a bare quote, a stray CR or LF) is a failure.
func parseStrictCSV(_ text: String) -> [[String]]? {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var scalars = Array(text.unicodeScalars)[...]
    var atFieldStart = true
    while let scalar = scalars.first {
        scalars = scalars.dropFirst()
        if atFieldStart && scalar == "\"" {
            while true {
                guard let next = scalars.first else { return nil }
                scalars = scalars.dropFirst()
                if next == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars = scalars.dropFirst()
                    } else {
                        break
                    }
                } else {
                    field.unicodeScalars.append(next)
                }
            }
            atFieldStart = false
            guard let after = scalars.first, after == "," || after == "\r" else { return nil }
            continue
        }
        switch scalar {
        case ",":
            record.append(field)
            field = ""
            atFieldStart = true
        case "\r":
            guard scalars.first == "\n" else { return nil }
            scalars = scalars.dropFirst()
            record.append(field)
            records.append(record)
            record = []
            field = ""
            atFieldStart = true
        case "\n", "\"": return nil
        default:
            field.unicodeScalars.append(scalar)
            atFieldStart = false
        }
    }
    return record.isEmpty && field.isEmpty ? records : nil
}

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhatRFC4180Requires() throws {
        let csv = CSV(
            header: ["a", "b"],
            rows: [["plain", "comma, inside"], ["say \"hi\"", "line\nbreak"], ["Zoë 管理者 🔐", "cr\r\nlf"]])
        let text = csv.rendered()
        #expect(text.hasPrefix("a,b\r\nplain,\"comma, inside\"\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\n"))
        #expect(text.hasSuffix("Zoë 管理者 🔐,\"cr\r\nlf\"\r\n"))
        #expect(parseStrictCSV(text) == [csv.header] + csv.rows)
    }

    @Test func anEmptyDocumentIsItsHeader() {
        #expect(CSV(header: ["date", "id"], rows: []).rendered() == "date,id\r\n")
    }
}

@Suite struct HistoryAuditTests {
    static let ada = Principal(id: "u-ada", displayName: "Ada Lovelace", userPrincipalName: "ada@contoso.com")
    static let ben = Principal(id: "u-ben", displayName: "Ben Okafor", userPrincipalName: "ben@contoso.com")

    static func event(
        _ id: String, hoursAgo: Double, by: Principal, target: String, reason: String? = nil
    )
        -> AuditEvent
    {
        AuditEvent(
            id: id, date: testNow.addingTimeInterval(-hoursAgo * 3600),
            activity: "Add member to role completed (PIM activation)", result: "success", resultReason: reason,
            category: "RoleManagement", initiatedBy: by, targetName: target)
    }

    static func service() -> FakeService {
        FakeService(now: testNow) { state in
            state.history = [
                event("e1", hoursAgo: 1, by: ada, target: "Global Administrator", reason: "INC-1, \"urgent\"\nfix"),
                event("e2", hoursAgo: 30, by: ben, target: "Exchange Administrator"),
                event("e3", hoursAgo: 24 * 10, by: ada, target: "Exchange Administrator"),
                event("e4", hoursAgo: 24 * 40, by: ben, target: "Global Administrator"),
            ]
        }
    }

    static func ids(_ arguments: [String]) async throws -> [String] {
        let result = await run(["history"] + arguments + ["-o", "json"], service: service())
        #expect(result.code == 0, "\(result.stderr)")
        let rows = try #require(json(result.stdout) as? [[String: Any]])
        return rows.compactMap { $0["id"] as? String }
    }

    @Test func userMatchesNameOrUPNAnyCase() async throws {
        #expect(try await Self.ids(["--user", "ADA"]) == ["e1", "e3"])
        #expect(try await Self.ids(["--user", "ben@contoso"]) == ["e2", "e4"])
    }

    @Test func targetMatchesPartOfTheName() async throws {
        #expect(try await Self.ids(["--target", "exchange"]) == ["e2", "e3"])
    }

    @Test func sinceAndUntilBoundTheWindow() async throws {
        #expect(try await Self.ids(["--since", "30d", "--until", "1d"]) == ["e2", "e3"])
        #expect(try await Self.ids(["--until", "2026-11-13"]) == ["e3", "e4"])
    }

    @Test func limitKeepsTheNewest() async throws {
        #expect(try await Self.ids(["--limit", "2"]) == ["e1", "e2"])
    }

    @Test func malformedValuesAreUsageErrors() async {
        for arguments in [
            ["--limit", "0"], ["--limit", "abc"], ["--until", "yesterday-ish"],
            ["--since", "1d", "--until", "2d"],
        ] {
            let result = await run(["history"] + arguments, service: Self.service())
            #expect(result.code == 2, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
    }

    @Test func noMatchSaysWhichFiltersWereGiven() async {
        let result = await run(
            ["history", "--until", "2d", "--user", "ben", "--target", "exchange"], service: Self.service())
        #expect(result.code == 0)
        #expect(result.stdout == "No PIM event matches --until 2d --user ben --target exchange.\n")
    }

    @Test func aUserOrTargetNoEventNamesIsRefusedNamingSomeThatExist() async {
        let user = await run(["history", "--user", "nobody", "-o", "json"], service: Self.service())
        #expect(user.code == 4)
        #expect(user.stdout.isEmpty)
        #expect(user.stderr.contains(#"No one whose name or UPN contains "nobody" acted in the history read"#))
        #expect(user.stderr.contains(#"(there are "Ada Lovelace", "Ben Okafor")"#))
        let target = await run(["history", "--since", "30d", "--target", "Global Reader"], service: Self.service())
        #expect(target.code == 4)
        #expect(target.stderr.contains(#"contains "global reader" appears in the last 30d"#))
        #expect(target.stderr.contains("check --target, or widen --since."))
    }

    @Test func csvOfAMonthParsesBackExactly() async throws {
        let result = await run(["history", "--since", "30d", "--output", "csv"], service: Self.service())
        #expect(result.code == 0)
        let records = try #require(parseStrictCSV(result.stdout))
        #expect(records.first == CSVRows.auditHeader)
        let id = try #require(CSVRows.auditHeader.firstIndex(of: "id"))
        #expect(records.dropFirst().map { $0[id] } == ["e1", "e2", "e3"])
        let reason = try #require(CSVRows.auditHeader.firstIndex(of: "resultReason"))
        #expect(records[1][reason] == "INC-1, \"urgent\"\nfix")
        #expect(records[1][CSVRows.auditHeader.firstIndex(of: "initiatedByUserPrincipalName")!] == "ada@contoso.com")
    }

    @Test func csvNamesWhoDecidedAndWhyInTheLastThreeColumns() async throws {
        let decidedAt = testNow.addingTimeInterval(-3000)
        let review = Review(
            result: .denied, reviewer: Self.ben, justification: "Not during the freeze, \"really\"\nsorry",
            reviewedAt: decidedAt)
        let service = FakeService(now: testNow) { state in
            var denied = Self.event("d1", hoursAgo: 1, by: Self.ada, target: "Global Administrator")
            denied.storage.fields.review = review
            state.history = [denied, Self.event("e2", hoursAgo: 2, by: Self.ada, target: "Global Reader")]
        }
        let result = await run(["history", "--output", "csv"], service: service)
        #expect(result.code == 0)
        let records = try #require(parseStrictCSV(result.stdout))
        #expect(Array(records[0].suffix(4)) == ["id", "reviewedBy", "reviewJustification", "reviewedDateTime"])
        #expect(records.allSatisfy { $0.count == CSVRows.auditHeader.count })
        #expect(
            Array(records[1].suffix(3)) == [
                "Ben Okafor", "Not during the freeze, \"really\"\nsorry", "2026-11-23T11:10:00Z",
            ])
        #expect(Array(records[2].suffix(3)) == ["", "", ""])

        let rows = try #require(
            json(await run(["history", "-o", "json"], service: service).stdout) as? [[String: Any]])
        #expect((rows[0]["reviewedBy"] as? [String: Any])?["displayName"] as? String == "Ben Okafor")
        #expect(rows[0]["reviewJustification"] as? String == "Not during the freeze, \"really\"\nsorry")
        #expect(rows[0]["reviewedDateTime"] as? String == "2026-11-23T11:10:00Z")
        #expect(rows[1]["reviewedBy"] is NSNull)
    }

    @Test func csvOnATerminalIsInert() async throws {
        let service = FakeService(now: testNow) { state in
            state.history = [Self.event("x", hoursAgo: 1, by: Self.ada, target: "Evil\u{1B}]0;pwned\u{07}")]
        }
        let result = await run(["history", "--output", "csv"], service: service, terminal: true)
        #expect(result.code == 0)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.contains("\u{07}"))
    }

    @Test func csvIsForHistoryOnly() async {
        let result = await run(["roles", "--output", "csv"])
        #expect(result.code == 2)
        #expect(result.stderr.contains("--output csv is supported by pim history only"))
    }
}
