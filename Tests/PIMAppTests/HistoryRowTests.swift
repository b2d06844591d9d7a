import Foundation
import PIMApp
import PIMDomain
import Testing

/// The History pane: each of my requests once, with the audit records that tell more about it.
@Suite struct HistoryRowTests {
    /// A request told as an audit event, the way the service fills "my history" without audit rights.
    func told(_ request: ElevationRequest) -> AuditEvent {
        AuditEvent(id: request.id, date: request.createdAt!, activity: "activate role (\(request.status.graphValue))",
                   result: "success", resultReason: request.justification, initiatedBy: request.principal,
                   targetName: request.target.displayName, requestId: request.id)
    }

    @Test func eachOfMyRequestsShowsOnce() {
        let requests = Fixture.dashboard.myRequests
        let rows = HistoryRow.merge(requests: requests, events: requests.map(told))
        #expect(rows.count == requests.count)
        #expect(rows.allSatisfy { $0.source == .request })
        for request in requests {
            #expect(rows.filter { $0.requestId == request.id }.count == 1)
        }
    }

    @Test func auditRecordsAboutARequestStay() {
        let request = Fixture.securityReaderRequest
        let approved = AuditEvent(id: "audit-77", date: Fixture.now, activity: "Add member to role request approved (PIM activation)",
                                  result: "success", initiatedBy: Fixture.ben, targetName: "Security Reader", requestId: request.id)
        let other = AuditEvent(id: "audit-78", date: Fixture.now.addingTimeInterval(-60), activity: "Remove member from role (PIM activation expired)",
                               result: "success", targetName: "Global Reader", requestId: "req-elsewhere")
        let rows = HistoryRow.merge(requests: [request], events: [told(request), approved, other])
        #expect(rows.map(\.id) == ["audit:audit-77", "audit:audit-78", "request:req-ada-1"])
    }

    @Test func theLoadedPaneHasNoDuplicates() {
        var dashboard = Fixture.dashboard
        dashboard.history += dashboard.myRequests.map(told)
        var state = AppState(now: Fixture.now, width: 80, height: 24)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        let requestIds = state.history.filter { $0.source == .request }.compactMap(\.requestId)
        #expect(requestIds.sorted() == dashboard.myRequests.map(\.id).sorted())
        #expect(!state.history.contains { $0.source == .audit && requestIds.contains($0.id.replacingOccurrences(of: "audit:", with: "")) })
    }
}
