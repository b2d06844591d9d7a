import Foundation
import PIMDomain

/// One line of the History pane: one of my requests, or a PIM audit event.
///
/// The tenant's audit log gives tens of thousands of these, so a row keeps only what the pane
/// shows, shares its strings with the event or request it came from, and builds its id
/// (`request:…`, `audit:…`) when asked instead of storing a new string per row.
public struct HistoryRow: Hashable, Sendable, Identifiable {
    public enum Source: String, Hashable, Sendable { case request, audit }

    /// What `id` puts before `key`: rows made from a request or event name their source.
    private enum Prefix: Hashable, Sendable {
        case none, request, audit

        var text: String {
            switch self {
            case .none: ""
            case .request: "request:"
            case .audit: "audit:"
            }
        }
    }

    /// A ticket is rare (requests only): kept behind a pointer so rows without one do not carry its size.
    private final class TicketBox: Sendable {
        let ticket: TicketInfo
        init(_ ticket: TicketInfo) { self.ticket = ticket }
    }

    private var prefix: Prefix
    private var key: String
    private var ticketBox: TicketBox?

    public var source: Source
    public var date: Date?
    /// What happened: "activate", "deactivate", or the audit activity.
    public var activity: String
    public var targetName: String
    /// Request status or audit result.
    public var result: String
    public var actor: String?
    public var justification: String?
    public var requestId: String?

    public var id: String {
        get { prefix == .none ? key : prefix.text + key }
        set {
            prefix = .none
            key = newValue
        }
    }

    public var ticket: TicketInfo? {
        get { ticketBox?.ticket }
        set { ticketBox = newValue.map(TicketBox.init) }
    }

    public init(id: String, source: Source, date: Date?, activity: String, targetName: String, result: String,
                actor: String? = nil, justification: String? = nil, ticket: TicketInfo? = nil, requestId: String? = nil) {
        self.init(prefix: .none, key: id, source: source, date: date, activity: activity, targetName: targetName,
                  result: result, actor: actor, justification: justification, ticket: ticket, requestId: requestId)
    }

    private init(prefix: Prefix, key: String, source: Source, date: Date?, activity: String, targetName: String,
                 result: String, actor: String?, justification: String?, ticket: TicketInfo?, requestId: String?) {
        self.prefix = prefix
        self.key = key
        self.ticketBox = ticket.map(TicketBox.init)
        self.source = source
        self.date = date
        self.activity = activity
        self.targetName = targetName
        self.result = result
        self.actor = actor
        self.justification = justification
        self.requestId = requestId
    }

    public init(request: ElevationRequest) {
        self.init(prefix: .request, key: request.id, source: .request, date: request.createdAt,
                  activity: request.action.verb, targetName: request.target.displayName,
                  result: request.status.graphValue, actor: request.principal.label,
                  justification: request.justification, ticket: request.ticket, requestId: request.id)
    }

    public init(event: AuditEvent) {
        self.init(prefix: .audit, key: event.id, source: .audit, date: event.date, activity: event.activity,
                  targetName: event.targetName ?? "", result: event.result, actor: event.initiatedBy?.label,
                  justification: event.resultReason, ticket: nil, requestId: event.requestId)
    }

    public static func == (a: HistoryRow, b: HistoryRow) -> Bool {
        (a.prefix == b.prefix ? a.key == b.key : a.id == b.id)
            && a.source == b.source && a.date == b.date && a.activity == b.activity && a.targetName == b.targetName
            && a.result == b.result && a.actor == b.actor && a.justification == b.justification
            && a.ticket == b.ticket && a.requestId == b.requestId
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(source)
        hasher.combine(date)
        hasher.combine(activity)
        hasher.combine(targetName)
        hasher.combine(result)
        hasher.combine(actor)
        hasher.combine(justification)
        hasher.combine(ticket)
        hasher.combine(requestId)
    }

    /// My requests and the audit events, newest first; undated rows last. Each request shows once:
    /// an event that is only a listed request told as an event (what the service gives for "my
    /// history" without audit rights) is dropped; directory-audit records about it (approval,
    /// completion, expiry) have their own ids and stay.
    ///
    /// Orders positions rather than rows, and makes each row once, in its place: with 10,000
    /// events, copies of the rows while sorting would cost more than the rows themselves.
    public static func merge(requests: [ElevationRequest], events: [AuditEvent]) -> [HistoryRow] {
        let listed = requests.filter { !$0.isValidationOnly }
        let byId = Dictionary(listed.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var news: [Int] = []
        news.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            if let requestId = event.requestId, let request = byId[requestId], restates(event, request) { continue }
            news.append(index)
        }
        // Positions 0..<listed.count are the requests, the rest the events kept, in that order.
        var dates: [Date?] = listed.map(\.createdAt)
        dates.reserveCapacity(listed.count + news.count)
        for index in news { dates.append(events[index].date) }
        let order = dates.indices.sorted { a, b in
            switch (dates[a], dates[b]) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }
        return order.map { n in
            n < listed.count ? HistoryRow(request: listed[n]) : HistoryRow(event: events[news[n - listed.count]])
        }
    }

    /// True when `event` is the request itself: it carries the request's id as its own id.
    static func restates(_ event: AuditEvent, _ request: ElevationRequest) -> Bool {
        event.id == request.id
    }
}
