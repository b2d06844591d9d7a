import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

/// Who decided a request and why (`pim requests`, `activate --wait`) and my own decisions
/// (`pim history --mine-as-approver`).
@Suite struct DecisionCommandTests {
    static let ben = Principal(id: "u-ben", displayName: "Ben Okafor", userPrincipalName: "ben@contoso.com")
    static let denial = Review(
        result: .denied, reviewer: ben, justification: "Not during the freeze",
        reviewedAt: testNow.addingTimeInterval(-600))

    @Test func requestsNameTheDenierAndTheReason() async throws {
        let service = FakeService(now: testNow) { state in
            state.requests = [
                ElevationRequest(
                    id: "denied-1", target: FakeService.globalAdmin, action: .selfActivate, status: .denied,
                    principal: state.me, createdAt: testNow.addingTimeInterval(-3600), approvalId: "denied-1",
                    review: Self.denial),
                ElevationRequest(
                    id: "open-1", target: FakeService.reader, action: .selfActivate, status: .pendingApproval,
                    principal: state.me, createdAt: testNow.addingTimeInterval(-60)),
            ]
        }
        let table = await run(["requests"], service: service)
        #expect(table.stdout.contains("Ben Okafor"))
        #expect(table.stdout.contains("Not during the freeze"))
        let rows = try #require(
            json(await run(["requests", "-o", "json"], service: service).stdout) as? [[String: Any]])
        let denied = try #require(rows.first { $0["id"] as? String == "denied-1" })
        #expect((denied["reviewedBy"] as? [String: Any])?["displayName"] as? String == "Ben Okafor")
        #expect(denied["reviewJustification"] as? String == "Not during the freeze")
        #expect(denied["reviewedDateTime"] as? String != nil)
        let open = try #require(rows.first { $0["id"] as? String == "open-1" })
        #expect(open["reviewedBy"] is NSNull)
        #expect(open["reviewJustification"] is NSNull)
    }

    @Test func waitSaysWhoDeniedAndWhyBeforeExitingFour() async {
        let service = FakeService(now: testNow) {
            $0.decideOnRead = .denied
            $0.reviewOnRead = Self.denial
        }
        let result = await run(
            [
                "activate", "Global Administrator", "-j", "x", "-t", "CHG-1", "--ticket-system", "S",
                "-d", "1h", "--wait",
            ], service: service, sleeps: 3)
        #expect(result.code == 4)
        #expect(result.stdout.contains("was Denied by Ben Okafor"))
        #expect(result.stdout.contains("\"Not during the freeze\""))
    }

    @Test func waitOnAnAzureRoleSaysWhoDeniedAndWhyBeforeExitingFour() async {
        let service = FakeService(now: testNow) {
            FakeService.seedAzure(&$0)
            $0.decideOnRead = .denied
            $0.reviewOnRead = Self.denial
        }
        let result = await run(
            ["activate", "azure:Owner@Dev-Sandbox", "-j", "Budget alerts", "-d", "1h", "--wait"], service: service,
            sleeps: 3)
        #expect(result.code == 4, "\(result.stderr)")
        #expect(result.stdout.contains("Owner"), "\(result.stdout)")
        #expect(result.stdout.contains("was Denied by Ben Okafor"), "\(result.stdout)")
        #expect(result.stdout.contains("\"Not during the freeze\""))
    }

    @Test func reviewTextFromTheServiceIsMadeInert() async {
        let hostile = Review(result: .denied, reviewer: Self.ben, justification: "no\u{1B}]52;c;AAAA\u{7}")
        let service = FakeService(now: testNow) {
            $0.decideOnRead = .denied
            $0.reviewOnRead = hostile
        }
        let result = await run(
            [
                "activate", "Global Administrator", "-j", "x", "-t", "CHG-1", "--ticket-system", "S",
                "-d", "1h", "--wait",
            ], service: service, sleeps: 3)
        #expect(result.code == 4)
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func mineAsApproverListsMyDecisionsWithRequesterTargetAndReason() async throws {
        let ada = Principal(id: "u-ada", displayName: "Ada Admin")
        let service = FakeService(now: testNow) { state in
            state.myDecisions = [
                ElevationRequest(
                    id: "d-1", target: FakeService.globalAdmin, action: .selfActivate, status: .denied,
                    principal: ada, approvalId: "d-1", review: Self.denial),
                ElevationRequest(
                    id: "d-old", target: FakeService.reader, action: .selfActivate, status: .provisioned,
                    principal: ada, approvalId: "d-old",
                    review: Review(
                        result: .approved, reviewer: Self.ben, justification: "Confirmed",
                        reviewedAt: testNow.addingTimeInterval(-10 * 86400))),
            ]
        }
        let table = await run(["history", "--mine-as-approver"], service: service)
        #expect(table.code == 0)
        #expect(table.stdout.contains("Ada Admin"))
        #expect(table.stdout.contains("Global Administrator"))
        #expect(table.stdout.contains("Denied"))
        #expect(table.stdout.contains("Not during the freeze"))
        #expect(table.stdout.contains("Directory Readers"))

        let recent = try #require(
            json(await run(["history", "--mine-as-approver", "--since", "7d", "-o", "json"], service: service).stdout)
                as? [[String: Any]])
        #expect(recent.map { $0["id"] as? String } == ["d-1"])
        #expect((recent[0]["requester"] as? [String: Any])?["displayName"] as? String == "Ada Admin")
        #expect(recent[0]["decision"] as? String == "Deny")
        #expect(recent[0]["reviewJustification"] as? String == "Not during the freeze")

        let withAll = await run(["history", "--mine-as-approver", "--all"], service: service)
        #expect(withAll.code == 2)
    }

    @Test func mineAsApproverIsNarrowedByRequesterTargetWindowAndLimit() async throws {
        let ada = Principal(id: "u-ada", displayName: "Ada Admin")
        let carl = Principal(id: "u-carl", displayName: "Carl Contractor")
        func decided(_ id: String, _ who: Principal, _ target: ElevationTarget, daysAgo: Double) -> ElevationRequest {
            ElevationRequest(
                id: id, target: target, action: .selfActivate, status: .denied, principal: who, approvalId: id,
                review: Review(
                    result: .denied, reviewer: Self.ben, justification: "No",
                    reviewedAt: testNow.addingTimeInterval(-daysAgo * 86400)))
        }
        let service = FakeService(now: testNow) { state in
            state.myDecisions = [
                decided("d-1", ada, FakeService.globalAdmin, daysAgo: 1),
                decided("d-2", carl, FakeService.globalAdmin, daysAgo: 2),
                decided("d-3", ada, FakeService.reader, daysAgo: 5),
            ]
        }
        func ids(_ arguments: [String]) async throws -> [String] {
            let result = await run(["history", "--mine-as-approver", "-o", "json"] + arguments, service: service)
            #expect(result.code == 0, "\(result.stderr)")
            return try #require(json(result.stdout) as? [[String: Any]]).compactMap { $0["id"] as? String }
        }
        #expect(try await ids(["--user", "carl"]) == ["d-2"])
        #expect(try await ids(["--target", "readers"]) == ["d-3"])
        #expect(try await ids(["--until", "36h"]) == ["d-2", "d-3"])
        #expect(try await ids(["--limit", "2"]) == ["d-1", "d-2"])
        let none = await run(["history", "--mine-as-approver", "--user", "zed"], service: service)
        #expect(none.code == 0)
        #expect(none.stdout == "None of your decisions matches --user zed.\n")
    }
}
