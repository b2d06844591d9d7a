import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

/// Several REQUEST_IDs on one command line, and ids written as a unique prefix.
@Suite struct SeveralIdsTests {
    static let first = "9f2b5ddb-a50e-44a1-a6f4-f616322262ea"
    static let second = "9f2b5ddb-0000-4000-8000-000000000002"
    static let third = "3c1e0a77-1111-4111-8111-000000000003"

    static func tenant() -> FakeService {
        FakeService(now: testNow) { state in
            let ben = Principal(id: "u-ben", displayName: "Ben Okafor")
            state.approvals = [first, second, third].map { id in
                ApprovalItem(
                    request: ElevationRequest(
                        id: id, target: FakeService.globalAdmin, action: .selfActivate, status: .pendingApproval,
                        principal: ben, createdAt: testNow.addingTimeInterval(-300), approvalId: id))
            }
            state.requests = [
                ElevationRequest(
                    id: first, target: FakeService.globalAdmin, action: .selfActivate,
                    status: .pendingApproval, principal: state.me, createdAt: testNow),
                ElevationRequest(
                    id: third, target: FakeService.exchangeAdmin, action: .selfActivate,
                    status: .pendingApproval, principal: state.me, createdAt: testNow),
            ]
        }
    }

    @Test func resolverFindsWholeIdsAndUniquePrefixesInAnyCase() throws {
        let ids = [Self.first, Self.second, Self.third]
        let whole = try IdPrefixResolver.resolve(Self.first.uppercased(), among: ids, ids: { [$0] }, command: "cancel")
        #expect(whole == Self.first)
        let prefix = try IdPrefixResolver.resolve("3C1E0A77", among: ids, ids: { [$0] }, command: "cancel")
        #expect(prefix == Self.third)
        #expect(try IdPrefixResolver.resolve("deadbeef", among: ids, ids: { [$0] }, command: "cancel") == nil)
    }

    @Test func resolverRefusesAmbiguousAndShortPrefixes() throws {
        let ids = [Self.first, Self.second, Self.third]
        #expect(throws: UsageError.self) {
            try IdPrefixResolver.resolve("9f2b5ddb", among: ids, ids: { [$0] }, command: "approve")
        }
        #expect(throws: UsageError.self) {
            try IdPrefixResolver.resolve("3c1e", among: ids, ids: { [$0] }, command: "approve")
        }
        // A short id that is some request's whole id is that request.
        #expect(try IdPrefixResolver.resolve("req-p", among: ["req-p"], ids: { [$0] }, command: "cancel") == "req-p")
    }

    @Test func ambiguousPrefixIsAUsageErrorListingTheMatchesAndDecidesNothing() async {
        let service = Self.tenant()
        let result = await run(["approve", "9F2B5DDB", Self.third, "-j", "ok"], service: service)
        #expect(result.code == 2)
        #expect(result.stderr.contains("is the start of 2 request ids"))
        #expect(result.stderr.contains(Self.first) && result.stderr.contains(Self.second))
        #expect(service.read { $0.decisions.isEmpty })
    }

    @Test func shortPrefixIsAUsageErrorSayingSo() async {
        let result = await run(["cancel", "3c1e0a"], service: Self.tenant())
        #expect(result.code == 2)
        #expect(result.stderr.contains("too short to stand for a request id: write at least 8 characters"))
    }

    @Test func severalIdsShareTheJustificationWithOneLineEach() async {
        let service = Self.tenant()
        let result = await run(["approve", "9f2b5ddb-a50e", "3c1e0a77", "-j", "Matches CHG-9"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Approved request \(Self.first)") == true)
        #expect(lines.last?.hasPrefix("Approved request \(Self.third)") == true)
        #expect(service.read { $0.decisions.map(\.0) } == [Self.first, Self.third])
        #expect(service.read { $0.decisions.allSatisfy { $0.2 == "Matches CHG-9" } })
    }

    @Test func oneFailingIdGivesItsLineAndTheWorstExitCode() async {
        let service = Self.tenant()
        let gone = "0badc0de-2222-4222-8222-000000000004"
        let result = await run(["deny", Self.first, gone, Self.second, "-j", "No ticket"], service: service)
        #expect(result.code == 4)
        #expect(result.stdout.contains("Denied request \(Self.first)"))
        #expect(result.stdout.contains("Denied request \(Self.second)"))
        #expect(result.stderr.contains("pim: No request waiting for your decision has id \(gone)"))
        #expect(service.read { $0.decisions.count } == 2)
    }

    @Test func severalIdsInJSONAreAnArrayOfTheDecided() async throws {
        let service = Self.tenant()
        let result = await run(["approve", Self.first, Self.third, "-j", "ok", "-o", "json"], service: service)
        #expect(result.code == 0)
        let rows = try #require(json(result.stdout) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == [Self.first, Self.third])
    }

    @Test func cancelTakesSeveralPrefixes() async {
        let service = Self.tenant()
        let result = await run(["cancel", "9f2b5ddb-a", "3C1E0A77"], service: service)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(service.read { $0.cancelled } == [Self.first, Self.third])
    }

    @Test func completionOffersTheIdsTheLastListingsShowed() async {
        let home = isolatedHome()
        let service = Self.tenant()
        _ = await run(["requests"], service: service, environment: ["HOME": home])
        _ = await run(["approvals"], service: service, environment: ["HOME": home])
        let mine = await run(["__complete", "requests"], environment: ["HOME": home])
        #expect(mine.stdout == "\(Self.third)\n\(Self.first)\n")
        let waiting = await run(["__complete", "approvals"], environment: ["HOME": home])
        #expect(waiting.stdout == "\(Self.third)\n\(Self.second)\n\(Self.first)\n")
    }

    @Test func anIdWithShellSyntaxNeverReachesTheCompletionCache() {
        let text = RequestIdsCache.text(["ok-1", "$(rm -rf ~)", "a\u{1B}]0;x\u{07}", "b c", "ok-1"])
        #expect(text == "ok-1\n")
    }
}
