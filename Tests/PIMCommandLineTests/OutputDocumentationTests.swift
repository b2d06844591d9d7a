import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

/// Every key `--output json` prints is documented in docs/cli-output.md, so the contract and the
/// program cannot drift apart silently.
@Suite struct OutputDocumentationTests {
    static func keys(_ value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set(object.keys)) { $0.formUnion(keys($1.value)) }
        }
        if let array = value as? [Any] { return array.reduce(into: Set<String>()) { $0.formUnion(keys($1)) } }
        return []
    }

    @Test func everyJSONKeyIsDocumented() async throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/cli-output.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let service = FakeService(now: testNow) { state in
            let ben = Principal(id: "u-ben", displayName: "Ben Okafor")
            FakeService.seedAzure(&state)
            state.active = [
                ActiveAssignment(
                    id: "a1", target: FakeService.exchangeAdmin, principal: state.me,
                    start: testNow.addingTimeInterval(-3600), end: testNow.addingTimeInterval(3600)),
                ActiveAssignment(
                    id: "a-az", target: FakeService.ownerDev, principal: state.me,
                    start: testNow.addingTimeInterval(-3600), end: testNow.addingTimeInterval(3600)),
            ]
            state.elevations = state.active
            state.history = [AuditEvent(id: "h", date: testNow, activity: "a", result: "success")]
            state.approvals = [
                ApprovalItem(
                    request: ElevationRequest(
                        id: "p", target: FakeService.globalAdmin, action: .selfActivate,
                        status: .pendingApproval, principal: ben, createdAt: testNow)),
                ApprovalItem(
                    request: ElevationRequest(
                        id: "p-az", target: FakeService.contributorProd, action: .selfActivate,
                        status: .pendingApproval, principal: ben, createdAt: testNow)),
            ]
            state.accessReviews = [
                AccessReviewDecision(
                    reviewId: "rev-1", reviewName: "Global Administrator eligibilities", instanceId: "inst-0001",
                    decisionId: "dec-00000001", principal: ben, resourceName: "Global Administrator",
                    resourceKind: .directoryRole, reviewedBy: ben)
            ]
        }
        var found = Set<String>()
        for arguments in [
            ["roles"], ["requests"], ["approvals"], ["elevations"], ["history"], ["whoami"], ["demo", "personas"],
            ["activate", "Finance Admins", "-j", "x", "-d", "1h"], ["activate", "Exchange Administrator"],
            ["deactivate", "Directory Readers"], ["approve", "p", "-j", "ok"], ["logout"], ["demo", "reset"],
            ["activate", "azure:Reader", "-d", "1h"], ["deactivate", "azure:Contributor@Prod-Payments"],
            ["reviews"], ["review", "dec-00000001", "--deny", "-j", "left"],
            ["review", "--accept-recommendations", "inst-0001"],
        ] {
            let result = await run(arguments + ["-o", "json"], service: service)
            let document = try #require(json(result.stdout), "\(arguments): \(result.stderr)")
            found.formUnion(Self.keys(document))
        }
        let undocumented = found.filter { !text.contains("`\($0)`") && !text.contains("\"\($0)\"") }.sorted()
        #expect(undocumented.isEmpty, "undocumented keys: \(undocumented)")
    }
}
