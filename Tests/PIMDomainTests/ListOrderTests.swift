import Foundation
import Testing

@testable import PIMDomain

/// Each list has one order, the same in the full screen and on the command line, and it does not
/// depend on the order the service listed the rows in.
@Suite struct ListOrderTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let me = Principal(id: "me", displayName: "Ada Admin")

    func target(_ name: String) -> ElevationTarget { ElevationTarget(id: .role("id-\(name)"), displayName: name) }

    func elevation(_ id: String, _ name: String, endsIn minutes: Double?) -> ActiveAssignment {
        ActiveAssignment(
            id: id, target: target(name), principal: me, start: now,
            end: minutes.map { now.addingTimeInterval($0 * 60) })
    }

    func request(_ id: String, minutesAgo: Double?) -> ElevationRequest {
        ElevationRequest(
            id: id, target: target("Global Reader"), action: .selfActivate, status: .pendingApproval, principal: me,
            createdAt: minutesAgo.map { now.addingTimeInterval(-$0 * 60) })
    }

    @Test func elevationsEndSoonestFirstThenByNameThenById() {
        let rows = [
            elevation("e5", "Global Reader", endsIn: nil), elevation("e4", "User Administrator", endsIn: 30),
            elevation("e3", "Exchange Administrator", endsIn: 30),
            elevation("e2", "Exchange Administrator", endsIn: 30),
            elevation("e1", "Security Reader", endsIn: 5), elevation("e0", "Application Administrator", endsIn: nil),
        ]
        let expected = ["e1", "e2", "e3", "e4", "e0", "e5"]
        #expect(rows.sorted(by: ActiveAssignment.soonestEndFirst).map(\.id) == expected)
        #expect(rows.reversed().sorted(by: ActiveAssignment.soonestEndFirst).map(\.id) == expected)
    }

    @Test func approvalsLongestWaitingFirstThenById() {
        let items = [
            ApprovalItem(request: request("r3", minutesAgo: nil)), ApprovalItem(request: request("r2", minutesAgo: 5)),
            ApprovalItem(request: request("r1", minutesAgo: 90)), ApprovalItem(request: request("r0", minutesAgo: 5)),
        ]
        let expected = ["r1", "r0", "r2", "r3"]
        #expect(items.sorted(by: ApprovalItem.longestWaitingFirst).map(\.id) == expected)
        #expect(items.reversed().sorted(by: ApprovalItem.longestWaitingFirst).map(\.id) == expected)
    }

    @Test func requestsNewestFirstThenById() {
        let requests = [
            request("q3", minutesAgo: nil), request("q2", minutesAgo: 90), request("q1", minutesAgo: 5),
            request("q0", minutesAgo: 5),
        ]
        let expected = ["q0", "q1", "q2", "q3"]
        #expect(requests.sorted(by: ElevationRequest.newestFirst).map(\.id) == expected)
        #expect(requests.reversed().sorted(by: ElevationRequest.newestFirst).map(\.id) == expected)
    }
}
