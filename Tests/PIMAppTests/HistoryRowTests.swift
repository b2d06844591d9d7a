import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// The History pane: each of my requests once, with the audit records that tell more about it.
@Suite struct HistoryRowTests {
    /// A request told as an audit event, the way the service fills "my history" without audit rights.
    func told(_ request: ElevationRequest) -> AuditEvent {
        AuditEvent(
            id: request.id, date: request.createdAt!, activity: "activate role (\(request.status.graphValue))",
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
        let approved = AuditEvent(
            id: "audit-77", date: Fixture.now, activity: "Add member to role request approved (PIM activation)",
            result: "success", initiatedBy: Fixture.ben, targetName: "Security Reader", requestId: request.id)
        let other = AuditEvent(
            id: "audit-78", date: Fixture.now.addingTimeInterval(-60),
            activity: "Remove member from role (PIM activation expired)",
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
        #expect(
            !state.history.contains {
                $0.source == .audit && requestIds.contains($0.id.replacingOccurrences(of: "audit:", with: ""))
            })
    }
}

/// A row made from an audit event reads its columns from the event; changing one makes it a row
/// of its own, and it stays equal to the same row built field by field.
@Suite struct HistoryRowValueTests {
    static let event = AuditEvent(
        id: "audit-9", date: Date(timeIntervalSince1970: 1_000), activity: "Add member to role completed",
        result: "success", resultReason: "INC-1: sign-in anomalies",
        initiatedBy: Principal(id: "u-1", displayName: "Ada"),
        targetName: "Security Reader", requestId: "req-9")

    @Test func anEventRowShowsTheEvent() {
        let row = HistoryRow(event: Self.event)
        #expect(row.id == "audit:audit-9" && row.source == .audit && row.date == Self.event.date)
        #expect(
            row.activity == "Add member to role completed" && row.targetName == "Security Reader"
                && row.result == "success")
        #expect(
            row.actor == "Ada" && row.justification == "INC-1: sign-in anomalies" && row.ticket == nil
                && row.requestId == "req-9")
        let built = HistoryRow(
            id: "audit:audit-9", source: .audit, date: Self.event.date, activity: "Add member to role completed",
            targetName: "Security Reader", result: "success", actor: "Ada",
            justification: "INC-1: sign-in anomalies", requestId: "req-9")
        #expect(row == built && row.hashValue == built.hashValue)
    }

    @Test func changingAColumnKeepsTheOthers() {
        var row = HistoryRow(event: Self.event)
        row.result = "failure"
        row.ticket = TicketInfo(number: "CHG-1")
        #expect(row.result == "failure" && row.ticket?.number == "CHG-1")
        #expect(row.id == "audit:audit-9" && row.activity == "Add member to role completed" && row.actor == "Ada")
        row.id = "custom"
        #expect(row.id == "custom" && row.source == .audit)
        #expect(HistoryRow(event: Self.event).result == "success")
    }
}

/// A History row is one pointer (at its event, or at its own columns), and keeps its id as the
/// source's id plus a prefix: the id reads the same, and rows compare by it, however they were made.
@Suite struct HistoryRowStorageTests {
    @Test func aRowIsOnePointer() {
        #expect(MemoryLayout<HistoryRow>.size == 8)
    }

    @Test func idsReadAndCompareAsText() {
        let event = HistoryRowValueTests.event
        let fromEvent = HistoryRow(event: event)
        let built = HistoryRow(
            id: "audit:audit-9", source: .audit, date: event.date, activity: event.activity,
            targetName: "Security Reader", result: "success", actor: "Ada",
            justification: event.resultReason, requestId: "req-9")
        #expect(fromEvent.id == built.id && fromEvent == built && fromEvent.hashValue == built.hashValue)
        var renamed = built
        renamed.id = "request:audit-9"
        #expect(renamed.id == "request:audit-9" && renamed != built)
        renamed.id = "plain"
        #expect(renamed.id == "plain")
        let odd = HistoryRow(event: AuditEvent(id: "audit:x", date: event.date, activity: "a", result: "success"))
        #expect(odd.id == "audit:audit:x")
        var same = odd
        same.id = "audit:audit:x"
        #expect(same == odd)
    }

    @Test func aRequestRowShowsTheRequest() {
        let request = Fixture.securityReaderRequest
        let row = HistoryRow(request: request)
        #expect(row.id == "request:" + request.id && row.source == .request && row.requestId == request.id)
        #expect(row.targetName == request.target.displayName && row.ticket == request.ticket)
        #expect(row.date == request.createdAt)
    }
}
