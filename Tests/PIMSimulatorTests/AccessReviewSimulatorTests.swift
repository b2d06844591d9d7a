import Foundation
import PIMGraph
import Synchronization
import Testing
@testable import PIMSimulator

/// The simulated tenant's access reviews, per access-reviews-contract.md: lists filtered by the
/// caller as reviewer, paged; writes refused for a non-reviewer, after the due date and without a
/// required justification; decisions kept in the state file.
@Suite struct AccessReviewSimulatorTests {
    static let root = "/identityGovernance/accessReviews/definitions"
    static let mine = "filterByCurrentUser(on='reviewer')"
    static let gaReview = ReviewSeed.globalAdminReview
    static let gaInstance = StableID.make("review-instance:ga")
    static let groupReview = ReviewSeed.groupReview
    static let groupInstance = StableID.make("review-instance:itops")
    static let firstStage = StableID.make("review-stage:itops:1")
    static var gaPath: String { "\(root)/\(gaReview)/instances/\(gaInstance)" }
    static var firstStagePath: String { "\(root)/\(groupReview)/instances/\(groupInstance)/stages/\(firstStage)" }

    /// Every item of a paged list, following `@odata.nextLink`.
    static func all(_ client: RawClient, _ path: String) async throws -> (items: [JSONObject], pages: Int) {
        var reply = try await client.get(path)
        #expect(reply.status == 200, "\(reply.json)")
        var items = reply.json.items
        var pages = 1
        while let next = reply.json.str("@odata.nextLink") {
            let relative = try #require(next.components(separatedBy: "/v1.0").last)
            reply = try await client.get(relative.removingPercentEncoding ?? relative)
            items += reply.json.items
            pages += 1
        }
        return (items, pages)
    }

    @Test func theDemoRequesterReviewsBothAndTheApproverBoth() async throws {
        let tenant = try makeTenant()
        let ada = try await RawClient(tenant).get("\(Self.root)/\(Self.mine)")
        #expect(Set(ada.json.items.compactMap { $0.str("id") }) == [Self.gaReview, Self.groupReview])
        let hana = try await RawClient(tenant, as: "hana").get("\(Self.root)/\(Self.mine)")
        #expect(hana.status == 200 && hana.json.items.isEmpty, "Hana reviews nothing")
        let stages = try await RawClient(tenant).get(
            "\(Self.root)/\(Self.groupReview)/instances/\(Self.groupInstance)/stages/\(Self.mine)")
        #expect(stages.json.items.map { $0.str("status") } == ["InProgress"], "Ada reviews the first stage only")
        let benStages = try await RawClient(tenant, as: "ben").get(
            "\(Self.root)/\(Self.groupReview)/instances/\(Self.groupInstance)/stages/\(Self.mine)")
        #expect(benStages.json.items.map { $0.str("status") } == ["NotStarted"], "Ben's second stage waits")
    }

    @Test func decisionsPageAndHonourTop() async throws {
        let tenant = try makeTenant()
        let client = RawClient(tenant)
        let paged = try await Self.all(client, "\(Self.firstStagePath)/decisions/\(Self.mine)")
        #expect(paged.items.count == 2 + ReviewSeed.extraMembers)
        #expect(paged.pages == 2, "ten to a page by default")
        let small = try await Self.all(client, "\(Self.firstStagePath)/decisions/\(Self.mine)?$top=5")
        #expect(small.items.count == paged.items.count && small.pages == 3)
        #expect(paged.items.allSatisfy { $0["resource"] is NSNull }, "a group review's items carry no resource")
        let recommendations = Set(paged.items.compactMap { $0.str("recommendation") })
        #expect(recommendations == ["Approve", "Deny", "NoInfoAvailable"])
    }

