import Foundation
import PIMDomain

/// One line of the History pane: one of my requests, or a PIM audit event.
public struct HistoryRow: Hashable, Sendable, Identifiable {
    public enum Source: String, Hashable, Sendable { case request, audit }
    public var id: String
    public var source: Source
    public var date: Date?
    /// What happened: "activate", "deactivate", or the audit activity.
    public var activity: String
    public var targetName: String
    /// Request status or audit result.
    public var result: String
    public var actor: String?
    public var justification: String?
    public var ticket: TicketInfo?
    public var requestId: String?

    public init(id: String, source: Source, date: Date?, activity: String, targetName: String, result: String,
                actor: String? = nil, justification: String? = nil, ticket: TicketInfo? = nil, requestId: String? = nil) {
        self.id = id
        self.source = source
        self.date = date
        self.activity = activity
        self.targetName = targetName
        self.result = result
        self.actor = actor
        self.justification = justification
        self.ticket = ticket
        self.requestId = requestId
    }

    public init(request: ElevationRequest) {
        self.init(id: "request:\(request.id)", source: .request, date: request.createdAt,
                  activity: request.action.verb, targetName: request.target.displayName,
                  result: request.status.graphValue, actor: request.principal.label,
                  justification: request.justification, ticket: request.ticket, requestId: request.id)
    }

    public init(event: AuditEvent) {
        self.init(id: "audit:\(event.id)", source: .audit, date: event.date, activity: event.activity,
                  targetName: event.targetName ?? "", result: event.result, actor: event.initiatedBy?.label,
                  justification: event.resultReason, requestId: event.requestId)
    }

    /// My requests and the audit events, newest first; undated rows last. Each request shows once:
    /// an event that is only a listed request told as an event (what the service gives for "my
    /// history" without audit rights) is dropped; directory-audit records about it (approval,
    /// completion, expiry) have their own ids and stay.
    public static func merge(requests: [ElevationRequest], events: [AuditEvent]) -> [HistoryRow] {
        let listed = requests.filter { !$0.isValidationOnly }
        let byId = Dictionary(listed.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let news = events.filter { event in
            guard let requestId = event.requestId, let request = byId[requestId] else { return true }
            return !restates(event, request)
        }
        let rows = listed.map(HistoryRow.init(request:)) + news.map(HistoryRow.init(event:))
        return rows.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// True when `event` is the request itself: it carries the request's id as its own id.
    static func restates(_ event: AuditEvent, _ request: ElevationRequest) -> Bool {
        event.id == request.id
    }
}
