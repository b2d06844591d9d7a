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

    /// My requests and the audit events, newest first; undated rows last.
    public static func merge(requests: [ElevationRequest], events: [AuditEvent]) -> [HistoryRow] {
        let rows = requests.filter { !$0.isValidationOnly }.map(HistoryRow.init(request:)) + events.map(HistoryRow.init(event:))
        return rows.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