    @Test func aRecordedDecisionNamesTheReviewerAndPersists() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pim-rv-\(UUID().uuidString)")
            .appendingPathComponent("demo-tenant.json")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        func open() throws -> SimulatedTenant {
            try SimulatedTenant(configuration: SimulatorConfiguration(stateFile: file, now: { testStart }))
        }
        let items = try await RawClient(try open()).get("\(Self.gaPath)/decisions/\(Self.mine)").json.items
        let id = try #require(items.first?.str("id"))
        let patch = try await RawClient(try open()).patch(
            "\(Self.gaPath)/decisions/\(id)", ["decision": "Deny", "justification": "Left the team"])
        #expect(patch.status == 204)
        let read = try await RawClient(try open(), as: "ben").get("\(Self.gaPath)/decisions/\(id)")
        #expect(read.json.str("decision") == "Deny")
        #expect(read.json.obj("reviewedBy")?.str("id") == IDs.ada)
        #expect(read.json.str("justification") == "Left the team")
        let stored = try #require(parseObject(try Data(contentsOf: file)))
        #expect(stored["version"] as? Int == 4)
    }

    @Test func aVersionThreeStateFileIsReadAndGainsTheReviews() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pim-rv-\(UUID().uuidString)")
            .appendingPathComponent("demo-tenant.json")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let reports = Mutex<[String]>([])
        func open() throws -> SimulatedTenant {
            try SimulatedTenant(
                configuration: SimulatorConfiguration(
                    stateFile: file, now: { testStart }, report: { line in reports.withLock { $0.append(line) } }))
        }
        let client = RawClient(try open())
        let items = try await client.get("\(Self.gaPath)/decisions/\(Self.mine)").json.items
        let id = try #require(items.first?.str("id"))
        #expect(
            try await client.patch("\(Self.gaPath)/decisions/\(id)", ["decision": "Deny", "justification": "x"]).status
                == 204)
        var state = try #require(parseObject(try Data(contentsOf: file)))
        state["version"] = 3
        state["reviews"] = nil
        try JSONSerialization.data(withJSONObject: state).write(to: file)
        let reopened = try await RawClient(try open()).get("\(Self.root)/\(Self.mine)")
        #expect(reopened.json.items.count == 2, "the reviews are seeded on first use")
        #expect(reports.withLock { $0.isEmpty }, "not moved aside: \(reports.withLock { $0 })")
        let stored = try #require(parseObject(try Data(contentsOf: file)))
        #expect(stored["version"] as? Int == 4)
        #expect(stored["reviews"] != nil)
    }

    @Test func aNonReviewerIsRefused() async throws {
        let tenant = try makeTenant()
        let items = try await RawClient(tenant).get("\(Self.gaPath)/decisions/\(Self.mine)").json.items
        let id = try #require(items.first?.str("id"))
        let hana = try await RawClient(tenant, as: "hana").patch(
            "\(Self.gaPath)/decisions/\(id)", ["decision": "Approve", "justification": "x"])
        #expect(hana.status == 403)
        let ben = try await RawClient(tenant, as: "ben").post(
            "\(Self.firstStagePath)/batchRecordDecisions", ["decision": "Approve", "justification": "x"])
        #expect(ben.status == 403, "Ben reviews the second stage, not the first")
    }

    @Test func aRequiredJustificationIsRequired() async throws {
        let tenant = try makeTenant()
        let items = try await RawClient(tenant).get("\(Self.gaPath)/decisions/\(Self.mine)").json.items
        let id = try #require(items.first?.str("id"))
        let reply = try await RawClient(tenant).patch("\(Self.gaPath)/decisions/\(id)", ["decision": "Approve"])
        #expect(reply.status == 400)
        #expect(reply.json.errorMessage?.contains("justification") == true)
        let bad = try await RawClient(tenant).patch(
            "\(Self.gaPath)/decisions/\(id)", ["decision": "Maybe", "justification": "x"])
        #expect(bad.status == 400)
    }

    @Test func afterTheDueDateNothingIsRecorded() async throws {
        let tenant = try makeTenant()
        let items = try await RawClient(tenant).get("\(Self.gaPath)/decisions/\(Self.mine)").json.items
        let id = try #require(items.first?.str("id"))
        tenant.advanceClock(by: 13 * ReviewSeed.day)
        let reply = try await RawClient(tenant).patch(
            "\(Self.gaPath)/decisions/\(id)", ["decision": "Approve", "justification": "x"])
        #expect(reply.status == 409)
        let instances = try await RawClient(tenant).get(
            "\(Self.root)/\(Self.gaReview)/instances/\(Self.mine)?$filter=status eq 'InProgress'")
        #expect(instances.json.items.isEmpty, "a completed instance is no longer in progress")
        let accept = try await RawClient(tenant).post("\(Self.gaPath)/acceptRecommendations")
        #expect(accept.status == 409)
    }

    @Test func bulkAndRecommendationsTouchOnlyMyItems() async throws {
        let tenant = try makeTenant()
        let client = RawClient(tenant)
        #expect(try await client.post("\(Self.firstStagePath)/acceptRecommendations").status == 204)
        let items = try await Self.all(client, "\(Self.firstStagePath)/decisions/\(Self.mine)").items
        for item in items {
            let recommended = item.str("recommendation") ?? ""
            let expected = recommended == "NoInfoAvailable" ? "NotReviewed" : recommended
            #expect(item.str("decision") == expected)
        }
        #expect(
            try await client.post(
                "\(Self.firstStagePath)/batchRecordDecisions", ["decision": "DontKnow", "justification": "unsure"]
            ).status == 204)
        let after = try await Self.all(client, "\(Self.firstStagePath)/decisions/\(Self.mine)").items
        #expect(after.allSatisfy { $0.str("decision") == "DontKnow" })
        let secondStage = StableID.make("review-stage:itops:2")
        let ben = try await Self.all(
            RawClient(tenant, as: "ben"),
            "\(Self.root)/\(Self.groupReview)/instances/\(Self.groupInstance)/stages/\(secondStage)/decisions/"
                + Self.mine)
        #expect(ben.items.allSatisfy { $0.str("decision") == "NotReviewed" }, "the second stage's items are Ben's")
    }
}
