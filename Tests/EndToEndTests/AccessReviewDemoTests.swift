import Foundation
import Testing

/// `pim reviews` and `pim review` of the built binary against the simulated tenant (`--demo`), which
/// keeps its state between runs in the sandbox: bulk and single decisions, what `-o json` then says,
/// and each refusal with its sentence and exit code.
@Suite struct AccessReviewDemoTests {
    let sandbox = Sandbox()

    func pim(_ arguments: [String]) throws -> PimBinary.Result {
        try PimBinary.run(["--demo"] + arguments, in: sandbox)
    }

    func rows(as persona: String = "ada") throws -> [[String: Any]] {
        let result = try pim(["--as", persona, "reviews", "-o", "json"])
        #expect(result.code == 0, "\(result)")
        return try #require(result.json as? [[String: Any]], "\(result)")
    }

    static func ids(_ rows: [[String: Any]], review: String) -> [String] {
        rows.filter { $0["reviewName"] as? String == review }.compactMap { $0["decisionId"] as? String }
    }

    static let admins = "Global Administrator eligibilities"
    static let members = "itops-sysadmin-prod-requireapproval members"

    @Test func theTableAndTheJSONRowsCarryTheDocumentedKeys() throws {
        let table = try pim(["reviews"])
        #expect(table.code == 0, "\(table)")
        let header = table.stdout.split(separator: "\n").first.map(String.init) ?? ""
        for title in ["REVIEW", "PRINCIPAL", "RESOURCE", "TIER", "RECOMMENDATION", "DECISION", "DUE", "DECISION ID"] {
            #expect(header.contains(title), "\(title) in \(header)")
        }
        #expect(table.stderr.contains("Waiting for you: 15 decisions in 2 reviews."), "\(table.stderr)")
        let rows = try rows()
        #expect(rows.count == 15, "the twelve of the staged review come in two pages")
        for key in [
            "reviewId", "instanceId", "stageId", "decisionId", "reviewName", "principal", "resource", "recommendation",
            "decision", "dueDateTime",
        ] {
            #expect(rows.allSatisfy { $0[key] != nil }, "\(key)")
        }
        #expect(rows.filter { $0["stageId"] is NSNull }.count == 3, "the single-stage review has no stage")
    }

    @Test func approveThreeInOneBulkDenyOneAndTheJSONAgrees() throws {
        let before = try rows()
        let admins = Self.ids(before, review: Self.admins)
        #expect(admins.count == 3)
        let bulk = try PimBinary.run(
            ["--demo", "--verbose", "review"] + admins.map { String($0.prefix(8)) }
                + ["--approve", "-j", "Still on the platform team"],
            in: sandbox)
        #expect(bulk.code == 0, "\(bulk)")
        #expect(bulk.stdout.split(separator: "\n").count == 3, "one line per decision")
        let posts = bulk.stderr.split(separator: "\n").filter { $0.hasPrefix("POST ") || $0.hasPrefix("PATCH ") }
        #expect(posts.count == 1 && posts[0].contains("/batchRecordDecisions "), "\(posts)")
        let member = try #require(Self.ids(before, review: Self.members).first)
        let deny = try pim(["review", member, "--deny"])
        #expect(deny.code == 0, "\(deny)")
        #expect(deny.stdout.hasPrefix("Recorded Deny on \(member.prefix(8))"))
        let after = try rows()
        let decided = Dictionary(
            uniqueKeysWithValues: after.compactMap { row in
                (row["decisionId"] as? String).map { ($0, row["decision"] as? String ?? "") }
            })
        #expect(admins.allSatisfy { decided[$0] == "Approve" })
        #expect(decided[member] == "Deny")
        #expect(after.filter { $0["decision"] as? String == "NotReviewed" }.count == 11)
        #expect(try pim(["reviews"]).stderr.contains("Waiting for you: 11 decisions in 2 reviews."))
        // The same command again sends nothing and says so.
        let again = try pim(["review", member, "--deny"])
        #expect(again.code == 0 && again.stdout.hasPrefix("Already recorded Deny"), "\(again)")
    }

    @Test func aDecisionAnotherReviewerRecordedIsRefusedAndNothingIsSent() throws {
        let admin = try #require(Self.ids(try rows(), review: Self.admins).first)
        #expect(try pim(["review", admin, "--approve", "-j", "ok"]).code == 0)
        let ben = try pim(["--as", "ben", "--verbose", "review", admin, "--deny", "-j", "no"])
        #expect(ben.code == 4, "\(ben)")
        #expect(ben.stderr.contains("already recorded by Ada Admin (Approve)"), "\(ben.stderr)")
        #expect(!ben.stderr.contains("PATCH ") && !ben.stderr.contains("POST "))
        let row = try #require(try rows().first { $0["decisionId"] as? String == admin })
        #expect(row["decision"] as? String == "Approve")
    }

    @Test func badInputGetsOneSentenceAndTheDocumentedCode() throws {
        let admin = try #require(Self.ids(try rows(), review: Self.admins).first)
        let noReason = try pim(["--verbose", "review", admin, "--approve"])
        #expect(noReason.code == 4, "\(noReason)")
        #expect(noReason.stderr.contains("asks for a justification"))
        #expect(!noReason.stderr.contains("PATCH "), "refused before sending")
        let unknown = try pim(["review", "deadbeef-0000", "--approve", "-j", "x"])
        #expect(unknown.code == 4 && unknown.stderr.contains("run pim reviews"), "\(unknown)")
        let short = try pim(["review", String(admin.prefix(3)), "--approve", "-j", "x"])
        #expect(short.code == 2, "\(short)")
        let noVerdict = try pim(["review", admin, "-j", "x"])
        #expect(noVerdict.code == 2 && noVerdict.stderr.contains("--approve, --deny or --dont-know"))
        let hana = try pim(["--as", "hana", "review", admin, "--approve", "-j", "x"])
        #expect(hana.code == 4, "a non-reviewer has no such decision: \(hana)")
    }

    @Test func acceptingRecommendationsSaysHowManyItRecorded() throws {
        let rows = try rows()
        let staged = try #require(rows.first { $0["reviewName"] as? String == Self.members })
        let instance = try #require(staged["instanceId"] as? String)
        let expected = rows.filter {
            $0["instanceId"] as? String == instance && $0["recommendation"] as? String != "NoInfoAvailable"
        }.count
        let accept = try pim(["review", "--accept-recommendations", String(instance.prefix(8))])
        #expect(accept.code == 0, "\(accept)")
        #expect(accept.stdout.contains("Accepted the recommendation on \(expected) decisions"), "\(accept.stdout)")
        let after = try self.rows().filter { $0["instanceId"] as? String == instance }
        for row in after where row["recommendation"] as? String != "NoInfoAvailable" {
            #expect(row["decision"] as? String == row["recommendation"] as? String)
        }
    }
}
